// Small page objects for the popup and the side panel of the built extension, the stored states their tests
// start from, and the README screenshots (npm run screenshots, tests/e2e/readme-screenshots.ts).
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchExtension, openExtensionPage, type LaunchedExtension } from './chromium';
import { STORED, UTC_MIDNIGHT_RESET, announceStoreChange, oneCommander, readStore, replaceStore } from './extension-store';

export const POPUP_SIZE = { width: 360, height: 560 };
export const SIDE_PANEL_SIZE = { width: 420, height: 800 };

/** Wednesday 15 November 2023, 12:00 UTC: day 3 of the built-in arc. */
export const WED_NOON = new Date('2023-11-15T12:00:00Z');

export const BUILTIN = 'heroes-and-villains-2023-11';
export const DEFENDERS = 'defenders-of-peace';
export const ARCHITECTS = 'architects-of-chaos';

/** What the Commander has recorded on the followed track of the built-in arc. */
export interface ArcRecord {
  /** Milestone id → the ids of its checked objectives. */
  checked?: Record<string, string[]>;
  /** Ids of the milestones marked completed. */
  completed?: string[];
  /** The server's IMS points as last seen in game. */
  serverPoints?: number;
}

/** A first install's store: nothing stored yet, no track followed. */
export const FIRST_RUN: Record<string, unknown> = {};

/**
 * The stored entries of a Commander who follows `trackId` of the built-in arc and has recorded `record`
 * there, all at WED_NOON; notifications off. Written in the stored format, as extension-store.ts explains.
 */
export function builtinArcStore(trackId: string, record: ArcRecord = {}): Record<string, unknown> {
  const at = WED_NOON.getTime();
  const milestones: Record<string, { completedAt?: number; objectives: Record<string, number> }> = {};
  const recorded = (id: string) => (milestones[id] ??= { objectives: {} });
  for (const [id, objectives] of Object.entries(record.checked ?? {})) for (const objective of objectives) recorded(id).objectives[objective] = at;
  for (const id of record.completed ?? []) recorded(id).completedAt = at;
  const server = record.serverPoints === undefined ? {} : { server: { points: record.serverPoints, seenAt: at } };
  return {
    [STORED.keys.schema]: STORED.schema,
    [STORED.keys.settings]: {
      packs: {},
      notifications: { enabled: false, minutesBeforeEnd: 60, onStart: false },
    },
    // Past the first run: the Commander answered the reset question.
    [STORED.keys.commanders]: oneCommander({ [BUILTIN]: trackId }, UTC_MIDNIGHT_RESET),
    [STORED.keys.progress(BUILTIN)]: { tracks: { [trackId]: { milestones, ...server } } },
  };
}

/**
 * Launches the built extension with every page's clock on the arc's Wednesday (installed before any page
 * opens) and an options page, `control`, to set up the store from.
 */
export async function launchOnWednesday(): Promise<{ ext: LaunchedExtension; control: Page }> {
  const ext = await launchExtension();
  await ext.context.clock.install({ time: WED_NOON });
  const control = await openExtensionPage(ext.context, ext.extensionId, 'options.html');
  return { ext, control };
}

/**
 * Replaces the store with `entries` from `control` (an extension page) and returns once the background has
 * re-read it; so a test starts from what it sets up, whatever the tests before it recorded. The views' first-frame
 * snapshots (localStorage of the extension's origin, lib/storage/view-snapshot-adapter.ts) go too: otherwise a view
 * could first paint what an earlier test left and be replaced by the store's read while this test already acts on it.
 */
export async function startFrom(control: Page, entries: Record<string, unknown>): Promise<void> {
  // Every view keeps its snapshot under `snapshot:<view>` (POPUP_SNAPSHOT, SIDE_PANEL_SNAPSHOT).
  await control.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('snapshot:')).forEach((key) => localStorage.removeItem(key)));
  await replaceStore(control, entries);
  await announceStoreChange(control);
}

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

/** Saves the page as docs/screenshots/<name>-light.png and -dark.png, the colour scheme emulated; returns the paths. */
export async function screenshotBothThemes(page: Page, name: string): Promise<string[]> {
  const dir = resolve(import.meta.dirname, '../../docs/screenshots');
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const path = resolve(dir, `${name}-${colorScheme}.png`);
    // Transitions (the switch's) would otherwise be caught halfway between the two schemes.
    await page.screenshot({ path, animations: 'disabled' });
    written.push(path);
  }
  await page.emulateMedia({ colorScheme: null });
  return written;
}
