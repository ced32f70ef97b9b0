// Feeds in real Chromium against a real HTTP server on 127.0.0.1 (node:http, no fetch mocks): add a
// catalogue, install a pack from it, see it in the popup and on the badge; change the pack on the server
// and update it with Check now and with the daily alarm, progress kept; and every failure keeps the pack.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_EXTENSION_DIR, launchExtension, openExtensionPage, type LaunchedExtension } from './chromium';
import { readStore, waitForBadge, writeStore } from './extension-store';
import { startFeedServer, type FeedServer } from '../helpers/feed-server';

// The service worker's own namespace, as playwright evaluates code there.
declare const chrome: { permissions: { getAll(): Promise<{ origins?: string[] }> }; alarms: { create(name: string, info: { when: number }): Promise<void> } & Record<string, any> };

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const iso = (instant: number) => new Date(instant).toISOString().replace('.000Z', 'Z');
const minuteNow = Math.floor(Date.now() / MINUTE) * MINUTE;

const weekPack = (name: string) => ({
  format: 'stfc-milestone-pack',
  version: 1,
  id: 'e2e-feed-week',
  title: 'Feed test week',
  tracks: [
    {
      id: 'resistance',
      name: 'Resistance',
      role: 'Hero',
      milestones: [
        {
          id: 'signal',
          name,
          points: 100,
          start: iso(minuteNow - HOUR),
          end: iso(minuteNow + 5 * HOUR + 30 * MINUTE),
          objectives: [{ id: 'scan', text: 'Scan 5 anomalies' }],
        },
      ],
    },
  ],
});

describe('feeds in Chromium', () => {
  let server: FeedServer;
  let ext: LaunchedExtension;
  let options: Page;
  let userDataDir: string;
  const packUrl = () => server.url('/packs/week.json');
  const storedPack = async () => JSON.stringify((await readStore(options, ['pack:e2e-feed-week']))['pack:e2e-feed-week']);
  const popupShows = async (name: string) => {
    const popup = await openExtensionPage(ext.context, ext.extensionId, 'popup.html');
    await popup.getByRole('heading', { name }).waitFor({ timeout: 10_000 });
    return popup;
  };

  beforeAll(async () => {
    server = await startFeedServer();
    server.set('/packs/catalog.json', {
      body: JSON.stringify({ format: 'stfc-milestone-catalog', version: 1, title: 'E2E alliance', packs: [{ id: 'e2e-feed-week', title: 'Feed test week', url: 'week.json' }] }),
      etag: '"c1"',
    });
    server.set('/packs/week.json', { body: JSON.stringify(weekPack('First Light')), etag: '"v1"' });
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

  const checkedADayAgo = async () => {
    const { feeds } = (await readStore(options, ['feeds'])) as { feeds: Record<string, { lastCheckedAt: number }> };
    for (const feed of Object.values(feeds)) feed.lastCheckedAt -= 24 * HOUR;
    await writeStore(options, { feeds });
  };

  it('adds a catalogue, installs a pack from it, and shows it in the popup and on the badge', async () => {
    await options.getByLabel('Address of a pack or catalogue').fill(server.url('/packs/catalog.json'));
    await options.getByRole('button', { name: 'Add from link' }).click();
    await expect.poll(() => options.getByRole('status').first().textContent()).toMatch(/Added the catalogue “E2E alliance” with 1 pack/);
    await options.getByRole('button', { name: 'Install Feed test week' }).click();
    await expect.poll(() => options.getByRole('status').first().textContent()).toMatch(/Installed “Feed test week”/);
    // Only the feed's own site is held.
    const origins = await ext.serviceWorker.evaluate(() => chrome.permissions.getAll().then((all) => all.origins));
    expect(origins).toEqual(['http://127.0.0.1/*']);

    const popup = await popupShows('First Light');
    await popup.getByRole('checkbox', { name: 'Scan 5 anomalies' }).check();
    await popup.close();
    expect((await waitForBadge(ext.serviceWorker, (b) => b.text === '5h')).title).toContain('First Light');
  });

  it('updates a changed pack with Check now, the checked objective still checked', async () => {
    server.set('/packs/week.json', { body: JSON.stringify(weekPack('Second Light')), etag: '"v2"' });
    await options.getByRole('button', { name: 'Check now' }).click();
    await expect.poll(() => options.getByRole('status').first().textContent()).toMatch(/Checked every feed/);
    const popup = await popupShows('Second Light');
    expect(await popup.getByRole('checkbox', { name: 'Scan 5 anomalies' }).isChecked()).toBe(true);
    await popup.close();
    await waitForBadge(ext.serviceWorker, (b) => b.title.includes('Second Light'));
  });

  it('updates a changed pack when the daily alarm fires for a feed checked a day ago', async () => {
    server.set('/packs/week.json', { body: JSON.stringify(weekPack('Third Light')), etag: '"v3"' });
    await checkedADayAgo();
    await ext.serviceWorker.evaluate(() => chrome.alarms.create('feeds', { when: Date.now() + 50 }));
    await waitForBadge(ext.serviceWorker, (b) => b.title.includes('Third Light'));
    const popup = await popupShows('Third Light');
    expect(await popup.getByRole('checkbox', { name: 'Scan 5 anomalies' }).isChecked()).toBe(true);
    await popup.close();
  });

  it.each([
    ['a 304 answer', { body: JSON.stringify(weekPack('Third Light')), etag: '"v3"' }, undefined],
    ['a server error', { status: 500, body: 'down' }, /answered 500/],
    ['a broken pack', { body: JSON.stringify({ ...weekPack('Broken'), tracks: [] }), etag: '"b"' }, /not a valid pack \(tracks/],
    ['a 2 MiB body', { body: 'x'.repeat(2 * 1024 * 1024), chunked: true }, /larger than 1 MiB/],
    ['an answer slower than the timeout', { body: JSON.stringify(weekPack('Too Late')), etag: '"slow"', delayMs: 20_000 }, /did not answer within 15 s/],
  ])('keeps the stored pack after %s and shows why', async (_name, route, reason) => {
    const before = await storedPack();
    server.set('/packs/week.json', route);
    const requests = server.requests.length;
    await options.getByRole('button', { name: 'Check now' }).click();
    await expect.poll(() => options.getByRole('status').first().textContent(), { timeout: 30_000 }).toMatch(/Checked every feed/);
    expect(server.requests.length).toBeGreaterThan(requests);
    const item = options.getByRole('listitem').filter({ hasText: packUrl() });
    if (reason) expect(await item.textContent()).toMatch(reason);
    else expect(await item.textContent()).not.toMatch(/Last problem/);
    expect(await storedPack()).toBe(before);
  }, 60_000);

  // The feed check is not in background.js (lib/background/feed-check-loader.ts): the worker imported it
  // while installing, and a worker started later loads it from its script cache only when the alarm fires.
  it('updates a changed pack when the daily alarm fires after the browser restarted, loading the check only then', async () => {
    await ext.context.close();
    ext = await launchExtension({ dir: E2E_EXTENSION_DIR, userDataDir });
    options = await openExtensionPage(ext.context, ext.extensionId, 'options.html');
    await options.getByRole('heading', { name: 'Feeds' }).waitFor();
    expect(await ext.serviceWorker.evaluate(() => typeof (globalThis as Record<string, unknown>).stfcFeedCheck)).toBe('undefined');

    server.set('/packs/week.json', { body: JSON.stringify(weekPack('Fourth Light')), etag: '"v4"' });
    await checkedADayAgo();
    await ext.serviceWorker.evaluate(() => chrome.alarms.create('feeds', { when: Date.now() + 50 }));
    await waitForBadge(ext.serviceWorker, (b) => b.title.includes('Fourth Light'));
    expect(await ext.serviceWorker.evaluate(() => typeof (globalThis as Record<string, unknown>).stfcFeedCheck)).toBe('function');
    const popup = await popupShows('Fourth Light');
    expect(await popup.getByRole('checkbox', { name: 'Scan 5 anomalies' }).isChecked()).toBe(true);
    await popup.close();
  }, 60_000);
});
