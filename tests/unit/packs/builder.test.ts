import { describe, expect, it } from 'vitest';
import {
  copyOfTrack,
  dailyMilestones,
  followingMilestone,
  withDailyMilestones,
  buildPack,
  emptyDraft,
  emptyMilestone,
  emptyTrack,
  draftFromPack,
  draftHasTyping,
  storedPackDraft,
  localToPackTime,
  nextDay,
  packValueFromDraft,
  slugify,
  type PackDraft,
} from '../../../lib/packs/builder';
import { serialisePack } from '../../../lib/packs/export';
import { readPack } from '../../../lib/packs/reader';
import { resolvePackTime } from '../../../lib/schedule/pack-time';
import { builtinPack } from '../../../lib/packs/builtin';
import { milestone, pack, track } from '../../fixtures/packs';

/** Berlin in winter: UTC+1. */
const berlin = () => 60;

/** This week's arc as a Commander types it from the in-game screen. */
function thisWeek(): PackDraft {
  return {
    ...emptyDraft(),
    title: 'Borg Incursion, week 1',
    dailyReset: '11:00',
    tracks: [
      {
        ...emptyTrack(),
        name: 'Resistance',
        role: 'Hero',
        milestones: [
          { ...emptyMilestone('2024-02-05'), name: 'Cube Sighting', objectives: 'Defeat Borg probes\nMine Dilithium\n\n', rewards: 'Parsteel\n3 Seven of Nine shards' },
          { ...emptyMilestone(), name: 'Cube Sighting', points: '150', timing: 'exact', start: '2024-02-06T12:00', end: '2024-02-07T12:30', objectives: '' },
        ],
      },
    ],
  };
}

describe('building a pack from the form', () => {
  it('makes a pack that the import reader accepts, with ids from the names', () => {
    const built = buildPack(thisWeek(), berlin);
    if (!built.ok) throw new Error(built.message);
    const pack = built.pack;
    expect(pack).toMatchObject({ id: 'borg-incursion-week-1', title: 'Borg Incursion, week 1', dailyReset: '11:00Z' });
    expect(pack.tracks[0]).toMatchObject({ id: 'resistance', name: 'Resistance', role: 'Hero' });
    const [day, exact] = pack.tracks[0]!.milestones;
    expect(day).toEqual({
      id: 'cube-sighting',
      name: 'Cube Sighting',
      points: 100,
      start: '2024-02-05',
      end: '2024-02-06',
      objectives: [
        { id: 'defeat-borg-probes', text: 'Defeat Borg probes' },
        { id: 'mine-dilithium', text: 'Mine Dilithium' },
      ],
      rewards: ['Parsteel', '3 Seven of Nine shards'],
    });
    // Same name twice: the second id gets a suffix; no rewards typed means "not published".
    expect(exact).toEqual({ id: 'cube-sighting-2', name: 'Cube Sighting', points: 150, start: '2024-02-06T12:00+01:00', end: '2024-02-07T12:30+01:00', objectives: [] });
    expect(resolvePackTime(exact!.start)).toBe(Date.UTC(2024, 1, 6, 11));
    // What the form makes can be exported and read back by anyone.
    expect(readPack(serialisePack(pack))).toEqual({ ok: true, value: pack });
  });

  it('uses the id the Commander typed', () => {
    const draft = { ...thisWeek(), id: 'borg-2024-02' };
    expect(buildPack(draft, berlin)).toMatchObject({ ok: true, pack: { id: 'borg-2024-02' } });
  });

  it.each([
    ['a missing title', (d: PackDraft) => (d.title = ''), 'title', 'Title: must be 1–120 characters (title)'],
    ['a milestone without a name', (d: PackDraft) => (d.tracks[0]!.milestones[1]!.name = ''), 'tracks[0].milestones[1].name', 'Track 1 › Milestone 2 › Name: must be 1–120 characters (tracks[0].milestones[1].name)'],
    ['points that are not a whole number', (d: PackDraft) => (d.tracks[0]!.milestones[0]!.points = '12.5'), 'tracks[0].milestones[0].points', 'Track 1 › Milestone 1 › Points: not an integer (tracks[0].milestones[0].points)'],
    ['points left empty', (d: PackDraft) => (d.tracks[0]!.milestones[0]!.points = ' '), 'tracks[0].milestones[0].points', 'Track 1 › Milestone 1 › Points: missing (tracks[0].milestones[0].points)'],
    ['no day', (d: PackDraft) => (d.tracks[0]!.milestones[0]!.day = ''), 'tracks[0].milestones[0].start', 'Track 1 › Milestone 1 › Day: missing (tracks[0].milestones[0].start)'],
    ['an end before the start', (d: PackDraft) => (d.tracks[0]!.milestones[1]!.end = '2024-02-06T11:00'), 'tracks[0].milestones[1].end', 'Track 1 › Milestone 2 › End: must end after start (the milestone “Cube Sighting” of “Resistance” ends before it starts at the daily reset 11:00Z) (tracks[0].milestones[1].end)'],
    ['no end', (d: PackDraft) => (d.tracks[0]!.milestones[1]!.end = ''), 'tracks[0].milestones[1].end', 'Track 1 › Milestone 2 › End: missing (tracks[0].milestones[1].end)'],
    ['a track without a name', (d: PackDraft) => (d.tracks[0]!.name = ''), 'tracks[0].name', 'Track 1 › Name: must be 1–120 characters (tracks[0].name)'],
    ['an objective of 301 characters', (d: PackDraft) => (d.tracks[0]!.milestones[0]!.objectives = `ok\n${'x'.repeat(301)}`), 'tracks[0].milestones[0].objectives[1].text', 'Track 1 › Milestone 1 › Objective 2: must be 1–300 characters (tracks[0].milestones[0].objectives[1].text)'],
    ['a server goal without a goal', (d: PackDraft) => (d.tracks[0]!.server = { ...emptyTrack().server, name: 'Borg – IMS', day: '2024-02-05', endDay: '2024-02-10' }), 'tracks[0].server.goal', 'Track 1 › Server goal (IMS) › Goal: missing (tracks[0].server.goal)'],
    ['a server goal ending before it starts', (d: PackDraft) => (d.tracks[0]!.server = { ...emptyTrack().server, name: 'Borg – IMS', goal: '9000', day: '2024-02-05', endDay: '2024-02-05' }), 'tracks[0].server.end', 'Track 1 › Server goal (IMS) › Ends (daily reset of): must end after start (the server event “Borg – IMS” of “Resistance” ends before it starts at the daily reset 11:00Z) (tracks[0].server.end)'],
    ['solo rewards without the event’s name', (d: PackDraft) => (d.tracks[0]!.solo.rewards = 'Tritanium'), 'tracks[0].solo.name', 'Track 1 › Solo event (SMS) › Name: must be 1–120 characters (tracks[0].solo.name)'],
    ['a bad typed id', (d: PackDraft) => (d.id = 'Borg Week'), 'id', 'Id: not a valid id (a–z, 0–9 and -, at most 64) (id)'],
  ])('refuses %s and names the field', (_label, change, path, message) => {
    const draft = thisWeek();
    change(draft);
    const built = buildPack(draft, berlin);
    expect(built).toMatchObject({ ok: false, problem: { path }, message });
  });

  it('starts from one empty milestone on the given day', () => {
    expect(emptyDraft('2024-02-05').tracks[0]!.milestones[0]).toMatchObject({ day: '2024-02-05', points: '100', timing: 'day' });
    expect(packValueFromDraft(emptyDraft(), berlin)).toMatchObject({ id: 'my-pack', tracks: [{ id: 'track-1', milestones: [{ id: 'milestone-1' }] }] });
  });
});

describe('form helpers', () => {
  it('makes ids from any text', () => {
    expect(slugify('Défense du Port!', 'x')).toBe('defense-du-port');
    expect(slugify('  --  ', 'fallback')).toBe('fallback');
    expect(slugify('a'.repeat(80), 'x')).toHaveLength(64);
  });

  it('counts days across month and year ends', () => {
    expect(nextDay('2024-02-28')).toBe('2024-02-29');
    expect(nextDay('2023-12-31')).toBe('2024-01-01');
    expect(nextDay('soon')).toBeUndefined();
  });

  it('keeps the wall time typed and adds the offset', () => {
    expect(localToPackTime('2024-07-01T09:30', 120)).toBe('2024-07-01T09:30+02:00');
    expect(localToPackTime('2024-07-01T09:30', -330)).toBe('2024-07-01T09:30-05:30');
    expect(localToPackTime('2024-07-01T09:30', 0)).toBe('2024-07-01T09:30+00:00');
  });
});

describe('filling the form fast', () => {
  it('makes N one-day milestones on consecutive days, across a month end', () => {
    const days = dailyMilestones('2024-02-28', 3, '250');
    expect(days.map((m) => [m.day, m.points, m.timing])).toEqual([
      ['2024-02-28', '250', 'day'],
      ['2024-02-29', '250', 'day'],
      ['2024-03-01', '250', 'day'],
    ]);
    expect(dailyMilestones('not a date', 3)).toEqual([]);
  });

  it('replaces only untouched milestones with the generated days', () => {
    const typed = { ...emptyMilestone('2024-02-01'), name: 'Kept' };
    const track = { ...emptyTrack(), name: 'T', milestones: [typed, emptyMilestone('2024-02-02')] };
    expect(withDailyMilestones(track, dailyMilestones('2024-02-05', 2)).milestones.map((m) => m.name || m.day)).toEqual(['Kept', '2024-02-05', '2024-02-06']);
  });

  it('copies a track’s days, points, objectives and server dates and goal, not its names, role, notes or ids', () => {
    const source = {
      ...emptyTrack(),
      id: 'heroes',
      name: 'Heroes',
      role: 'Hero',
      notes: 'Only one article covers it',
      server: { ...emptyTrack().server, name: 'Heroes – IMS', goal: '8925', day: '2024-02-05', endDay: '2024-02-10', rewards: 'Shards' },
      solo: { name: 'Hero – SMS', rewards: 'Tritanium' },
      milestones: [{ ...emptyMilestone('2024-02-05'), id: 'a-kept', objectiveIds: ['dock', 'mine'], name: 'A', points: '300', objectives: 'Dock\nMine', notes: 'Dock first' }],
    };
    const copy = copyOfTrack(source);
    expect(copy).toEqual({
      ...emptyTrack(),
      server: { ...source.server, name: '', rewards: '' },
      milestones: [{ ...emptyMilestone('2024-02-05'), name: 'A', points: '300', objectives: 'Dock\nMine' }],
    });
    expect(copy.milestones[0]).not.toBe(source.milestones[0]);
  });

  it('gives a new milestone the next day and the points of the one above', () => {
    expect(followingMilestone({ ...emptyMilestone('2024-02-05'), points: '450' })).toMatchObject({ day: '2024-02-06', points: '450' });
    expect(followingMilestone(undefined)).toMatchObject({ day: '', points: '100' });
  });
});

describe('an installed pack in the form (Edit)', () => {
  /** Berlin in winter as the form shows times: UTC+1. */
  const berlinLocal = (at: number) => new Date(at + 60 * 60_000).toISOString().slice(0, 16);

  /** Every field the format has, ids unlike the names, exact times in another zone with seconds, a reset with an offset. */
  const everything = pack(
    [
      track(
        'resistance',
        [
          milestone('cube', '2024-02-05', '2024-02-06', {
            name: 'Cube Sighting',
            objectives: [
              { id: 'dock', text: 'Dock Ore, Gas or Crystal' },
              { id: 'mine', text: 'Mine Dilithium' },
            ],
            rewards: ['Parsteel'],
            notes: 'Dock first.\nThen mine.',
          }),
          milestone('long', '2024-02-06', '2024-02-09', { name: 'Three days', points: 0, objectives: [] }),
          milestone('exact', '2024-02-09T13:00:30+02:00', '2024-02-10T11:00Z', { name: 'Exact' }),
        ],
        {
          name: 'Resistance',
          role: 'Hero',
          notes: 'One article only.',
          server: { name: 'Resistance – IMS', start: '2024-02-05', end: '2024-02-10', goal: 8925, rewards: ['4 Seven of Nine shards'] },
          solo: { name: 'Resister – SMS', rewards: ['Tritanium'] },
        },
      ),
      track('collective', [milestone('one', '2024-02-05', '2024-02-06')], {
        server: { name: 'Collective – IMS', start: '2024-02-05T11:00Z', end: '2024-02-10T11:00Z', goal: 1 },
        solo: { name: 'Drone – SMS' },
      }),
    ],
    { dailyReset: '01:00+02:00', requirements: ['Level 10'], sources: ['An article', 'Another'], notes: 'Made by hand.' },
  );

  it.each([
    ['the built-in arc', builtinPack()],
    ['a pack with every field, exact times and a reset with an offset', everything],
  ])('gives %s back unchanged when nothing is edited', (_label, installed) => {
    expect(readPack(installed)).toMatchObject({ ok: true });
    expect(buildPack(draftFromPack(installed, berlinLocal), berlin)).toEqual({ ok: true, pack: installed });
  });

  it('shows exact times in local time, one-day and several-day milestones as days, and the reset in UTC', () => {
    const draft = draftFromPack(everything, berlinLocal);
    expect(draft).toMatchObject({ id: 'test-pack', dailyReset: '23:00', requirements: 'Level 10', sources: 'An article\nAnother' });
    const [cube, long, exact] = draft.tracks[0]!.milestones;
    expect(cube).toMatchObject({ id: 'cube', timing: 'day', day: '2024-02-05', objectives: 'Dock Ore, Gas or Crystal\nMine Dilithium', objectiveIds: ['dock', 'mine'] });
    expect(long).toMatchObject({ timing: 'days', day: '2024-02-06', endDay: '2024-02-09', points: '0' });
    // 13:00:30 at UTC+2 is 12:00 in Berlin (its seconds are kept while the field is unchanged); 11:00 UTC is 12:00.
    expect(exact).toMatchObject({ timing: 'exact', start: '2024-02-09T12:00', end: '2024-02-10T12:00' });
    expect(draft.tracks[1]!.server).toMatchObject({ timing: 'exact', start: '2024-02-05T12:00', end: '2024-02-10T12:00', goal: '1' });
    expect(draft.tracks[0]!.server).toMatchObject({ timing: 'days', day: '2024-02-05', endDay: '2024-02-10' });
  });

  it('keeps the ids of renamed items, so their progress stays, and writes a changed time with the local offset', () => {
    const draft = draftFromPack(everything, berlinLocal);
    const cube = draft.tracks[0]!.milestones[0]!;
    cube.name = 'Cube Sighted';
    cube.objectives = 'Dock Ore or Gas\nMine Dilithium\nScan';
    draft.tracks[0]!.name = 'The Resistance';
    draft.tracks[0]!.milestones[2]!.end = '2024-02-10T13:00';
    draft.dailyReset = '11:00';
    const built = buildPack(draft, berlin);
    if (!built.ok) throw new Error(built.message);
    const track = built.pack.tracks[0]!;
    expect(track.id).toBe('resistance');
    expect(track.milestones[0]).toMatchObject({ id: 'cube', name: 'Cube Sighted' });
    expect(track.milestones[0]!.objectives.map((o) => o.id)).toEqual(['dock', 'mine', 'scan']);
    expect(track.milestones[2]).toMatchObject({ start: '2024-02-09T13:00:30+02:00', end: '2024-02-10T13:00+01:00' });
    expect(built.pack.dailyReset).toBe('11:00Z');
  });
});

describe('the draft kept in the store', () => {
  it('reads back what was stored, unchanged', () => {
    const draft = draftFromPack(builtinPack(), (at) => new Date(at).toISOString().slice(0, 16));
    expect(storedPackDraft(structuredClone(draft))).toEqual(draft);
    const typed = thisWeek();
    expect(storedPackDraft(structuredClone(typed))).toEqual(typed);
  });

  it('reads no draft from nothing or from something that is not one', () => {
    expect(storedPackDraft(undefined)).toBeUndefined();
    expect(storedPackDraft('Borg')).toBeUndefined();
    expect(storedPackDraft({ title: 'no tracks' })).toBeUndefined();
  });

  it('reads a field of the wrong type as empty, so the form still opens', () => {
    const read = storedPackDraft({ title: 42, tracks: [{ name: 'T', milestones: [{ name: 'M', timing: 'sometimes', points: null }] }] });
    expect(read).toEqual({ ...emptyDraft(), tracks: [{ ...emptyTrack(), name: 'T', milestones: [{ ...emptyMilestone(), name: 'M' }] }] });
  });

  it('tells a fresh form from one with typing in it', () => {
    expect(draftHasTyping(emptyDraft('2024-02-05'))).toBe(false);
    expect(draftHasTyping({ ...emptyDraft('2024-02-05'), title: 'B' })).toBe(true);
  });
});
