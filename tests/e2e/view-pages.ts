// Small page objects for the popup and the side panel of the built extension, and the README screenshots.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import type { LaunchedExtension } from './chromium';
import { STORED, readStore } from './extension-store';

export const POPUP_SIZE = { width: 360, height: 560 };
export const SIDE_PANEL_SIZE = { width: 420, height: 800 };

/** Wednesday 15 November 2023, 12:00 UTC: day 3 of the built-in arc. */
export const WED_NOON = new Date('2023-11-15T12:00:00Z');

export const BUILTIN = 'heroes-and-villains-2023-11';
export const DEFENDERS = 'defenders-of-peace';

/** Opens popup.html or sidepanel.html in a tab of the popup's or the side panel's size, once it shows stored data. */
export async function openView(ext: LaunchedExtension, view: 'popup' | 'sidepanel'): Promise<Page> {
  const page = await ext.context.newPage();
  await page.setViewportSize(view === 'popup' ? POPUP_SIZE : SIDE_PANEL_SIZE);
  await page.goto(`chrome-extension://${ext.extensionId}/${view}.html`);
  // Not the popup-ready mark: Playwright's page clock replaces performance, which then records no marks.
  await page.locator('main[aria-busy="false"]').waitFor();
  return page;
}

/** The progress stored for one milestone of the built-in arc's Defenders of Peace track. */
export async function storedMilestone(page: Page, milestoneId: string): Promise<{ completedAt?: number; objectives: Record<string, number> } | undefined> {
  const { [STORED.keys.progress(BUILTIN)]: progress } = await readStore(page, [STORED.keys.progress(BUILTIN)]);
  return (progress as { tracks: Record<string, { milestones: Record<string, never> }> } | undefined)?.tracks[DEFENDERS]?.milestones[milestoneId];
}

/** Saves the page as docs/screenshots/<name>-light.png and -dark.png, the colour scheme emulated. */
export async function screenshotBothThemes(page: Page, name: string): Promise<void> {
  const dir = resolve(import.meta.dirname, '../../docs/screenshots');
  mkdirSync(dir, { recursive: true });
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    // Transitions (the switch's) would otherwise be caught halfway between the two schemes.
    await page.screenshot({ path: resolve(dir, `${name}-${colorScheme}.png`), animations: 'disabled' });
  }
  await page.emulateMedia({ colorScheme: null });
}
