import { describe, expect, it } from 'vitest';
import type { Pack } from '../../../lib/packs/types';
import { popupView, type PopupChooseSection, type PopupTrackSection } from '../../../lib/views/popup-view';
import { DAY, HOUR, milestone, pack, track } from '../../fixtures/packs';
import {
  ARCHITECTS,
  BUILTIN_PACK_ID,
  DEFENDERS,
  WED_NOON,
  builtinFollowing,
  checked,
  completed,
  stateWith,
} from '../../fixtures/tracker-state';

const MON = Date.UTC(2023, 10, 13);
const THU = Date.UTC(2023, 10, 16);
const SAT = Date.UTC(2023, 10, 18);

function onlyTrack(model: ReturnType<typeof popupView>): PopupTrackSection {
  expect(model.sections).toHaveLength(1);
  const section = model.sections[0]!;
  if (section.kind !== 'track') throw new Error(`expected a followed track, got ${section.kind}`);
  return section;
}

describe('the popup on first run', () => {
  it('offers the tracks of the built-in pack by name and role', () => {
    const model = popupView(stateWith(), WED_NOON);
    expect(model.sections).toEqual([
      {
        kind: 'choose',
        packId: BUILTIN_PACK_ID,
        packTitle: 'Heroes and Villains, November 2023',
        tracks: [
          { id: DEFENDERS, name: 'Defenders of Peace', role: 'Hero', label: 'Defenders of Peace · Hero' },
          { id: ARCHITECTS, name: 'Architects of Chaos', role: 'Villain', label: 'Architects of Chaos · Villain' },
        ],
      } satisfies PopupChooseSection,
    ]);
    expect(model).toMatchObject({ anythingLive: false, nothingLive: false, targets: [] });
  });
});

describe('the popup while a milestone is live', () => {
  it('shows Hidden Motivations for Defenders of Peace on Wednesday 15 November 2023 at 12:00 UTC', () => {
    const section = onlyTrack(popupView(builtinFollowing(DEFENDERS), WED_NOON));
    expect(section).toMatchObject({ trackName: 'Defenders of Peace', role: 'Hero', phase: 'running' });
    expect(section.live).toEqual([
      {
        id: 'hidden-motivations',
        name: 'Hidden Motivations',
        points: 100,
        start: Date.UTC(2023, 10, 15),
        end: THU,
        completed: false,
        objectives: [
          { id: 'away-team', text: 'Complete Away Team Assignments', checked: false },
          { id: 'trait-xp', text: 'Spend Trait XP', checked: false },
        ],
        notes: expect.any(String),
      },
    ]);
    expect(section.next).toEqual({ id: 'assembling-the-resistance', name: 'Assembling the Resistance', start: THU, end: THU + DAY });
  });

  it('shows Confronting Resilience for Architects of Chaos at the same time', () => {
    const section = onlyTrack(popupView(builtinFollowing(ARCHITECTS), WED_NOON));
    expect(section.live.map((m) => m.name)).toEqual(['Confronting Resilience']);
    expect(section.next?.name).toBe('Testing Destinies');
  });

  it('reflects checked objectives and completion', () => {
    const state = builtinFollowing(DEFENDERS, {
      [BUILTIN_PACK_ID]: [checked(DEFENDERS, 'hidden-motivations', 'trait-xp'), completed(DEFENDERS, 'hidden-motivations')],
    });
    const [live] = onlyTrack(popupView(state, WED_NOON)).live;
    expect(live!.completed).toBe(true);
    expect(live!.objectives.map((o) => o.checked)).toEqual([false, true]);
  });

  it('counts points earned, still reachable and possible: two days missed leaves 300 reachable', () => {
    expect(onlyTrack(popupView(builtinFollowing(DEFENDERS), WED_NOON)).points).toEqual({ earned: 0, reachable: 300, possible: 500 });
    const done = builtinFollowing(DEFENDERS, {
      [BUILTIN_PACK_ID]: [completed(DEFENDERS, 'unraveling-anomalies'), completed(DEFENDERS, 'hidden-motivations')],
    });
    expect(onlyTrack(popupView(done, WED_NOON)).points).toEqual({ earned: 200, reachable: 400, possible: 500 });
  });

  it('counts down to the live end and to the next start', () => {
    const model = popupView(builtinFollowing(DEFENDERS), WED_NOON);
    expect(model).toMatchObject({ anythingLive: true, nothingLive: false });
    expect(model.targets).toEqual([THU, THU]);
  });

  it('says the times assume a 00:00 UTC reset, since the built-in pack gives dates only', () => {
    expect(onlyTrack(popupView(builtinFollowing(DEFENDERS), WED_NOON)).reset).toEqual({
      reset: '00:00Z',
      label: '00:00 UTC',
      source: 'default',
      example: Date.UTC(2023, 10, 15),
    });
  });

  it("uses the Commander's own reset, and says so", () => {
    const state = stateWith({ settings: { [BUILTIN_PACK_ID]: { followedTrackId: DEFENDERS, dailyReset: '11:00Z' } } });
    const section = onlyTrack(popupView(state, WED_NOON));
    expect(section.live[0]).toMatchObject({ name: 'Hidden Motivations', end: THU + 11 * HOUR });
    expect(section.reset).toMatchObject({ label: '11:00 UTC', source: 'settings' });
  });

  it('reads the objectives of the live milestones only', () => {
    const trap = (id: string, start: string, end: string) => {
      const m = milestone(id, start, end);
      Object.defineProperty(m, 'objectives', {
        get() {
          throw new Error(`read the objectives of ${id}`);
        },
      });
      return m;
    };
    const big: Pack = pack(
      [track('t', [trap('before', '2023-11-13', '2023-11-14'), milestone('now', '2023-11-15', '2023-11-16'), trap('after', '2023-11-16', '2023-11-17')])],
      { id: 'big' },
    );
    const state = stateWith({ imported: [big], settings: { big: { followedTrackId: 't' }, [BUILTIN_PACK_ID]: { hidden: true } } });
    expect(onlyTrack(popupView(state, WED_NOON)).live.map((m) => m.id)).toEqual(['now']);
  });
});

describe('the popup when nothing is live', () => {
  const gapped = pack([track('t', [milestone('a', '2023-11-13', '2023-11-14'), milestone('b', '2023-11-16', '2023-11-17')], { name: 'Gapped' })], {
    id: 'gapped',
    title: 'Gapped arc',
  });
  const following = stateWith({ imported: [gapped], settings: { gapped: { followedTrackId: 't' }, [BUILTIN_PACK_ID]: { hidden: true } } });

  it('between two milestones: what comes next and when', () => {
    const model = popupView(following, WED_NOON);
    const section = onlyTrack(model);
    expect(section).toMatchObject({ phase: 'running', live: [], next: { id: 'b', start: THU } });
    expect(model).toMatchObject({ anythingLive: false, nothingLive: true, targets: [THU] });
  });

  it('before the arc: upcoming, counting down to the first milestone', () => {
    const section = onlyTrack(popupView(builtinFollowing(DEFENDERS), MON - 3 * HOUR));
    expect(section).toMatchObject({ phase: 'upcoming', live: [], next: { name: 'Unraveling Anomalies', start: MON } });
    expect(section.points).toEqual({ earned: 0, reachable: 500, possible: 500 });
  });

  it('after the arc: over, with when it ended and the points earned', () => {
    const state = builtinFollowing(DEFENDERS, { [BUILTIN_PACK_ID]: [completed(DEFENDERS, 'hidden-motivations')] });
    const model = popupView(state, SAT + DAY);
    expect(onlyTrack(model)).toMatchObject({ phase: 'over', live: [], arcEnd: SAT, points: { earned: 100, reachable: 100, possible: 500 } });
    expect(model.targets).toEqual([]);
    expect(onlyTrack(model).next).toBeUndefined();
  });
});

describe('the popup with several packs', () => {
  it('puts the live one first, then a pack to choose a track in, then one that is over', () => {
    const now = Date.UTC(2024, 0, 10, 12);
    const live = pack([track('t', [milestone('m', '2024-01-10', '2024-01-11')])], { id: 'live', title: 'Live arc' });
    const fresh = pack([track('x', [milestone('m', '2024-02-01', '2024-02-02')])], { id: 'fresh', title: 'Fresh arc' });
    const state = stateWith({
      imported: [fresh, live],
      settings: { [BUILTIN_PACK_ID]: { followedTrackId: DEFENDERS }, live: { followedTrackId: 't' } },
    });
    expect(popupView(state, now).sections.map((s) => [s.packId, s.kind])).toEqual([
      ['live', 'track'],
      ['fresh', 'choose'],
      [BUILTIN_PACK_ID, 'track'],
    ]);
  });

  it('shows nothing when every pack is hidden', () => {
    expect(popupView(stateWith({ settings: { [BUILTIN_PACK_ID]: { hidden: true } } }), WED_NOON).sections).toEqual([]);
  });
});
