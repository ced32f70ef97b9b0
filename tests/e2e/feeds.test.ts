// Feeds in real Chromium against a real HTTP server on 127.0.0.1 (node:http, no fetch mocks): add a
// catalogue, install a pack from it, see it in the popup and on the badge; change the pack on the server
// and update it with Check now and with the daily alarm, progress kept; and every failure keeps the pack.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// Each case starts from a store it sets up itself (startFrom), so none depends on the one before it.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_EXTENSION_DIR, launchExtension, openExtensionPage, type LaunchedExtension } from './chromium';
import { announceStoreChange, readStore, replaceStore, waitForBadge } from './extension-store';
import { OFFICIAL_PAGES_MATCH } from '../../lib/overlay/official-pages';
import { CATALOG_PATH, DAY, FAILED_CHECKS, FEED_OBJECTIVE, FEED_PACK_ID, FEED_PACK_TITLE, PACK_PATH, serveWeek, subscribedStore, weekPack } from './feed-week';
import { startFeedServer, type FeedServer } from '../helpers/feed-server';

/** The Feeds part of the options page: its status line is the first one inside it (the Commanders section has one above). */

// The service worker's own namespace, as playwright evaluates code there.
declare const chrome: { permissions: { getAll(): Promise<{ origins?: string[] }> }; alarms: { create(name: string, info: { when: number }): Promise<void> } & Record<string, any> };

describe('feeds in Chromium', () => {
  let server: FeedServer;
  let ext: LaunchedExtension;
  let options: Page;
  let userDataDir: string;
  const storedPack = async () => JSON.stringify((await readStore(options, [`pack:${FEED_PACK_ID}`]))[`pack:${FEED_PACK_ID}`]);
  const popupShows = async (name: string) => {
    const popup = await openExtensionPage(ext.context, ext.extensionId, 'popup.html');
    await popup.getByRole('heading', { name }).waitFor({ timeout: 10_000 });
    return popup;
  };
  /** Replaces the store with `entries`, has the background re-read it and reloads the options page on it. */
  const startFrom = async (entries: Record<string, unknown>) => {
    await replaceStore(options, entries);
    await announceStoreChange(options);
    await options.reload();
    await options.getByRole('heading', { name: 'Feeds' }).waitFor();
  };

  beforeAll(async () => {
    server = await startFeedServer();
    userDataDir = await mkdtemp(join(tmpdir(), 'stfc-e2e-feeds-'));
    ext = await launchExtension({ dir: E2E_EXTENSION_DIR, userDataDir });
    options = await openExtensionPage(ext.context, ext.extensionId, 'options.html');
    await options.getByRole('heading', { name: 'Feeds' }).waitFor();
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
    if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
  });

  it('adds a catalogue, installs a pack from it, and shows it in the popup and on the badge', async () => {
    serveWeek(server, 'First Light', '"v1"');
    await startFrom({});
    await options.getByLabel('Address of a pack or catalogue').fill(server.url(CATALOG_PATH));
    await options.getByRole('button', { name: 'Add from link' }).click();
    await expect.poll(() => options.getByRole('region', { name: 'Feeds' }).getByRole('status').first().textContent()).toMatch(/Added the catalogue “E2E alliance” with 1 pack/);
    // A catalogue's automatic installs are a switch like every on/off choice, off until turned on.
    expect(await options.getByRole('switch', { name: 'Install new packs from this catalogue automatically' }).isChecked()).toBe(false);
    await options.getByRole('button', { name: `Install ${FEED_PACK_TITLE}` }).click();
    await expect.poll(() => options.getByRole('region', { name: 'Feeds' }).getByRole('status').first().textContent()).toMatch(/Installed “Feed test week”/);
    // Only the feed's own site is held (beside the official pages, which the e2e build alone holds from install for the overlay's test).
    const origins = await ext.serviceWorker.evaluate(() => chrome.permissions.getAll().then((all) => all.origins));
    expect((origins ?? []).filter((origin) => origin !== OFFICIAL_PAGES_MATCH)).toEqual(['http://127.0.0.1/*']);

    const popup = await popupShows('First Light');
    await popup.getByRole('checkbox', { name: FEED_OBJECTIVE.text }).check();
    await popup.close();
    expect((await waitForBadge(ext.serviceWorker, (b) => b.text === '5h')).title).toContain('First Light');
  });

  it('updates a changed pack with Check now, the checked objective still checked', async () => {
    await startFrom(subscribedStore(server, 'First Light', '"v1"'));
    serveWeek(server, 'Second Light', '"v2"');
    await options.getByRole('button', { name: 'Check now' }).click();
    await expect.poll(() => options.getByRole('region', { name: 'Feeds' }).getByRole('status').first().textContent()).toMatch(/Checked every feed/);
    const popup = await popupShows('Second Light');
    expect(await popup.getByRole('checkbox', { name: FEED_OBJECTIVE.text }).isChecked()).toBe(true);
    await popup.close();
    await waitForBadge(ext.serviceWorker, (b) => b.title.includes('Second Light'));
  });

  it('updates a changed pack when the daily alarm fires for a feed checked a day ago', async () => {
    await startFrom(subscribedStore(server, 'First Light', '"v1"', { checkedAgo: DAY }));
    serveWeek(server, 'Third Light', '"v3"');
    await ext.serviceWorker.evaluate(() => chrome.alarms.create('feeds', { when: Date.now() + 50 }));
    await waitForBadge(ext.serviceWorker, (b) => b.title.includes('Third Light'));
    const popup = await popupShows('Third Light');
    expect(await popup.getByRole('checkbox', { name: FEED_OBJECTIVE.text }).isChecked()).toBe(true);
    await popup.close();
  });

  it.each(FAILED_CHECKS)('keeps the stored pack after %s and shows why', async (_name, route, reason) => {
    await startFrom(subscribedStore(server, 'First Light', '"v1"'));
    const before = await storedPack();
    expect(before).toBe(JSON.stringify(weekPack('First Light')));
    server.set(PACK_PATH, route);
    const requests = server.requests.length;
    await options.getByRole('button', { name: 'Check now' }).click();
    await expect.poll(() => options.getByRole('region', { name: 'Feeds' }).getByRole('status').first().textContent(), { timeout: 30_000 }).toMatch(/Checked every feed/);
    expect(server.requests.slice(requests).map((r) => r.path)).toContain(PACK_PATH);
    const item = options.getByRole('listitem').filter({ hasText: server.url(PACK_PATH) });
    if (reason) expect(await item.textContent()).toMatch(reason);
    else expect(await item.textContent()).not.toMatch(/Last problem/);
    expect(await storedPack()).toBe(before);
  }, 60_000);

  // The feed check is not in background.js (lib/background/worker-scripts.ts): the worker imported it
  // while installing, and a worker started later loads it from its script cache only when the alarm fires.
  it('updates a changed pack when the daily alarm fires after the browser restarted, loading the check only then', async () => {
    await ext.context.close();
    ext = await launchExtension({ dir: E2E_EXTENSION_DIR, userDataDir });
    options = await openExtensionPage(ext.context, ext.extensionId, 'options.html');
    await options.getByRole('heading', { name: 'Feeds' }).waitFor();
    expect(await ext.serviceWorker.evaluate(() => typeof (globalThis as Record<string, unknown>).stfcFeedCheck)).toBe('undefined');

    await startFrom(subscribedStore(server, 'First Light', '"v1"', { checkedAgo: DAY }));
    serveWeek(server, 'Fourth Light', '"v4"');
    await ext.serviceWorker.evaluate(() => chrome.alarms.create('feeds', { when: Date.now() + 50 }));
    await waitForBadge(ext.serviceWorker, (b) => b.title.includes('Fourth Light'));
    expect(await ext.serviceWorker.evaluate(() => typeof (globalThis as Record<string, unknown>).stfcFeedCheck)).toBe('function');
    const popup = await popupShows('Fourth Light');
    expect(await popup.getByRole('checkbox', { name: FEED_OBJECTIVE.text }).isChecked()).toBe(true);
    await popup.close();
  }, 60_000);
});
