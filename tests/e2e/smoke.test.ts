import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, openExtensionPage, type LaunchedExtension } from './chromium';

// The only Chrome API this file calls, inside the extension's service worker.
declare const chrome: { runtime: { getManifest(): { name: string } } };

describe('built extension in Chromium', () => {
  let ext: LaunchedExtension;

  beforeAll(async () => {
    ext = await launchExtension();
  });

  afterAll(async () => {
    await ext?.close();
  });

  it('runs its service worker with the built manifest', async () => {
    expect(ext.extensionId).toMatch(/^[a-p]{32}$/);
    const name = await ext.serviceWorker.evaluate(() => chrome.runtime.getManifest().name);
    expect(name).toBe('STFC Milestone Tracker');
  });

  it('opens the popup page with content', async () => {
    const page = await openExtensionPage(ext.context, ext.extensionId, 'popup.html');
    await page.waitForFunction(() => document.body.innerText.trim().length > 0);
    expect((await page.locator('body').innerText()).trim()).not.toBe('');
    await page.close();
  });
});
