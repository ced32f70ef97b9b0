// The store in the built extension in Firefox ESR: whether the browser keeps it under disk pressure, a
// backup of the most the extension keeps restored in a fresh profile, and the database deleted under an open popup.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupFileText } from '../../lib/backup/backup-file';
import { MAX_PACKS, MAX_TOTAL_PACK_BYTES } from '../../lib/storage/limits';
import { backupWith, validPackOfBytes } from '../fixtures/largest-state';
import { pollUntil } from '../helpers/poll';
import { DB_NAME } from '../../lib/storage/store-adapter';
import { evaluateInExtension, launchFirefoxExtension, openExtensionPage, writeExtensionStore, type LaunchedFirefoxExtension } from './firefox';

describe('the store in Firefox ESR', () => {
  let ext: LaunchedFirefoxExtension;

  beforeAll(async () => {
    ext = await launchFirefoxExtension();
  });

  afterAll(async () => {
    await ext?.close();
  });

  // Firefox answers persisted() false at first even with unlimitedStorage; the extension then asks
  // persist(), which Firefox grants without a prompt. The background asks at start, the options page too.
  it('is persistent storage once the extension asked for it, without a prompt', async () => {
    const options = await ext.open('options.html');
    await options.waitForSelector('::-p-text(Backup and restore)');
    const permissions = await evaluateInExtension(options, () => browser.runtime.getManifest().permissions);
    expect(permissions).toContain('unlimitedStorage');
    expect(permissions).not.toContain('storage');
    expect(await evaluateInExtension(options, () => navigator.storage.persisted())).toBe(true);
    expect(await options.$('::-p-text(best effort)')).toBeNull();
    await options.close();
  });

  it(`restores a backup of ${MAX_PACKS} packs, together as large as the extension keeps, in a fresh profile`, { timeout: 300_000 }, async () => {
    // The same file a Download backup of that state writes (lib/backup): 200 valid packs of a 200th of the total each.
    const template = validPackOfBytes('most-000', Math.floor(MAX_TOTAL_PACK_BYTES / MAX_PACKS) - 64, 'Most packs 0');
    const packs = Array.from({ length: MAX_PACKS }, (_, i) => ({ ...template, id: `most-${String(i).padStart(3, '0')}`, title: `Most packs ${i}` }));
    const backup = backupWith({ packs, progress: { c1: { 'most-007': { tracks: { 'track-0': { milestones: { 'milestone-00000': { objectives: {}, completedAt: Date.UTC(2026, 0, 2) } } } } } } } });
    const files = await mkdtemp(join(tmpdir(), 'stfc-e2e-most-'));
    const file = join(files, 'stfc-milestone-backup.json');
    await writeFile(file, await backupFileText(backup));
    try {
      // ext's profile is fresh: nothing was stored in it but by the test above, which stores nothing.
      const options = await ext.open('options.html');
      await options.waitForSelector('::-p-aria([name="Backup and restore"][role="heading"])');
      // The aria query finds the label (Firefox names the input's Browse button by it); the file input is its control.
      const label = await options.waitForSelector('::-p-aria([name="Restore from backup"])');
      const input = (await label!.evaluateHandle((el) => (el as HTMLLabelElement).control)) as ElementHandle<HTMLInputElement>;
      await input.uploadFile(file);
      const dialog = await options.waitForSelector('::-p-aria([name="Restore this backup?"][role="dialog"])', { timeout: 120_000 });
      expect(await dialog!.evaluate((el) => el.textContent)).toContain(`${MAX_PACKS} imported packs and 1 completed milestone`);
      await options.locator('::-p-aria([name="Restore"][role="button"])').click();
      await options.waitForSelector('::-p-aria([name="Most packs 199"][role="article"])', { timeout: 120_000 });
      // Every pack is back (the built-in one is listed too), with its progress.
      await pollUntil(async () => expect(await options.$$('::-p-aria([role="article"])')).toHaveLength(MAX_PACKS + 1), { timeout: 30_000, interval: 250 });
      const seventh = await options.waitForSelector('::-p-aria([name="Most packs 7"][role="article"])');
      expect(await seventh!.evaluate((el) => el.textContent)).toContain('Recorded: 1 completed milestone.');
      await options.close();
    } finally {
      await rm(files, { recursive: true, force: true });
    }
  });

  it('lets a deletion of the database through while the background and a popup hold it; the popup shows the empty store', async () => {
    const now = Date.now();
    const HOUR = 3_600_000;
    const pack = {
      format: 'stfc-milestone-pack',
      version: 1,
      id: 'e2e-clear-arc',
      title: 'Clear test arc',
      tracks: [{ id: 'heroes', name: 'Heroes', milestones: [{ id: 'live', name: 'Live one', points: 100, start: new Date(now - HOUR).toISOString(), end: new Date(now + 5.5 * HOUR).toISOString(), objectives: [{ id: 'a', text: 'Do a thing' }] }] }],
    };
    const popup = await ext.open('popup.html');
    await writeExtensionStore(
      popup,
      {
        schema: 2,
        [`pack:${pack.id}`]: pack,
        packIndex: { [pack.id]: { title: pack.title, importedAt: now } },
        settings: { packs: { [pack.id]: { followedTrackId: 'heroes' }, 'heroes-and-villains-2023-11': { hidden: true } }, notifications: { enabled: false, minutesBeforeEnd: 60, onStart: false } },
      },
      { replace: true },
    );
    // A page does not hear its own announcement: open the popup again on the stored pack.
    await openExtensionPage(popup, `${ext.baseUrl}popup.html`);
    await popup.waitForSelector('::-p-aria([name="Live one"][role="heading"])');
    const options = await ext.open('options.html');
    const outcome = await evaluateInExtension(
      options,
      (name: string) =>
        new Promise<string>((resolve) => {
          const request = indexedDB.deleteDatabase(name);
          request.onsuccess = () => resolve('deleted');
          request.onerror = () => resolve('failed');
          setTimeout(() => resolve('still blocked after 5 s'), 5000);
        }),
      DB_NAME,
    );
    expect(outcome).toBe('deleted');
    // The popup re-reads the empty store (the built-in arc, which has ended): a message and the ways to add an arc, not a blank page.
    await popup.waitForSelector('::-p-aria([name="No arc is running in your packs"][role="heading"])', { timeout: 15_000 });
    await popup.waitForSelector('::-p-aria([name="Add from link"][role="button"])');
    await options.close();
    await popup.close();
  });
});
