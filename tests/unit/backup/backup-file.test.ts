import { createStore, entries, setMany } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import { MAX_BACKUP_BYTES } from '../../../lib/backup/backup';
import { canonicalJson, CHANGED_OR_DAMAGED, DIGEST_FIELD, entriesDigest, readBackupFile } from '../../../lib/backup/backup-file';
import { MAX_PACK_BYTES, readPack } from '../../../lib/packs/reader';
import type { Pack } from '../../../lib/packs/types';
import { applyProgressChange } from '../../../lib/commander/progress-change';
import { readEverything } from '../../../lib/storage/store-adapter';
import { savePack, updatePackProgress } from '../../../lib/storage/store-writes-adapter';
import { KEYS, SCHEMA_VERSION } from '../../../lib/storage/stored-data';
import { exportBackup, restoreBackup } from '../../../lib/storage/writes';
import { fiveDayTrack, pack } from '../../fixtures/packs';

let counter = 0;
const freshStore = () => createStore(`backup-file-test-${++counter}`, 'kv');
const MON = Date.UTC(2023, 10, 13);
const HOUR = 3_600_000;
type Loose = any;

/** A valid pack just under the format's 1 MiB: `tracks` tracks of 400 six-hour milestones with long objective texts. */
function megabytePack(id: string): Pack {
  const iso = (ms: number) => new Date(ms).toISOString();
  const build = (objectives: number): Pack => ({
    format: 'stfc-milestone-pack',
    version: 1,
    id,
    title: `A large pack ${id}`,
    tracks: Array.from({ length: 4 }, (_, t) => ({
      id: `track-${t}`,
      name: `Track ${t + 1}`,
      milestones: Array.from({ length: 400 }, (_, m) => ({
        id: `milestone-${m}`,
        name: `Milestone ${m + 1} of track ${t + 1}`,
        points: 100,
        start: iso(MON + m * 6 * HOUR),
        end: iso(MON + (m + 1) * 6 * HOUR),
        objectives: Array.from({ length: objectives }, (_, o) => ({ id: `objective-${o}`, text: `Objective ${o + 1}: defeat hostiles in ${m}-${o}` })),
      })),
    })),
  });
  let objectives = 1;
  while (JSON.stringify(build(objectives + 1)).length < MAX_PACK_BYTES - 1000) objectives++;
  return build(objectives);
}

describe('the backup file', () => {
  it('fits five valid 1 MB packs under the restore limit and restores them', async () => {
    const store = freshStore();
    for (const [i, id] of ['big-a', 'big-b', 'big-c', 'big-d', 'big-e'].entries()) {
      const big = megabytePack(id);
      expect(readPack(JSON.stringify(big)).ok).toBe(true);
      expect(JSON.stringify(big).length).toBeGreaterThan(0.9 * MAX_PACK_BYTES);
      await savePack(big, MON + i, store);
    }
    const text = await exportBackup(MON, store);
    // Two-space indentation made this 20.8 MB, which the restore refused.
    expect(new TextEncoder().encode(text).byteLength).toBeLessThan(MAX_BACKUP_BYTES);
    expect(text).not.toMatch(/\n /);
    const target = freshStore();
    expect((await restoreBackup(text, target)).ok).toBe(true);
    const { [KEYS.settings]: _settings, [KEYS.packsRevision]: restoredRevision, ...restored } = await readEverything(target);
    const { [KEYS.packsRevision]: sourceRevision, ...source } = await readEverything(store);
    expect(restored).toEqual(source);
    // This device's mark that the packs changed (lib/storage/stored-data.ts), not the source's.
    expect(restoredRevision).toEqual(expect.any(String));
    expect(restoredRevision).not.toBe(sourceRevision);
  }, 60_000);

  it('carries a SHA-256 of its canonical entries', async () => {
    const store = freshStore();
    await savePack(pack([fiveDayTrack()], { id: 'winter-arc' }), MON, store);
    const file = JSON.parse(await exportBackup(MON, store));
    expect(file[DIGEST_FIELD]).toMatch(/^[0-9a-f]{64}$/);
    expect(file[DIGEST_FIELD]).toBe(await entriesDigest(file.entries));
    // Known answer: the digest of the canonical text, computed independently of entriesDigest.
    const bytes = new TextEncoder().encode(canonicalJson(file.entries));
    const hash = Buffer.from(await crypto.subtle.digest('SHA-256', bytes)).toString('hex');
    expect(file[DIGEST_FIELD]).toBe(hash);
  });

  it('defines the canonical form: sorted keys at every level, no whitespace, undefined members left out', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 'x', c: null }, 2], '10': true, '2': false, skip: undefined })).toBe(
      '{"10":true,"2":false,"a":[{"c":null,"d":"x"},2],"b":1}',
    );
  });

  it('gives the same digest however the file is laid out', async () => {
    const entries = { settings: { packs: {}, b: 1 }, progress: { '2024-x': { tracks: {} }, a: { tracks: {} } } };
    const reordered = JSON.parse(JSON.stringify({ progress: { a: { tracks: {} }, '2024-x': { tracks: {} } }, settings: { b: 1, packs: {} } }, null, 4));
    expect(await entriesDigest(reordered)).toBe(await entriesDigest(entries));
  });

  it('refuses a backup whose entries were changed after export, and changes nothing', async () => {
    const source = freshStore();
    await savePack(pack([fiveDayTrack()], { id: 'winter-arc' }), MON, source);
    await updatePackProgress('c1', 'winter-arc', (p) => applyProgressChange(p, { kind: 'completed', trackId: 'heroes', milestoneId: 'day-1', value: true, at: MON }), source);
    const file: Loose = JSON.parse(await exportBackup(MON, source));
    // Still a valid backup for the reader: only the digest tells.
    file.entries.progress.c1['winter-arc'].tracks.heroes.milestones['day-1'].completedAt = MON + 1;

    const target = freshStore();
    await savePack(pack([fiveDayTrack()], { id: 'kept' }), MON, target);
    const before = await entries(target);
    const result = await restoreBackup(JSON.stringify(file), target);
    expect(result).toEqual({ ok: false, changed: true });
    expect(CHANGED_OR_DAMAGED).toBe('This backup was changed or damaged. Nothing was changed.');
    expect(await entries(target)).toEqual(before);

    const { [DIGEST_FIELD]: _digest, ...withoutDigest } = file;
    expect((await readBackupFile(JSON.stringify(withoutDigest))).ok).toBe(true);
    expect(await readBackupFile(JSON.stringify({ ...file, [DIGEST_FIELD]: 42 }))).toEqual({ ok: false, changed: true });
  });

  it('restores a backup the earlier version wrote (schema 1, indented, no digest) into the current layout', async () => {
    const winter = pack([fiveDayTrack()], { id: 'winter-arc', title: 'Winter arc' });
    const settings = { packs: { 'winter-arc': { followedTrackId: 'heroes' }, 'heroes-and-villains-2023-11': { hidden: true } }, notifications: { enabled: true, minutesBeforeEnd: 30, onStart: false } };
    const progress = {
      'winter-arc': { tracks: { heroes: { milestones: { 'day-1': { completedAt: MON + 5, objectives: { a: MON + 4 } } } } } },
      'heroes-and-villains-2023-11': { tracks: { 'defenders-of-peace': { milestones: {}, server: { points: 4000, seenAt: MON + 7 } } } },
    };
    const packIndex = { 'winter-arc': { title: 'Winter arc', importedAt: MON - 1000 } };
    // Byte for byte what serialiseBackup wrote before schema 2.
    const earlier = `${JSON.stringify({ format: 'stfc-milestone-backup', version: 1, exportedAt: '2023-11-14T00:00:00.000Z', schema: 1, entries: { settings, progress, packIndex, packs: { 'winter-arc': winter } } }, null, 2)}\n`;

    const target = freshStore();
    const result = await restoreBackup(earlier, target);
    expect(result.ok).toBe(true);
    const commanders = { activeId: 'c1', list: [{ id: 'c1', name: 'Commander 1', tracks: { 'winter-arc': 'heroes' } }] };
    const shared = { ...settings, packs: { 'heroes-and-villains-2023-11': { hidden: true } } };
    expect(new Map(await entries(target))).toEqual(
      new Map<string, unknown>([
        [KEYS.schema, SCHEMA_VERSION],
        [KEYS.settings, shared],
        [KEYS.commanders, commanders],
        [KEYS.packIndex, packIndex],
        [KEYS.progress('c1', 'winter-arc'), progress['winter-arc']],
        [KEYS.progress('c1', 'heroes-and-villains-2023-11'), progress['heroes-and-villains-2023-11']],
        [KEYS.pack('winter-arc'), winter],
        [KEYS.packsRevision, expect.any(String)],
      ]),
    );
    // Backed up again, it is a current file with the same values, as one Commander's.
    const again = JSON.parse(await exportBackup(MON, target));
    expect(again.schema).toBe(SCHEMA_VERSION);
    expect(again.entries).toEqual({ settings: shared, commanders, progress: { c1: progress }, packIndex, packs: { 'winter-arc': winter } });
  });

  it('refuses a backup with a key twice in one object (JSON.parse would keep the last), with its path, and changes nothing', async () => {
    const source = freshStore();
    await savePack(pack([fiveDayTrack()], { id: 'winter-arc' }), MON, source);
    await updatePackProgress('c1', 'winter-arc', (p) => applyProgressChange(p, { kind: 'completed', trackId: 'heroes', milestoneId: 'day-1', value: true, at: MON }), source);
    const text = await exportBackup(MON, source);
    expect(text).toContain('"progress":{"c1":{"winter-arc":');
    const twice = text.replace('"progress":{"c1":{', '"progress":{"c1":{"winter-arc":{"tracks":{}},');
    const target = freshStore();
    await savePack(pack([fiveDayTrack()], { id: 'kept' }), MON, target);
    const before = await entries(target);
    const result = await restoreBackup(twice, target);
    expect(result).toEqual({ ok: false, problem: { path: 'entries.progress.c1.winter-arc', message: 'the key "winter-arc" appears twice in this object' } });
    expect(await entries(target)).toEqual(before);
  });

  it('refuses a backup from a newer store schema', async () => {
    const file = JSON.parse(await exportBackup(MON, freshStore()));
    file.schema = SCHEMA_VERSION + 1;
    delete file[DIGEST_FIELD];
    expect(await readBackupFile(JSON.stringify(file))).toMatchObject({ ok: false, problem: { path: 'schema' } });
  });

  it('leaves files that are not JSON, or too large, to the reader’s own words', async () => {
    expect(await readBackupFile('{"format": ')).toMatchObject({ ok: false, problem: { message: expect.stringMatching(/^not valid JSON/) } });
    expect(await readBackupFile(`{"pad": "${'x'.repeat(MAX_BACKUP_BYTES)}"}`)).toEqual({ ok: false, problem: { path: '', message: `larger than ${MAX_BACKUP_BYTES / 1024 / 1024} MiB` } });
  });

  it('is written in one store layout only: a restore leaves no schema-1 progress key behind', async () => {
    const target = freshStore();
    await setMany([[KEYS.schema, SCHEMA_VERSION]], target);
    const text = await exportBackup(MON, freshStore());
    await restoreBackup(text, target);
    expect((await entries(target)).map(([key]) => key)).not.toContain('progress');
  });
});
