// Feeds in Firefox ESR (puppeteer-core over WebDriver BiDi) against a real HTTP server on 127.0.0.1
// (node:http, no fetch mocks), with the test build that holds loopback host access from install: add a
// catalogue from its link, install a pack from it, see it in the popup; change the pack on the server and
// press Check now, progress kept; and every failed check keeps the pack and says why on the options page.
// Each case starts from a store it sets up itself, so none depends on the one before it.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIREFOX_E2E_EXTENSION_DIR, evaluateInExtension, launchFirefoxExtension, readExtensionStore, writeExtensionStore, type LaunchedFirefoxExtension } from './firefox';
import { ariaChecked } from './firefox-arc';
import { CATALOG_PATH, FAILED_CHECKS, FEED_OBJECTIVE, FEED_PACK_ID, FEED_PACK_TITLE, PACK_PATH, serveWeek, subscribedStore } from './feed-week';
import { startFeedServer, type FeedServer } from '../helpers/feed-server';
import { STORED } from './extension-store';

const button = (name: string) => `::-p-aria([name="${name}"][role="button"])`;

describe('feeds in Firefox ESR', () => {
  let server: FeedServer;
  let ext: LaunchedFirefoxExtension;
  let options: Page;
  const storedPack = async () => JSON.stringify(await readExtensionStore(options, `pack:${FEED_PACK_ID}`));
  const status = () => options.$eval('#feeds [role="status"]', (el) => el.textContent ?? '');
  /** The text of the options page's list item of the feed at `url`. */
  const feedItem = (url: string) =>
    options.evaluate((address) => [...document.querySelectorAll('li')].find((li) => li.querySelector('h4') && li.textContent?.includes(address))?.textContent ?? '', url);
  const popupShows = async (name: string) => {
    const popup = await ext.open('popup.html');
    await popup.waitForSelector(`::-p-aria([name="${name}"][role="heading"])`);
    return popup;
  };
  /** Replaces the store with `entries`, has the background re-read it and opens a new options page on it. */
  const startFrom = async (entries: Record<string, unknown>) => {
    await writeExtensionStore(options, entries, { replace: true });
    await options.close();
    options = await ext.open('options.html');
    await options.waitForSelector('::-p-aria([name="Feeds"][role="heading"])');
  };

  beforeAll(async () => {
    server = await startFeedServer();
    ext = await launchFirefoxExtension({ dir: FIREFOX_E2E_EXTENSION_DIR });
    options = await ext.open('options.html');
    await options.waitForSelector('::-p-aria([name="Feeds"][role="heading"])');
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('adds a catalogue from its link, installs a pack from it, and shows it in the popup', async () => {
    serveWeek(server, 'First Light', '"v1"');
    await startFrom({});
    // The test build holds the loopback host access; the store build asks for it (tests/unit/repository/manifest.test.ts).
    expect(await evaluateInExtension(options, () => browser.permissions.contains({ origins: ['http://127.0.0.1/*'] }))).toBe(true);
    await options.locator('::-p-aria([name="Address of a pack or catalogue"][role="textbox"])').fill(server.url(CATALOG_PATH));
    await options.locator(button('Add from link')).click();
    await expect.poll(status).toMatch(/Added the catalogue “E2E alliance” with 1 pack/);
    await options.locator(button(`Install ${FEED_PACK_TITLE}`)).click();
    await expect.poll(status).toMatch(/Installed “Feed test week”/);
    expect(server.requests.map((r) => r.path)).toEqual(expect.arrayContaining([CATALOG_PATH, PACK_PATH]));

    const popup = await popupShows('First Light');
    await popup.locator(`::-p-aria([name="${FEED_OBJECTIVE.text}"][role="checkbox"])`).click();
    await expect.poll(() => readExtensionStore(options, STORED.keys.progress(FEED_PACK_ID)), { timeout: 5_000 }).toMatchObject({
      tracks: { resistance: { milestones: { signal: { objectives: { [FEED_OBJECTIVE.id]: expect.any(Number) } } } } },
    });
    await popup.close();
  });

  it('updates a changed pack with Check now: the new milestone name shows, the checked objective stays checked', async () => {
    await startFrom(subscribedStore(server, 'First Light', '"v1"'));
    serveWeek(server, 'Second Light', '"v2"');
    await options.locator(button('Check now')).click();
    await expect.poll(status, { timeout: 20_000 }).toMatch(/Checked every feed\./);
    expect(server.requests.at(-1)).toMatchObject({ path: PACK_PATH, headers: { 'if-none-match': '"v1"' } });
    const popup = await popupShows('Second Light');
    expect(await ariaChecked(popup, FEED_OBJECTIVE.text)).toBe(true);
    await popup.close();
  });

  it.each(FAILED_CHECKS)('keeps the stored pack after %s and shows why', async (_name, route, reason) => {
    await startFrom(subscribedStore(server, 'First Light', '"v1"'));
    const before = await storedPack();
    server.set(PACK_PATH, route);
    const requests = server.requests.length;
    await options.locator(button('Check now')).click();
    await expect.poll(status, { timeout: 30_000 }).toMatch(/Checked every feed/);
    expect(server.requests.slice(requests).map((r) => r.path)).toContain(PACK_PATH);
    const item = await feedItem(server.url(PACK_PATH));
    expect(item).toContain('Last checked');
    if (reason) expect(item).toMatch(reason);
    else expect(item).not.toMatch(/Last problem/);
    expect(await storedPack()).toBe(before);
    const popup = await popupShows('First Light');
    expect(await ariaChecked(popup, FEED_OBJECTIVE.text)).toBe(true);
    await popup.close();
  }, 60_000);
});
