// Private browsing in Firefox: what happens to the extension's IndexedDB, and what the views do about it.
// Observed in Firefox ESR: IndexedDB refuses every extension context that runs private (open()
// fails with InvalidStateError), whether the whole browser never remembers history
// (browser.privatebrowsing.autostart, where the background is private too) or only one window is
// private (then the popup and sidebar of that window are, while the background is not).
// An extension runs in private windows only when the user allows it in about:addons; both cases allow it.
// What these tests hold the views to: in a private window they read and write through the background
// (lib/storage/remote-store.ts), so they work as in a normal window; where even the background is refused
// storage, they say so in an alert, never silently.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BADGE_COLOURS } from '../../lib/badge/rules';
import { DB_NAME } from '../../lib/storage/store-adapter';
import { evaluateInExtension, launchFirefoxExtension, writeExtensionStore, type LaunchedFirefoxExtension } from './firefox';
import { LIVE, MILESTONES, OBJECTIVES, ariaChecked, completedSwitch, expectBadge, liveArcStore, rgba, storedObjectives } from './firefox-arc';

const REFUSED = /refused the extension's storage/;

/** What indexedDB.open() does in this page (or in the background page): 'ok' or the error's name. */
function openDatabase(page: Page, where: 'page' | 'background' = 'page'): Promise<string> {
  return evaluateInExtension(
    page,
    async (name: string, inBackground: boolean) => {
      const scope = inBackground ? ((await browser.runtime.getBackgroundPage()) as unknown as typeof globalThis) : globalThis;
      return new Promise<string>((resolve) => {
        const request = scope.indexedDB.open(name);
        request.onsuccess = () => {
          request.result.close();
          resolve('ok');
        };
        request.onerror = () => resolve(request.error?.name ?? 'error');
      });
    },
    DB_NAME,
    where === 'background',
  );
}

const inIncognitoContext = (page: Page) => evaluateInExtension(page, () => browser.extension.inIncognitoContext);

async function alertText(page: Page): Promise<string> {
  const alert = await page.waitForSelector('::-p-aria([role="alert"])');
  return alert!.evaluate((el) => el.textContent ?? '');
}

/** Waits for the live milestone's heading (the popup) or article (the sidebar) and returns the page's alerts. */
async function showsLiveMilestone(page: Page, role: 'heading' | 'article'): Promise<string[]> {
  await page.waitForSelector(`::-p-aria([name="${LIVE.name}"][role="${role}"])`);
  return page.$$eval('[role="alert"]', (alerts) => alerts.map((el) => el.textContent ?? ''));
}

describe('Firefox that never remembers history (permanent private browsing)', () => {
  let ext: LaunchedFirefoxExtension;

  beforeAll(async () => {
    ext = await launchFirefoxExtension({
      prefs: { 'browser.privatebrowsing.autostart': true },
      allowInPrivateWindows: true,
    });
  });

  afterAll(async () => {
    await ext?.close();
  });

  it('refuses IndexedDB to the extension, even to its background', async () => {
    const page = await ext.open('popup.html');
    expect(await inIncognitoContext(page)).toBe(true);
    expect(await openDatabase(page)).toBe('InvalidStateError');
    expect(await openDatabase(page, 'background')).toBe('InvalidStateError');
    await page.close();
  });

  it.each(['popup.html', 'sidepanel.html'] as const)('says plainly in %s that storage is refused', async (path) => {
    const page = await ext.open(path);
    expect(await alertText(page)).toMatch(REFUSED);
    // Only the alert: no milestone or checklist that could not be kept.
    expect(await page.$$('::-p-aria([role="checkbox"])')).toEqual([]);
    await page.close();
  });
});

describe('a private window of a Firefox that remembers history', () => {
  let ext: LaunchedFirefoxExtension;
  /** A normal-window extension page to write the store and read the badge from. */
  let control: Page;

  beforeAll(async () => {
    ext = await launchFirefoxExtension({ allowInPrivateWindows: true });
    control = await ext.open('options.html');
  });

  // Every test starts from the same stored arc, whatever the one before it checked or completed.
  beforeEach(async () => {
    await writeExtensionStore(control, liveArcStore(Date.now()));
  });

  afterAll(async () => {
    await ext?.close();
  });

  it('keeps IndexedDB for the extension in normal windows', async () => {
    const page = await ext.open('popup.html');
    expect(await inIncognitoContext(page)).toBe(false);
    expect(await openDatabase(page)).toBe('ok');
    expect(await openDatabase(page, 'background')).toBe('ok');
    await page.close();
  });

  it('shows the live milestone in the popup of a private window, whose own IndexedDB is refused', async () => {
    const page = await ext.openInPrivateWindow('popup.html');
    expect(await inIncognitoContext(page)).toBe(true);
    expect(await openDatabase(page)).toBe('InvalidStateError');
    expect(await showsLiveMilestone(page, 'heading')).toEqual([]);
    await page.waitForFunction(() => /ends in 3 h \d+ min/.test(document.body.innerText));
    for (const objective of OBJECTIVES) expect(await ariaChecked(page, objective.text)).toBe(false);
    await page.close();
  });

  it('keeps an objective checked in a private window: the background stores it and the normal windows see it', async () => {
    const [dock, mine] = OBJECTIVES;
    // A popup already open in a normal window follows the change as it is announced.
    const normal = await ext.open('popup.html');
    expect(await showsLiveMilestone(normal, 'heading')).toEqual([]);
    let page = await ext.openInPrivateWindow('popup.html');
    expect(await showsLiveMilestone(page, 'heading')).toEqual([]);

    await page.locator(`::-p-aria([name="${dock!.text}"][role="checkbox"])`).click();
    await expect.poll(() => storedObjectives(control), { timeout: 5_000 }).toEqual([dock!.id]);
    await expect.poll(() => ariaChecked(page, dock!.text), { timeout: 5_000 }).toBe(true);
    await expect.poll(() => ariaChecked(normal, dock!.text), { timeout: 5_000 }).toBe(true);
    expect(await ariaChecked(normal, mine!.text)).toBe(false);
    await page.close();
    await normal.close();

    page = await ext.openInPrivateWindow('popup.html');
    expect(await showsLiveMilestone(page, 'heading')).toEqual([]);
    expect(await ariaChecked(page, dock!.text)).toBe(true);
    expect(await ariaChecked(page, mine!.text)).toBe(false);
    await page.close();
  });

  it('lists the milestones in the sidebar page of a private window, and a completion there turns the badge green', async () => {
    await expectBadge(control, { text: '3h', colour: rgba(BADGE_COLOURS.blue) });
    const page = await ext.openInPrivateWindow('sidepanel.html');
    expect(await inIncognitoContext(page)).toBe(true);
    expect(await showsLiveMilestone(page, 'article')).toEqual([]);
    for (const { name } of MILESTONES) await page.waitForSelector(`::-p-aria([name="${name}"][role="article"])`);

    const live = await page.waitForSelector(`::-p-aria([name="${LIVE.name}"][role="article"])`);
    await completedSwitch(live!).then((handle) => handle.click());
    await expectBadge(control, { text: '3h', colour: rgba(BADGE_COLOURS.green) });
    await page.close();
  });
});
