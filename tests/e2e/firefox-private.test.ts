// Private browsing in Firefox: what happens to the extension's IndexedDB, and what the views say.
// Observed in Firefox ESR 153: IndexedDB refuses every extension context that runs private (open()
// fails with InvalidStateError), whether the whole browser never remembers history
// (browser.privatebrowsing.autostart, where the background is private too) or only one window is
// private (then the popup and sidebar of that window are). browser.storage.local works in both.
// An extension runs in private windows only when the user allows it in about:addons; both cases allow it.
// What these tests hold the views to: where storage is refused, they say so in an alert, never silently.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_NAME } from '../../lib/store';
import { evaluateInExtension, launchFirefoxExtension, type LaunchedFirefoxExtension } from './firefox';

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

async function alertText(page: Page): Promise<string> {
  const alert = await page.waitForSelector('::-p-aria([role="alert"])');
  return alert!.evaluate((el) => el.textContent ?? '');
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
    expect(await evaluateInExtension(page, () => browser.extension.inIncognitoContext)).toBe(true);
    expect(await openDatabase(page)).toBe('InvalidStateError');
    expect(await openDatabase(page, 'background')).toBe('InvalidStateError');
    await page.close();
  });

  it.each(['popup.html', 'sidepanel.html'] as const)('says plainly in %s that storage is refused', async (path) => {
    const page = await ext.open(path);
    expect(await alertText(page)).toMatch(REFUSED);
    await page.close();
  });
});

describe('a private window of a Firefox that remembers history', () => {
  let ext: LaunchedFirefoxExtension;

  beforeAll(async () => {
    ext = await launchFirefoxExtension({ allowInPrivateWindows: true });
  });

  afterAll(async () => {
    await ext?.close();
  });

  it('keeps IndexedDB for the extension in normal windows', async () => {
    const page = await ext.open('popup.html');
    expect(await evaluateInExtension(page, () => browser.extension.inIncognitoContext)).toBe(false);
    expect(await openDatabase(page)).toBe('ok');
    expect(await openDatabase(page, 'background')).toBe('ok');
    await page.close();
  });

  it('refuses IndexedDB to extension pages in the private window, and the popup says so', async () => {
    const page = await ext.openInPrivateWindow('popup.html');
    expect(await evaluateInExtension(page, () => browser.extension.inIncognitoContext)).toBe(true);
    expect(await openDatabase(page)).toBe('InvalidStateError');
    expect(await alertText(page)).toMatch(REFUSED);
    await page.close();
  });
});
