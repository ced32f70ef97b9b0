import { describe, expect, it } from 'vitest';
import { backupOf } from '../../../lib/backup/backup';
import { readBackup } from '../../../lib/backup/reader';
import { defaultCommanders } from '../../../lib/commander/commanders';
import { defaultSettings } from '../../../lib/commander/settings';
import { prepareImport } from '../../../lib/packs/import';
import { readPack } from '../../../lib/packs/reader';
import type { ReadProblem } from '../../../lib/validation/problem';
import { backupRefusal, packPart, packRefusal, pathKeys } from '../../../lib/validation/problem-words';
import { fiveDayTrack, pack } from '../../fixtures/packs';

const MON = Date.UTC(2023, 10, 13);
type Loose = any; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A backup as export writes it: one imported pack with a completed milestone and the server's points. */
function backup(): Loose {
  const winter = pack([fiveDayTrack('heroes')], { id: 'winter-arc', title: 'Winter arc' });
  const progress = { tracks: { heroes: { milestones: { 'day-1': { objectives: { a: MON }, completedAt: MON } }, server: { points: 4200, seenAt: MON } } } };
  return structuredClone(
    backupOf({ schema: 3, settings: defaultSettings(), commanders: { activeId: 'c1', list: [{ id: 'c1', name: 'Commander 1', tracks: { 'winter-arc': 'heroes' } }] }, packIndex: { 'winter-arc': { title: 'Winter arc', importedAt: MON } }, 'pack:winter-arc': winter, 'progress:c1:winter-arc': progress }, MON),
  );
}

function refused(read: { ok: boolean; problem?: ReadProblem }): ReadProblem {
  if (read.ok || !read.problem) throw new Error('accepted');
  return read.problem;
}

describe('a refused backup in words', () => {
  it('reads the backup it changes', () => {
    expect(readBackup(backup()).ok).toBe(true);
  });

  it.each([
    [
      'a completion time that is not a number',
      (b: Loose) => (b.entries.progress.c1['winter-arc'].tracks.heroes.milestones['day-1'].completedAt = 'yesterday'),
      'This backup is damaged: a completion time is not an integer (entries.progress.c1.winter-arc.tracks.heroes.milestones.day-1.completedAt). Nothing was changed.',
    ],
    [
      'a checked objective without a time',
      (b: Loose) => (b.entries.progress.c1['winter-arc'].tracks.heroes.milestones['day-1'].objectives.a = -5),
      'This backup is damaged: the time an objective was checked is not a time (epoch milliseconds) (entries.progress.c1.winter-arc.tracks.heroes.milestones.day-1.objectives.a). Nothing was changed.',
    ],
    [
      'server points that are not a number',
      (b: Loose) => (b.entries.progress.c1['winter-arc'].tracks.heroes.server.points = 'many'),
      'This backup is damaged: the server points you recorded is not an integer (entries.progress.c1.winter-arc.tracks.heroes.server.points). Nothing was changed.',
    ],
    [
      'a stored pack with a milestone without a name',
      (b: Loose) => delete b.entries.packs['winter-arc'].tracks[0].milestones[2].name,
      'This backup is damaged: the name of milestone 3 of track 1 in the pack “winter-arc” is missing (entries.packs.winter-arc.tracks[0].milestones[2].name). Nothing was changed.',
    ],
    [
      'a notification setting of the wrong type',
      (b: Loose) => (b.entries.settings.notifications.enabled = 'yes'),
      'This backup is damaged: a notification setting is not true or false (entries.settings.notifications.enabled). Nothing was changed.',
    ],
    [
      'a newer version',
      (b: Loose) => (b.version = 2),
      'Not restored: this backup was made by a newer version of the extension; update the extension first (version). Nothing was changed.',
    ],
    [
      'another kind of file',
      (b: Loose) => (b.format = 'something-else'),
      'Not restored: this is not a backup of this extension, or it is damaged: must be exactly stfc-milestone-backup (format). Nothing was changed.',
    ],
  ])('says %s in words first, the path after', (_label, change, words) => {
    const changed = backup();
    change(changed);
    expect(backupRefusal(refused(readBackup(changed)))).toBe(words);
  });

  it('says a file that is not JSON is not a backup', () => {
    expect(backupRefusal(refused(readBackup('{"format": ')))).toMatch(/^Not restored: this is not a backup of this extension, or it is damaged: not valid JSON/);
  });
});

describe('a refused pack in words', () => {
  const arc = (): Loose => structuredClone(pack([fiveDayTrack('heroes')], { id: 'winter-arc', title: 'Winter arc' }));

  it.each([
    [
      'an end without an offset',
      (p: Loose) => (p.tracks[0].milestones[3].end = '2023-11-17T12:00'),
      'Not imported: the end of milestone 4 of track 1: instant without an offset (tracks[0].milestones[3].end). Nothing was changed.',
    ],
    [
      'an objective without text',
      (p: Loose) => (p.tracks[0].milestones[0].objectives[0].text = ''),
      'Not imported: objective 1 of milestone 1 of track 1 must be 1–300 characters (tracks[0].milestones[0].objectives[0].text). Nothing was changed.',
    ],
    [
      'a server goal of zero',
      (p: Loose) => (p.tracks[0].server.goal = 0),
      'Not imported: the goal of the server event (IMS) of track 1 must be 1–1000000000 (tracks[0].server.goal). Nothing was changed.',
    ],
    ['no title', (p: Loose) => delete p.title, "Not imported: the pack's title is missing (title). Nothing was changed."],
  ])('says %s in words first, the path after', (_label, change, words) => {
    const changed = arc();
    change(changed);
    expect(packRefusal(refused(readPack(changed)))).toBe(words);
  });

  it('says a whole-pack refusal as it is', () => {
    const full = prepareImport(arc(), { snapshot: { schema: 3, settings: defaultSettings(), commanders: defaultCommanders(), progress: {}, packIndex: Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`p-${i}`, { title: 'P', importedAt: MON }])) }, packs: [] });
    expect(packRefusal(refused(full))).toBe('Not imported: You have 200 event packs, the most this extension keeps; remove one first. Nothing was changed.');
  });
});

describe('paths', () => {
  it('reads back the steps joinPath writes, quoted keys too', () => {
    expect(pathKeys('tracks[0].milestones[12].end')).toEqual(['tracks', 0, 'milestones', 12, 'end']);
    expect(pathKeys('entries.progress["a b"].tracks.x')).toEqual(['entries', 'progress', 'a b', 'tracks', 'x']);
    expect(pathKeys('')).toEqual([]);
  });

  it('names the part of a pack a path leads to', () => {
    expect(packPart(['tracks', 1, 'solo', 'rewards', 2])).toBe('reward 3 of the solo event (SMS) of track 2');
    expect(packPart(['tracks', 0])).toBe('track 1');
    expect(packPart([])).toBe('');
  });
});
