// The store in the built extension in Chromium: kept under disk pressure, and cleared without leaving a view blank.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, openExtensionPage, type LaunchedExtension } from './chromium';
import { STORED, onePackStore, readBadge, waitForBadge, writeStore } from './extension-store';

// The only Chrome API this file calls, inside the extension's service worker.
declare const chrome: { runtime: { getManifest(): { permissions?: string[] } } };

const HOUR = 3_600_000;

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
    const pack = {
      format: 'stfc-milestone-pack',
      version: 1,
      id: 'e2e-clear-arc',
      title: 'Clear test arc',
      tracks: [{ id: 'heroes', name: 'Heroes', milestones: [{ id: 'live', name: 'Live one', points: 100, start: new Date(now - HOUR).toISOString(), end: new Date(now + 5.5 * HOUR).toISOString(), objectives: [{ id: 'a', text: 'Do a thing' }] }] }],
    };
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
});
