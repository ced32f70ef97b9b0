// The store in the built extension in Chromium: kept under disk pressure, cleared without leaving a view blank,
// and a backup of the most the extension keeps restored in a fresh profile.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPack } from '../../lib/packs/reader';
import type { Pack } from '../../lib/packs/types';
import { MAX_PACKS, MAX_TOTAL_PACK_BYTES } from '../../lib/storage/limits';
import { launchExtension, openExtensionPage, type LaunchedExtension } from './chromium';
import { BUILTIN_PACK_ID, STORED, UTC_MIDNIGHT_RESET, oneCommander, onePackStore, readBadge, readStore, replaceStore, waitForBadge, writeStore } from './extension-store';

// The only Chrome API this file calls, inside the extension's service worker.
declare const chrome: { runtime: { getManifest(): { permissions?: string[] } } };

const HOUR = 3_600_000;

/** A pack whose one milestone, `milestone`, is live at `now` for another 5 h 30 min (the badge reads 5h). */
const liveArc = (id: string, title: string, milestone: string, now: number) => ({
  format: 'stfc-milestone-pack',
  version: 1,
  id,
  title,
  tracks: [{ id: 'heroes', name: 'Heroes', milestones: [{ id: 'live', name: milestone, points: 100, start: new Date(now - HOUR).toISOString(), end: new Date(now + 5.5 * HOUR).toISOString(), objectives: [{ id: 'a', text: 'Do a thing' }] }] }],
});

describe('the store in Chromium', () => {
  let ext: LaunchedExtension;

  beforeAll(async () => {
    ext = await launchExtension();
  });

  afterAll(async () => {
    await ext?.close();
  });

  // Chromium keeps an extension with unlimitedStorage out of its eviction, yet navigator.storage answers
  // false to persisted() and to persist() (measured here, Debian's Chromium): the options page says what
  // the browser reports and recommends a backup.
  it('asks for unlimitedStorage, not storage; reports best-effort storage as Chromium does, with the backup advice', async () => {
    const permissions = await ext.serviceWorker.evaluate(() => chrome.runtime.getManifest().permissions);
    expect(permissions).toContain('unlimitedStorage');
    expect(permissions).not.toContain('storage');
    const options = await openExtensionPage(ext.context, ext.extensionId, 'options.html');
    const reported = await options.evaluate(async () => [await navigator.storage.persisted(), await navigator.storage.persist()]);
    expect(reported).toEqual([false, false]);
    await options.getByText(/reports the extension’s storage as best effort.*Download a backup/).waitFor();
    await options.close();
  });

  it('lets a deletion of the database through while the worker and a popup hold it; the popup shows the empty store and the badge clears', async () => {
    const now = Date.now();
    const pack = liveArc('e2e-clear-arc', 'Clear test arc', 'Live one', now);
    const popup = await openExtensionPage(ext.context, ext.extensionId, 'popup.html');
    await writeStore(popup, onePackStore(pack, { followedTrackId: 'heroes' }));
    await popup.reload();
    await popup.getByRole('heading', { name: 'Live one' }).waitFor();
    await waitForBadge(ext.serviceWorker, (badge) => badge.text === '5h');

    const options = await openExtensionPage(ext.context, ext.extensionId, 'options.html');
    const outcome = await options.evaluate(
      (name) =>
        new Promise<string>((resolve) => {
          const request = indexedDB.deleteDatabase(name);
          request.onsuccess = () => resolve('deleted');
          request.onerror = () => resolve('failed');
          setTimeout(() => resolve('still blocked after 5 s'), 5000);
        }),
      STORED.database,
    );
    expect(outcome).toBe('deleted');
    // The popup re-reads: an empty store holds only the built-in arc, which has ended, so the popup says no arc is
    // running and offers the ways to add one, not a blank page.
    await popup.getByRole('heading', { name: 'No arc is running in your packs' }).waitFor();
    await popup.getByRole('button', { name: 'Add from link' }).waitFor();
    const badge = await waitForBadge(ext.serviceWorker, (b) => b.text !== '5h');
    expect(badge.text).not.toBe('5h');
    expect((await readBadge(ext.serviceWorker)).title).not.toContain('Live one');
    await popup.close();
    await options.close();
  });

  // The upgrade is not in background.js (lib/background/worker-scripts.ts): the worker imported store-upgrade.js while
  // installing, and a worker started later loads it from its script cache only when it meets an older layout.
  it('upgrades a store of the previous layout in a restarted worker, with no view open, loading the upgrade only then', { timeout: 60_000 }, async () => {
    const now = Date.now();
    const pack = liveArc('e2e-upgrade-arc', 'Upgrade test arc', 'Upgraded one', now);
    const loaded = (worker: LaunchedExtension['serviceWorker']) => worker.evaluate(() => typeof (globalThis as Record<string, unknown>).stfcStoreUpgrade);
    const userDataDir = await mkdtemp(join(tmpdir(), 'stfc-e2e-upgrade-'));
    let own = await launchExtension({ userDataDir });
    try {
      // Installed (its install event, which caches the worker scripts, has run) before the browser closes.
      await expect.poll(() => own.serviceWorker.evaluate(() => (globalThis as unknown as { registration: { active: unknown } }).registration.active !== null)).toBe(true);
      await own.context.close();
      own = await launchExtension({ userDataDir });
      await waitForBadge(own.serviceWorker, (badge) => badge.text === '');
      expect(await loaded(own.serviceWorker)).toBe('undefined');
      // Schema 2, as the previous version wrote it: the followed track in the pack's settings, progress per pack.
      await replaceStore(own.serviceWorker, {
        schema: 2,
        [`pack:${pack.id}`]: pack,
        packIndex: { [pack.id]: { title: pack.title, importedAt: now } },
        settings: { packs: { [pack.id]: { followedTrackId: 'heroes' }, [BUILTIN_PACK_ID]: { hidden: true } }, notifications: { enabled: false, minutesBeforeEnd: 60, onStart: false } },
        [`progress:${pack.id}`]: { tracks: { heroes: { milestones: { live: { objectives: { a: 1_700_000_000_000 } } } } } },
      });
      // The Commander uses the browser (a tab opens, no view of the extension): the worker reads the store again.
      await own.context.newPage();
      await waitForBadge(own.serviceWorker, (badge) => badge.title.includes('Upgraded one'));
      expect(await loaded(own.serviceWorker)).toBe('object');
      const stored = await readStore(own.serviceWorker, ['schema', `progress:${pack.id}`, `progress:c1:${pack.id}`]);
      expect(stored).toEqual({ schema: STORED.schema, [`progress:c1:${pack.id}`]: { tracks: { heroes: { milestones: { live: { objectives: { a: 1_700_000_000_000 } } } } } } });
    } finally {
      await own.context.close();
      await rm(userDataDir, { recursive: true, force: true });
    }
  });

  it(`restores a backup of ${MAX_PACKS} packs, together as large as the extension keeps, in a fresh profile`, { timeout: 300_000 }, async () => {
    // One valid pack of a 200th of the total, stored 200 times under ids of the same length.
    const template = packOfBytes(Math.floor(MAX_TOTAL_PACK_BYTES / MAX_PACKS) - 64);
    const ids = Array.from({ length: MAX_PACKS }, (_, i) => `e2e-most-${String(i).padStart(3, '0')}`);
    const options = await openExtensionPage(ext.context, ext.extensionId, 'options.html');
    await options.getByRole('heading', { name: 'Event packs' }).waitFor();
    await writeStore(options, {
      [STORED.keys.schema]: STORED.schema,
      [STORED.keys.packIndex]: Object.fromEntries(ids.map((id, i) => [id, { title: `Most packs ${i}`, importedAt: Date.UTC(2026, 0, 1) + i }])),
      [STORED.keys.settings]: {
        packs: { [BUILTIN_PACK_ID]: { hidden: true } },
        notifications: { enabled: false, minutesBeforeEnd: 60, onStart: false },
      },
      [STORED.keys.commanders]: oneCommander(Object.fromEntries(ids.map((id) => [id, 'track-0'])), UTC_MIDNIGHT_RESET),
      [STORED.keys.progress(ids[7]!)]: { tracks: { 'track-0': { milestones: { 'milestone-00000': { objectives: {}, completedAt: Date.UTC(2026, 0, 2) } } } } },
    });
    // The packs are built in the page from the one template, so 32 MiB does not cross the wire.
    await options.evaluate(
      async ({ database, objectStore, template, ids }) => {
        const open = indexedDB.open(database);
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          open.onsuccess = () => resolve(open.result);
          open.onerror = () => reject(open.error);
        });
        const transaction = db.transaction(objectStore, 'readwrite');
        ids.forEach((id, i) => transaction.objectStore(objectStore).put({ ...template, id, title: `Most packs ${i}` }, `pack:${id}`));
        await new Promise<void>((resolve, reject) => {
          transaction.oncomplete = () => resolve();
          transaction.onabort = transaction.onerror = () => reject(transaction.error);
        });
        db.close();
      },
      { database: STORED.database, objectStore: STORED.objectStore, template, ids },
    );
    await options.reload();
    await options.getByRole('article', { name: 'Most packs 199' }).waitFor({ timeout: 60_000 });

    const files = await mkdtemp(join(tmpdir(), 'stfc-e2e-most-'));
    const fresh = await launchExtension();
    try {
      const [download] = await Promise.all([
        options.waitForEvent('download', { timeout: 120_000 }),
        options.getByRole('button', { name: 'Download backup' }).click(),
      ]);
      const backup = join(files, download.suggestedFilename());
      await download.saveAs(backup);

      const restoring = await openExtensionPage(fresh.context, fresh.extensionId, 'options.html');
      await restoring.getByRole('heading', { name: 'Event packs' }).waitFor();
      expect(await restoring.getByRole('article', { name: 'Most packs 0' }).count()).toBe(0);
      await restoring.getByLabel('Restore from backup').setInputFiles(backup);
      const dialog = restoring.getByRole('dialog', { name: 'Restore this backup?' });
      await dialog.waitFor({ timeout: 120_000 });
      expect(await dialog.textContent()).toContain(`${MAX_PACKS} imported packs and 1 completed milestone`);
      await dialog.getByRole('button', { name: 'Restore' }).click();
      await restoring.getByRole('article', { name: 'Most packs 199' }).waitFor({ timeout: 120_000 });
      // Every pack is back (the built-in one is listed too), with its progress.
      await expect.poll(() => restoring.getByRole('article').count(), { timeout: 30_000 }).toBe(MAX_PACKS + 1);
      expect(await restoring.getByRole('article', { name: 'Most packs 7', exact: true }).textContent()).toContain('Recorded: 1 completed milestone.');
    } finally {
      await fresh.close();
      await rm(files, { recursive: true, force: true });
      await options.close();
    }
  });
});

/** A valid pack whose stored size is at most `bytes` (and within one milestone of it), timed by instants. */
function packOfBytes(bytes: number): Pack {
  const start = Date.UTC(2026, 0, 5);
  const iso = (ms: number) => new Date(ms).toISOString();
  const milestoneAt = (m: number) => ({
    id: `milestone-${String(m).padStart(5, '0')}`,
    name: `Milestone ${m + 1}`,
    points: 100,
    start: iso(start + m * HOUR),
    end: iso(start + (m + 1) * HOUR),
    objectives: Array.from({ length: 4 }, (_, o) => ({ id: `objective-${o}`, text: `Objective ${o + 1} of milestone ${m + 1}: defeat hostiles`.padEnd(200, '.') })),
  });
  const build = (n: number): Pack => ({
    format: 'stfc-milestone-pack',
    version: 1,
    id: 'e2e-most-000',
    title: 'Most packs 0',
    tracks: Array.from({ length: Math.ceil(n / 400) }, (_, t) => ({
      id: `track-${t}`,
      name: `Track ${t + 1}`,
      milestones: Array.from({ length: Math.min(400, n - t * 400) }, (_, m) => milestoneAt(t * 400 + m)),
    })),
  });
  const size = (p: Pack) => new TextEncoder().encode(JSON.stringify(p)).byteLength;
  const each = size(build(2)) - size(build(1));
  const read = readPack(build(1 + Math.floor((bytes - size(build(1))) / each)));
  if (!read.ok) throw new Error(JSON.stringify(read.problem));
  return read.value;
}
