// One set of limits: import refuses the pack that would cross one, in words, the store's writes refuse
// the entry that would, and the backup cap follows from them: the largest state the limits allow is
// written as a backup under the cap that restores. Sizes and counts only, so the checks hold whatever
// the keys are called.
import { createStore } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import { readBackup } from '../../../lib/backup/reader';
import { MAX_PACK_BYTES as READER_MAX_PACK_BYTES } from '../../../lib/packs/reader';
import { prepareImport } from '../../../lib/packs/import';
import { MAX_BACKUP_BYTES as BACKUP_MAX_BYTES } from '../../../lib/backup/backup';
import { backupFileText, readBackupFile } from '../../../lib/backup/backup-file';
import {
  LimitReached,
  MAX_BACKUP_BYTES,
  MAX_FEEDS_BYTES,
  MAX_PACK_BYTES,
  MAX_PACK_SETTINGS,
  MAX_PACKS,
  MAX_PROGRESS_BYTES,
  MAX_PROGRESS_PACKS,
  MAX_TOTAL_PACK_BYTES,
  storedBytes,
} from '../../../lib/storage/limits';
import { defaultSettings, type Settings } from '../../../lib/commander/settings';
import { defaultCommanders, MAX_COMMANDERS } from '../../../lib/commander/commanders';
import { type PackProgress } from '../../../lib/commander/progress';
import { applyProgressChange } from '../../../lib/commander/progress-change';
import type { CatalogFeed, FeedRecords } from '../../../lib/feeds/feed-record';
import type { Pack } from '../../../lib/packs/types';
import { readSnapshot } from '../../../lib/storage/store-adapter';
import { installPack, updateCommanders, updateFeeds, updatePackProgress, updateSettings } from '../../../lib/storage/store-writes-adapter';
import { restoreBackup } from '../../../lib/storage/writes';
import { SCHEMA_VERSION, type Snapshot } from '../../../lib/storage/stored-data';
import { fiveDayTrack, pack } from '../../fixtures/packs';
import { backupWith, idOf, largestBackup, validPackOfBytes } from '../../fixtures/largest-state';

const emptySnapshot = (): Snapshot => ({ schema: SCHEMA_VERSION, settings: defaultSettings(), commanders: defaultCommanders(), progress: {}, packIndex: {} });

const NOW = Date.UTC(2023, 10, 13);
let counter = 0;
const freshStore = () => createStore(`limits-test-${++counter}`, 'kv');

function installedWith(count: number) {
  const snapshot = emptySnapshot();
  const packs = Array.from({ length: count }, (_, i) => pack([fiveDayTrack()], { id: `arc-${i}`, title: `Arc ${i}` }));
  for (const p of packs) snapshot.packIndex[p.id] = { title: p.title, importedAt: NOW };
  return { snapshot, packs };
}

/** An installed (not re-validated) pack whose stored size is exactly `bytes`. */
function installedOfBytes(id: string, bytes: number): Pack {
  const base = pack([fiveDayTrack()], { id, title: '' });
  return { ...base, title: 'x'.repeat(bytes - storedBytes(base)) };
}


describe('limits', () => {
  it('are the numbers the readers use', () => {
    expect(READER_MAX_PACK_BYTES).toBe(MAX_PACK_BYTES);
    expect(BACKUP_MAX_BYTES).toBe(MAX_BACKUP_BYTES);
  });

  it('refuses the 201st pack in words, but replaces an installed one and takes the 200th', () => {
    const full = installedWith(MAX_PACKS);
    expect(prepareImport(pack([fiveDayTrack()], { id: 'one-more' }), full)).toEqual({
      ok: false,
      problem: { path: '', message: 'You have 200 event packs, the most this extension keeps; remove one first' },
    });
    expect(prepareImport(pack([fiveDayTrack()], { id: 'arc-7', title: 'Arc 7 again' }), full).ok).toBe(true);
    expect(prepareImport(pack([fiveDayTrack()], { id: 'one-more' }), installedWith(MAX_PACKS - 1)).ok).toBe(true);
  });

  it('lets the backup reader take as many packs as import does', () => {
    const { packs } = installedWith(MAX_PACKS);
    const backup = {
      format: 'stfc-milestone-backup',
      version: 1,
      exportedAt: new Date(NOW).toISOString(),
      schema: SCHEMA_VERSION,
      entries: {
        settings: emptySnapshot().settings,
        commanders: emptySnapshot().commanders,
        progress: {},
        packIndex: Object.fromEntries(packs.map((p) => [p.id, { title: p.title, importedAt: NOW }])),
        packs: Object.fromEntries(packs.map((p) => [p.id, p])),
      },
    };
    const read = readBackup(backup);
    expect(read.ok ? 'restores' : read.problem).toBe('restores');
  });
});

describe('the total size of the packs', () => {
  const incoming = pack([fiveDayTrack()], { id: 'incoming' });
  const installedBeside = (otherBytes: number) => {
    const snapshot = emptySnapshot();
    const other = installedOfBytes('other', otherBytes);
    snapshot.packIndex.other = { title: 'Other', importedAt: NOW };
    return { snapshot, packs: [other] };
  };

  it(`takes a pack that brings the packs to exactly ${MAX_TOTAL_PACK_BYTES} bytes and refuses one byte more, in words`, { timeout: 30_000 }, () => {
    const room = MAX_TOTAL_PACK_BYTES - storedBytes(incoming);
    expect(prepareImport(incoming, installedBeside(room)).ok).toBe(true);
    expect(prepareImport(incoming, installedBeside(room + 1))).toEqual({
      ok: false,
      problem: { path: '', message: 'Your event packs would take 32.0 MiB together, more than the 32 MiB this extension keeps; remove a pack first' },
    });
  });

  it('counts a replaced pack once, at its new size, and never counts the built-in pack', () => {
    const room = MAX_TOTAL_PACK_BYTES - storedBytes(incoming);
    const installed = installedBeside(room);
    installed.snapshot.packIndex.incoming = { title: 'Old', importedAt: NOW };
    installed.packs.push(installedOfBytes('incoming', 500_000));
    expect(prepareImport(incoming, installed).ok).toBe(true);
  });

  it('is refused on restore past the same total, naming the pack that crosses it', () => {
    // Valid packs near 1 MiB each: 32 of them fit, the 33rd does not.
    const big = validPackOfBytes('big-0', MAX_PACK_BYTES);
    const count = Math.floor(MAX_TOTAL_PACK_BYTES / storedBytes(big)) + 1;
    const packs = Array.from({ length: count }, (_, i) => ({ ...big, id: `big-${i}` }));
    const read = readBackup(backupWith({ packs }));
    expect(read.ok ? 'restored' : read.problem).toEqual({
      path: `entries.packs.big-${count - 1}`,
      message: 'the packs up to this one take more than 32 MiB together, the most the extension keeps',
    });
  });
});

describe('settings kept for packs', () => {
  const settingsFor = (count: number): Settings => ({
    ...defaultSettings(),
    packs: Object.fromEntries(Array.from({ length: count }, (_, i) => [`gone-${i}`, { hidden: true }])),
  });

  it('are refused for the 1001st pack at import, but a pack that has settings already installs', () => {
    const installed = installedWith(0);
    installed.snapshot.settings = settingsFor(MAX_PACK_SETTINGS);
    expect(prepareImport(pack([fiveDayTrack()], { id: 'new-one' }), installed)).toEqual({
      ok: false,
      problem: { path: '', message: 'Settings are kept for 1000 packs, the most this extension keeps; remove a pack you no longer use first' },
    });
    expect(prepareImport(pack([fiveDayTrack()], { id: 'gone-3' }), installed).ok).toBe(true);
    installed.snapshot.settings = settingsFor(MAX_PACK_SETTINGS - 1);
    expect(prepareImport(pack([fiveDayTrack()], { id: 'new-one' }), installed).ok).toBe(true);
  });

  it('are refused on the write that would make the 1001st entry, which stores nothing; existing entries still change', async () => {
    const store = freshStore();
    await updateSettings(() => settingsFor(MAX_PACK_SETTINGS), store);
    const refused = updateSettings((s) => ({ ...s, packs: { ...s.packs, 'one-more': { hidden: true } } }), store);
    await expect(refused).rejects.toThrow(LimitReached);
    await expect(refused).rejects.toThrow('Settings are kept for 1000 packs, the most this extension keeps; remove a pack you no longer use first');
    await updateSettings((s) => ({ ...s, packs: { ...s.packs, 'gone-0': { hidden: false } } }), store);
    const stored = (await readSnapshot(store)).settings.packs;
    expect(Object.keys(stored)).toHaveLength(MAX_PACK_SETTINGS);
    expect(stored['gone-0']).toEqual({ hidden: false });
  });

  it('are refused when installing a pack would follow a track for the 1001st pack: nothing of the pack is stored', async () => {
    const store = freshStore();
    const tracks = Object.fromEntries(Array.from({ length: MAX_PACK_SETTINGS }, (_, i) => [`gone-${i}`, 'heroes']));
    await updateCommanders((c) => ({ ...c, list: c.list.map((each) => ({ ...each, tracks })) }), store);
    const p = pack([fiveDayTrack()], { id: 'new-one' });
    await expect(installPack(p, { importedAt: NOW, followTrackId: 'heroes' }, store)).rejects.toThrow(LimitReached);
    expect((await readSnapshot(store)).packIndex).toEqual({});
  });
});

describe('progress kept for packs', () => {
  const complete = (milestoneId: string) => (p: PackProgress) =>
    applyProgressChange(p, { kind: 'completed', trackId: 't', milestoneId, value: true, at: NOW });

  it('is refused for the 1001st pack in words, storing nothing; packs that have progress still record', async () => {
    const store = freshStore();
    for (let i = 0; i < MAX_PROGRESS_PACKS; i++) await updatePackProgress('c1', `kept-${i}`, complete('m'), store);
    const refused = updatePackProgress('c1', 'one-more', complete('m'), store);
    await expect(refused).rejects.toThrow(LimitReached);
    await expect(refused).rejects.toThrow(
      'Progress is kept for 1000 packs, the most this extension keeps; delete the progress of a removed pack first (options page, Progress of removed packs)',
    );
    await updatePackProgress('c1', 'kept-5', complete('n'), store);
    const progress = (await readSnapshot(store)).progress.c1 ?? {};
    expect(Object.keys(progress)).toHaveLength(MAX_PROGRESS_PACKS);
    expect(Object.hasOwn(progress, 'one-more')).toBe(false);
    expect(progress['kept-5']?.tracks.t?.milestones.n?.completedAt).toBe(NOW);
  });

  it(`is refused for one pack past ${MAX_PROGRESS_BYTES} bytes, exactly that many being kept, and may always shrink`, async () => {
    const store = freshStore();
    const ofBytes = (bytes: number): PackProgress => {
      const base = { tracks: { t: { milestones: {} } } };
      return { tracks: { [`t${'x'.repeat(bytes - storedBytes(base))}`]: { milestones: {} } } };
    };
    expect(storedBytes(ofBytes(MAX_PROGRESS_BYTES))).toBe(MAX_PROGRESS_BYTES);
    await updatePackProgress('c1', 'p', () => ofBytes(MAX_PROGRESS_BYTES), store);
    await expect(updatePackProgress('c1', 'p', () => ofBytes(MAX_PROGRESS_BYTES + 1), store)).rejects.toThrow(
      "This pack's recorded progress would be larger than 32 KiB, the most kept for one pack; uncheck some objectives first",
    );
    expect(storedBytes((await readSnapshot(store)).progress.c1?.p)).toBe(MAX_PROGRESS_BYTES);
    await updatePackProgress('c1', 'p', () => ofBytes(100), store);
    expect(storedBytes((await readSnapshot(store)).progress.c1?.p)).toBe(100);
  });

  it('is refused on restore when one pack holds more than that', () => {
    const big = { tracks: { t: { milestones: Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`milestone-${i}`, { objectives: {}, completedAt: NOW }])) } } };
    expect(storedBytes(big)).toBeGreaterThan(MAX_PROGRESS_BYTES);
    const read = readBackup(backupWith({ progress: { c1: { big } } }));
    expect(read.ok ? 'restored' : read.problem).toEqual({ path: 'entries.progress.c1.big', message: 'larger than 32 KiB' });
  });
});

describe('the feed records', () => {
  const catalog = (i: number, entries: number): CatalogFeed => ({
    kind: 'catalog',
    url: `https://feeds.example.com/${idOf('catalog', i, 1900)}.json`,
    title: `Catalogue ${i}`,
    autoInstall: false,
    addedAt: NOW,
    entries: Array.from({ length: entries }, (_, e) => ({ id: idOf('pack', e), title: 'T'.repeat(120), url: `https://feeds.example.com/${idOf('p', e, 1900)}.json` })),
  });

  it('are refused when a change would grow them past the limit, storing nothing; a change that shrinks them is taken', async () => {
    const store = freshStore();
    let feeds: FeedRecords = {};
    let i = 0;
    while (storedBytes({ ...feeds, [catalog(i, 200).url]: catalog(i, 200) }) <= MAX_FEEDS_BYTES) {
      feeds = { ...feeds, [catalog(i, 200).url]: catalog(i, 200) };
      i++;
    }
    await updateFeeds(() => feeds, store);
    const more = catalog(i, 200);
    await expect(updateFeeds((all) => ({ ...all, [more.url]: more }), store)).rejects.toThrow(
      'Your feeds would take more than 2 MiB to remember, the most this extension keeps; unsubscribe from one first',
    );
    // A pack from a feed is stored with its record in one transaction: refused together.
    const p = pack([fiveDayTrack()], { id: 'from-feed' });
    const record = { kind: 'pack' as const, url: `https://feeds.example.com/${'y'.repeat(MAX_FEEDS_BYTES)}`, title: 'Feed', packId: 'from-feed', addedAt: NOW };
    await expect(installPack(p, { importedAt: NOW, followTrackId: 'heroes', feed: record }, store)).rejects.toThrow(LimitReached);
    expect((await readSnapshot(store)).packIndex).toEqual({});
    const left = await updateFeeds((all) => Object.fromEntries(Object.entries(all).slice(1)), store);
    expect(Object.keys(left)).toHaveLength(i - 1);
  });
});

describe('the largest state the limits allow', () => {
  it('is written as a backup under the backup limit, which restores', async () => {
    const backup = largestBackup();
    const { packs, packIndex, progress, settings, feeds } = backup.entries;
    // Each part at its limit: 200 packs just under the total, 1000 progress records just under their size, ...
    const packBytes = Object.values(packs).reduce((sum, p) => sum + storedBytes(p), 0);
    expect(Object.keys(packs)).toHaveLength(MAX_PACKS);
    expect(Object.keys(packIndex)).toHaveLength(MAX_PACKS);
    expect(packBytes).toBeLessThanOrEqual(MAX_TOTAL_PACK_BYTES);
    expect(packBytes).toBeGreaterThan(MAX_TOTAL_PACK_BYTES - MAX_PACKS * 2048);
    expect(Object.keys(progress.c1 ?? {})).toHaveLength(MAX_PROGRESS_PACKS);
    for (const record of Object.values(progress.c1 ?? {})) expect(storedBytes(record)).toBeGreaterThan(MAX_PROGRESS_BYTES - 100);
    // As many Commanders as kept, each following a track in as many packs as have settings room.
    expect(backup.entries.commanders.list).toHaveLength(MAX_COMMANDERS);
    for (const commander of backup.entries.commanders.list) expect(Object.keys(commander.tracks).length).toBeGreaterThanOrEqual(MAX_PACK_SETTINGS);
    expect(Object.keys(settings.packs)).toHaveLength(MAX_PACK_SETTINGS);
    expect(storedBytes(feeds)).toBeGreaterThan(MAX_FEEDS_BYTES - 10_000);

    const text = await backupFileText(backup);
    const bytes = new TextEncoder().encode(text).byteLength;
    expect(bytes).toBeLessThanOrEqual(MAX_BACKUP_BYTES);
    // The cap is the state's size rounded up to a whole MiB, no larger.
    expect(bytes).toBeGreaterThan(MAX_BACKUP_BYTES - 2 * 1024 * 1024);

    const store = freshStore();
    const restored = await restoreBackup(text, store);
    expect(restored.ok ? 'restored' : restored).toBe('restored');
    const snapshot = await readSnapshot(store);
    expect(Object.keys(snapshot.packIndex)).toHaveLength(MAX_PACKS);
    expect(Object.keys(snapshot.progress.c1 ?? {})).toHaveLength(MAX_PROGRESS_PACKS);
    expect(snapshot.commanders.list).toHaveLength(MAX_COMMANDERS);
  }, 120_000);
});

describe('the backup limit', () => {
  it('refuses a file one byte over, unread', async () => {
    const over = `{"pad": "${'x'.repeat(MAX_BACKUP_BYTES - 10)}"}`;
    expect(new TextEncoder().encode(over).byteLength).toBe(MAX_BACKUP_BYTES + 1);
    expect(await readBackupFile(over)).toEqual({ ok: false, problem: { path: '', message: `larger than ${MAX_BACKUP_BYTES / 1024 / 1024} MiB` } });
  });
});
