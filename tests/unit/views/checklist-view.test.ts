import { describe, expect, it } from 'vitest';
import { UNFOLDED_UPCOMING, checklistTargets, checklistView, parseServerPoints, type ChecklistTrack } from '../../../lib/views/checklist-view';
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

function shownTrack(model: ReturnType<typeof checklistView>): ChecklistTrack {
  const shown = model.shown?.track;
  if (!shown) throw new Error('no followed track shown');
  return shown;
}

describe('the side panel checklist of the built-in arc', () => {
  const state = builtinFollowing(DEFENDERS, {
    [BUILTIN_PACK_ID]: [completed(DEFENDERS, 'unraveling-anomalies'), checked(DEFENDERS, 'hidden-motivations', 'away-team')],
  });

  it('lists every milestone in time order with its day and status on Wednesday at noon', () => {
    const { milestones } = shownTrack(checklistView(state, WED_NOON));
    expect(milestones.map((m) => [m.name, m.start, m.end, m.status])).toEqual([
      ['Unraveling Anomalies', MON, MON + DAY, 'done'],
      ['Enlisting Old Allies', MON + DAY, MON + 2 * DAY, 'missed'],
      ['Hidden Motivations', MON + 2 * DAY, THU, 'live'],
      ['Assembling the Resistance', THU, THU + DAY, 'upcoming'],
      ['Shaping a Unified Destiny', THU + DAY, THU + 2 * DAY, 'upcoming'],
    ]);
  });

  it('shows objectives as checked or not, and points earned and reachable', () => {
    const track = shownTrack(checklistView(state, WED_NOON));
    expect(track.milestones[2]!.objectives).toEqual([
      { id: 'away-team', text: 'Complete Away Team Assignments', checked: true },
      { id: 'trait-xp', text: 'Spend Trait XP', checked: false },
    ]);
    expect(track.points).toEqual({ earned: 100, reachable: 400, possible: 500 });
  });

  it('keeps an empty objective list where the pack publishes none', () => {
    const track = shownTrack(checklistView(builtinFollowing(ARCHITECTS), WED_NOON));
    expect(track.milestones.find((m) => m.id === 'testing-destinies')!.objectives).toEqual([]);
  });

  it('gives the server goal, its rewards and, before any entry, the whole goal as still needed', () => {
    const { server } = shownTrack(checklistView(state, WED_NOON));
    expect(server).toEqual({
      name: 'Defenders of Peace – IMS',
      start: MON,
      end: Date.UTC(2023, 10, 18),
      goal: 8925,
      rewards: ['4 Jadzia Dax shards', '3 Miles O’Brien shards', 'Missing Translation'],
      needed: 8925,
      fullCompletions: 18,
      perCompletion: 500,
    });
  });

  it("counts the points and full completions still needed from the server's points as last seen", () => {
    const seen = builtinFollowing(DEFENDERS, {
      [BUILTIN_PACK_ID]: [{ kind: 'server-points', trackId: DEFENDERS, points: 4200, at: WED_NOON - HOUR }],
    });
    expect(shownTrack(checklistView(seen, WED_NOON)).server).toMatchObject({
      seen: { points: 4200, seenAt: WED_NOON - HOUR },
      needed: 4725,
      fullCompletions: 10,
    });
  });

  it('gives the solo rewards, and none where the pack publishes none', () => {
    expect(shownTrack(checklistView(state, WED_NOON)).solo).toMatchObject({ name: 'Defender of Peace – SMS', rewards: expect.arrayContaining(['Tritanium']) });
    expect(shownTrack(checklistView(builtinFollowing(ARCHITECTS), WED_NOON)).solo).toEqual({ name: 'Architect of Chaos – SMS' });
  });

  it("gives the pack's requirements and the track choices", () => {
    const { shown } = checklistView(state, WED_NOON);
    expect(shown?.requirements).toHaveLength(2);
    expect(shown?.tracks.map((t) => t.label)).toEqual(['Defenders of Peace · Hero', 'Architects of Chaos · Villain']);
  });

  it('says the reset was assumed', () => {
    expect(shownTrack(checklistView(state, WED_NOON)).reset).toMatchObject({ label: '00:00 UTC', source: 'default' });
  });

  it('wakes at the next start or end', () => {
    expect(checklistView(state, WED_NOON).targets).toEqual([THU]);
    expect(checklistTargets(state, WED_NOON)).toEqual([THU]);
    expect(checklistView(state, THU + 3 * DAY).targets).toEqual([]);
  });
});

describe('which milestones show their objectives unfolded', () => {
  it('the live one and the next few upcoming ones; ended and far-off ones fold theirs away', () => {
    const days = Array.from({ length: 12 }, (_, i) => milestone(`d${i}`, new Date(MON + i * DAY).toISOString().slice(0, 10), new Date(MON + (i + 1) * DAY).toISOString().slice(0, 10)));
    const long = pack([track('t', days)], { id: 'long' });
    const state = stateWith({ imported: [long], settings: { long: { followedTrackId: 't' }, [BUILTIN_PACK_ID]: { hidden: true } } });
    const open = shownTrack(checklistView(state, WED_NOON)).milestones.map((m) => [m.id, m.status, m.objectivesOpen]);
    expect(UNFOLDED_UPCOMING).toBe(7);
    expect(open).toEqual([
      ['d0', 'missed', false],
      ['d1', 'missed', false],
      ['d2', 'live', true],
      ...[3, 4, 5, 6, 7, 8, 9].map((i) => [`d${i}`, 'upcoming', true]),
      ['d10', 'upcoming', false],
      ['d11', 'upcoming', false],
    ]);
  });

  it('keeps a live milestone unfolded once it is done', () => {
    const state = builtinFollowing(DEFENDERS, { [BUILTIN_PACK_ID]: [completed(DEFENDERS, 'hidden-motivations')] });
    expect(shownTrack(checklistView(state, WED_NOON)).milestones[2]).toMatchObject({ status: 'done', objectivesOpen: true });
  });
});

describe('choosing what the side panel shows', () => {
  it('has no track until one is followed, but offers the choice', () => {
    const { shown } = checklistView(stateWith(), WED_NOON);
    expect(shown?.track).toBeUndefined();
    expect(shown?.tracks).toHaveLength(2);
  });

  it('shows a running pack before one that is over, unless the Commander picked one', () => {
    const now = Date.UTC(2024, 0, 10, 12);
    const live = pack([track('t', [milestone('m', '2024-01-10', '2024-01-11')])], { id: 'live', title: 'Live arc' });
    const state = stateWith({
      imported: [live],
      settings: { [BUILTIN_PACK_ID]: { followedTrackId: DEFENDERS }, live: { followedTrackId: 't' } },
    });
    expect(checklistView(state, now).shown?.packId).toBe('live');
    expect(checklistView(state, now, BUILTIN_PACK_ID).shown?.packId).toBe(BUILTIN_PACK_ID);
    expect(checklistView(state, now, 'removed-since').shown?.packId).toBe('live');
    expect(checklistView(state, now).packs).toEqual([
      { id: BUILTIN_PACK_ID, title: 'Heroes and Villains, November 2023' },
      { id: 'live', title: 'Live arc' },
    ]);
  });

  it('shows nothing when every pack is hidden', () => {
    expect(checklistView(stateWith({ settings: { [BUILTIN_PACK_ID]: { hidden: true } } }), WED_NOON)).toEqual({
      now: WED_NOON,
      packs: [],
      targets: [],
    });
  });
});

describe("reading the server's points as typed", () => {
  it.each([
    ['4200', 4200],
    [' 4200 ', 4200],
    ['4,200', 4200],
    ['4.200', 4200],
    ['1 234 567', 1234567],
    ['0', 0],
  ])('reads %j as %d', (text, points) => expect(parseServerPoints(text)).toBe(points));

  it.each(['', 'abc', '-5', '4.5', '42,00', '4200 points', '1e6'])('refuses %j', (text) => expect(parseServerPoints(text)).toBeUndefined());
});
