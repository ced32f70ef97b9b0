import { createStore } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import { BACKUP_FORMAT, backupFileName, backupSummary } from '../../../lib/backup/backup';
import { exportBackup, recordPackDraft, restoreBackup } from '../../../lib/storage/writes';
import { emptyDraft } from '../../../lib/packs/builder';
import { readBackup } from '../../../lib/backup/reader';
import { MAX_BACKUP_BYTES, MAX_PROGRESS_PACKS } from '../../../lib/storage/limits';
import { DIGEST_FIELD } from '../../../lib/backup/backup-file';
import { BUILTIN_PACK_ID } from '../../../lib/packs/builtin';
import { applyProgressChange } from '../../../lib/commander/progress-change';
import { withPackSettings } from '../../../lib/commander/settings';
import { withFollowedTrack } from '../../../lib/commander/commander-changes';
import { ensureSchema, readEverything } from '../../../lib/storage/store-adapter';
import { claimNotifications, savePack, updateCommanders, updatePackProgress, updateSettings } from '../../../lib/storage/store-writes-adapter';
import { KEYS } from '../../../lib/storage/stored-data';
import { DAY, fiveDayTrack, pack } from '../../fixtures/packs';

let counter = 0;
const freshStore = () => createStore(`backup-test-${++counter}`, 'kv');
type Store = ReturnType<typeof freshStore>;
const MON = Date.UTC(2023, 10, 13);
// Test documents are edited freely, including into shapes the types forbid.
type Loose = any;

/** A store as a Commander leaves it after a week: two imported packs, progress, settings, notifications shown. */
async function usedStore(): Promise<Store> {
  const store = freshStore();
  await ensureSchema(store);
  await savePack(pack([fiveDayTrack()], { id: 'winter-arc', title: 'Winter arc' }), MON - 1000, store);
  await savePack(pack([fiveDayTrack('villains')], { id: '2024-spring', title: 'Spring', dailyReset: '11:00Z' }), MON, store);
  await updatePackProgress('c1', 'winter-arc', (p) => applyProgressChange(p, { kind: 'completed', trackId: 'heroes', milestoneId: 'day-1', value: true, at: MON + 5 }), store);
  await updatePackProgress('c1', 'winter-arc', (p) => applyProgressChange(p, { kind: 'objective', trackId: 'heroes', milestoneId: 'day-2', objectiveId: 'a', value: true, at: MON + 6 }), store);
  await updatePackProgress('c1', BUILTIN_PACK_ID, (p) => applyProgressChange(p, { kind: 'server-points', trackId: 'defenders-of-peace', points: 4000, at: MON + 7 }), store);
  await updateCommanders((c) => withFollowedTrack(c, 'c1', 'winter-arc', 'heroes'), store);
  await updateSettings((s) => {
    const next = withPackSettings(withPackSettings(s, 'winter-arc', { dailyReset: '05:00+02:00' }), BUILTIN_PACK_ID, { hidden: true });
    return { ...next, notifications: { enabled: true, minutesBeforeEnd: 30, onStart: true } };
  }, store);
  await claimNotifications(['winter-arc/heroes/day-1/ending'], MON, store);
  return store;
}

/** An exported backup without its digest (as backups were before it), so edits test the reader itself. */
async function validBackup(): Promise<Loose> {
  const { [DIGEST_FIELD]: _digest, ...backup } = JSON.parse(await exportBackup(MON + DAY, await usedStore()));
  return backup;
}

describe('backup and restore', () => {
  it('restores into an empty store exactly what was exported (all but the device’s notification log)', async () => {
    const source = await usedStore();
    const text = await exportBackup(MON + DAY, source);
    const target = freshStore();
    const result = await restoreBackup(text, target);
    expect(result.ok).toBe(true);
    const { [KEYS.notified]: notified, [KEYS.packsRevision]: sourceRevision, ...expected } = await readEverything(source);
    expect(notified).toBeDefined();
    const { [KEYS.packsRevision]: restoredRevision, ...restored } = await readEverything(target);
    expect(restored).toEqual(expected);
    // This device's mark that the packs changed (lib/storage/stored-data.ts): written anew, never carried over.
    expect(restoredRevision).toEqual(expect.any(String));
    expect(restoredRevision).not.toBe(sourceRevision);
    // And a second export of the restored store is the same file.
    expect(await exportBackup(MON + DAY, target)).toBe(text);
  });

  it('writes a format name, a version, the export time and the schema', async () => {
    const backup = await validBackup();
    expect(backup).toMatchObject({ format: BACKUP_FORMAT, version: 1, exportedAt: '2023-11-14T00:00:00.000Z', schema: 3 });
    expect(Object.keys(backup.entries)).toEqual(['settings', 'commanders', 'progress', 'packIndex', 'packs']);
    expect(Object.keys(backup.entries.packs)).toEqual(expect.arrayContaining(['winter-arc', '2024-spring']));
    expect(backupSummary(readBackup(backup).ok ? (readBackup(backup) as Loose).value : undefined)).toEqual({ packs: 2, commanders: 1, completed: 1, exportedAt: '2023-11-14T00:00:00.000Z' });
    expect(backupFileName(MON)).toBe('stfc-milestone-backup-2023-11-13.json');
  });

  it('replaces what was stored before, but keeps this device’s notification log and unfinished pack form', async () => {
    const source = await usedStore();
    await recordPackDraft({ ...emptyDraft(), title: 'From the source' }, source);
    const text = await exportBackup(MON, source);
    expect(text).not.toContain('From the source');
    const target = freshStore();
    await savePack(pack([fiveDayTrack()], { id: 'only-here' }), MON, target);
    await claimNotifications(['x/y/z/start'], MON, target);
    await recordPackDraft({ ...emptyDraft(), title: 'Typed here' }, target);
    await restoreBackup(text, target);
    const after = await readEverything(target);
    expect(after[KEYS.pack('only-here')]).toBeUndefined();
    expect(after[KEYS.notified]).toEqual({ 'x/y/z/start': MON });
    expect(after[KEYS.packDraft]).toMatchObject({ title: 'Typed here' });
    expect((after[KEYS.packIndex] as Loose)['only-here']).toBeUndefined();
  });

  it('changes nothing when the file is refused, and says what is wrong and where', async () => {
    const target = await usedStore();
    const before = JSON.stringify(await readEverything(target));
    const backup = await validBackup();
    backup.entries.progress.c1['winter-arc'].tracks.heroes.milestones['day-1'].completedAt = 'yesterday';
    const result = await restoreBackup(JSON.stringify(backup), target);
    expect(result).toEqual({ ok: false, problem: { path: 'entries.progress.c1.winter-arc.tracks.heroes.milestones.day-1.completedAt', message: 'not an integer' } });
    expect(JSON.stringify(await readEverything(target))).toBe(before);
  });
});

describe('reading a backup', () => {
  const refusal = async (change: (backup: Loose) => void) => {
    const backup = await validBackup();
    change(backup);
    const result = readBackup(JSON.stringify(backup));
    if (result.ok) throw new Error('accepted');
    return result.problem;
  };

  it('accepts what export writes', async () => {
    expect(readBackup(JSON.stringify(await validBackup())).ok).toBe(true);
  });

  it('accepts a Commander’s reset in an IANA zone or UTC, and a server label', async () => {
    const backup = await validBackup();
    backup.entries.commanders.list[0].reset = { time: '04:00', zone: 'America/New_York' };
    backup.entries.commanders.list.push({ id: 'c2', name: 'Alt', server: 'S42', reset: { time: '23:59', zone: 'UTC' }, tracks: {} });
    backup.entries.progress.c2 = {};
    const read = readBackup(JSON.stringify(backup));
    expect(read.ok && read.value.entries.commanders.list).toEqual(backup.entries.commanders.list);
  });

  it('accepts the overlay card’s corner, and a backup without one (made before the overlay) as before', async () => {
    const backup = await validBackup();
    expect(backup.entries.settings.overlayCorner).toBeUndefined();
    backup.entries.settings.overlayCorner = 'top-left';
    const read = readBackup(JSON.stringify(backup));
    expect(read.ok && read.value.entries.settings.overlayCorner).toBe('top-left');
  });

  it.each([
    ['an event pack given as a backup', (b: Loose) => (b.format = 'stfc-milestone-pack'), 'format', /this is an event pack/],
    ['a newer version', (b: Loose) => (b.version = 2), 'version', /newer version/],
    ['a newer schema', (b: Loose) => (b.schema = 99), 'schema', /newer version of the extension/],
    ['an export time without an offset', (b: Loose) => (b.exportedAt = '2023-11-14T00:00'), 'exportedAt', /offset/],
    ['an unknown top-level field', (b: Loose) => (b.extra = 1), 'extra', /unknown field/],
    ['an unknown entry', (b: Loose) => (b.entries.history = []), 'entries.history', /unknown field/],
    ['missing settings', (b: Loose) => delete b.entries.settings, 'entries.settings', /missing/],
    ['a bad pack inside', (b: Loose) => (b.entries.packs['winter-arc'].tracks[0].milestones[2].end = '2023-11-01'), 'entries.packs.winter-arc.tracks[0].milestones[2].end', /must end after start/],
    ['a pack under another id', (b: Loose) => (b.entries.packs['winter-arc'].id = 'summer'), 'entries.packs.winter-arc.id', /does not match/],
    ['a pack id that starts with a digit', (b: Loose) => (b.entries.packs['2024-spring'].title = ''), 'entries.packs["2024-spring"].title', /1–120/],
    ['an index entry without its pack', (b: Loose) => delete b.entries.packs['winter-arc'], 'entries.packIndex.winter-arc', /not in entries.packs/],
    ['a pack missing from the index', (b: Loose) => delete b.entries.packIndex['winter-arc'], 'entries.packs.winter-arc', /not listed/],
    ['the built-in pack', (b: Loose) => (b.entries.packs[BUILTIN_PACK_ID] = {}), `entries.packs.${BUILTIN_PACK_ID}`, /built-in/],
    ['a reminder of two days', (b: Loose) => (b.entries.settings.notifications.minutesBeforeEnd = 2880), 'entries.settings.notifications.minutesBeforeEnd', /0–1440/],
    ['a string for a switch', (b: Loose) => (b.entries.settings.notifications.enabled = 'yes'), 'entries.settings.notifications.enabled', /true or false/],
    ['a corner that is not one of the four', (b: Loose) => (b.entries.settings.overlayCorner = 'middle'), 'entries.settings.overlayCorner', /./],
    ['a bad daily reset', (b: Loose) => (b.entries.settings.packs['winter-arc'].dailyReset = '25:00Z'), 'entries.settings.packs.winter-arc.dailyReset', /daily reset/],
    ['a key that is not an id', (b: Loose) => (b.entries.progress.c1['Not An Id'] = { tracks: {} }), 'entries.progress.c1["Not An Id"]', /not a valid id/],
    ['a __proto__ key', (b: Loose) => (b.entries.settings.packs = JSON.parse('{"__proto__": {"hidden": true}}')), 'entries.settings.packs.__proto__', /not a valid id/],
    ['negative server points', (b: Loose) => (b.entries.progress.c1[BUILTIN_PACK_ID].tracks['defenders-of-peace'].server.points = -1), `entries.progress.c1.${BUILTIN_PACK_ID}.tracks.defenders-of-peace.server.points`, /must be/],
    ['an objective checked at no time', (b: Loose) => (b.entries.progress.c1['winter-arc'].tracks.heroes.milestones['day-2'].objectives.a = null), 'entries.progress.c1.winter-arc.tracks.heroes.milestones.day-2.objectives.a', /not an integer/],
    ['missing Commanders', (b: Loose) => delete b.entries.commanders, 'entries.commanders', /missing/],
    ['no Commander at all', (b: Loose) => (b.entries.commanders.list = []), 'entries.commanders.list', /holds no Commander/],
    ['an active Commander not in the list', (b: Loose) => (b.entries.commanders.activeId = 'c9'), 'entries.commanders.activeId', /names no Commander/],
    ['two Commanders with one id', (b: Loose) => b.entries.commanders.list.push({ ...b.entries.commanders.list[0] }), 'entries.commanders.list[1].id', /used twice/],
    ['a Commander id that is not c<N>', (b: Loose) => (b.entries.commanders.list[0].id = 'kirk'), 'entries.commanders.list[0].id', /not a Commander id/],
    ['a Commander without a name', (b: Loose) => (b.entries.commanders.list[0].name = ' '), 'entries.commanders.list[0].name', /./],
    ['a followed track that is not an id', (b: Loose) => (b.entries.commanders.list[0].tracks['winter-arc'] = 'Heroes!'), 'entries.commanders.list[0].tracks.winter-arc', /not a valid id/],
    ['a reset at 24:00', (b: Loose) => (b.entries.commanders.list[0].reset = { time: '24:00', zone: 'UTC' }), 'entries.commanders.list[0].reset.time', /HH:mm/],
    ['a reset in an unknown zone', (b: Loose) => (b.entries.commanders.list[0].reset = { time: '04:00', zone: 'Mars/Olympus' }), 'entries.commanders.list[0].reset.zone', /time zone/],
    ['progress of a Commander that is not in the file', (b: Loose) => (b.entries.progress.c7 = {}), 'entries.progress.c7', /not a Commander/],
    [
      `more progress records over all Commanders than a write keeps (${MAX_PROGRESS_PACKS})`,
      (b: Loose) => {
        const record = b.entries.progress.c1['winter-arc'];
        b.entries.commanders.list.push({ id: 'c2', name: 'Alt', tracks: {} });
        // Each Commander within its own limit; together one over.
        b.entries.progress.c2 = Object.fromEntries(Array.from({ length: MAX_PROGRESS_PACKS - Object.keys(b.entries.progress.c1).length + 1 }, (_, i) => [`kept-${i}`, record]));
      },
      'entries.progress',
      new RegExp(`holds ${MAX_PROGRESS_PACKS + 1} packs' progress over all Commanders, at most ${MAX_PROGRESS_PACKS}`),
    ],
  ])('refuses %s', async (_label, change, path, message) => {
    const problem = await refusal(change);
    expect(problem.path).toBe(path);
    expect(problem.message).toMatch(message);
  });

  it('refuses text that is not JSON, and files over the backup limit before parsing them', () => {
    expect(readBackup('{"format": "stfc-milestone-backup",')).toMatchObject({ ok: false, problem: { path: '', message: expect.stringMatching(/^not valid JSON/) } });
    const huge = `{"pad": "${'x'.repeat(MAX_BACKUP_BYTES)}"}`;
    expect(readBackup(huge)).toEqual({ ok: false, problem: { path: '', message: `larger than ${MAX_BACKUP_BYTES / 1024 / 1024} MiB` } });
  });

  it('never throws on hostile parsed values', () => {
    const trap = new Proxy({}, { ownKeys: () => { throw new Error('trap'); }, get: () => { throw new Error('trap'); } });
    expect(readBackup(trap)).toMatchObject({ ok: false });
    expect(readBackup(null)).toEqual({ ok: false, problem: { path: '', message: 'not an object' } });
  });
});
