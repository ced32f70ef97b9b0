// The stored arc the Firefox tests start from, and what they read back from the badge and the views.
import type { ElementHandle, Page } from 'puppeteer-core';
import { expect } from 'vitest';
import { BUILTIN_PACK_ID } from '../../lib/packs/builtin';
import { readPack } from '../../lib/packs/reader';
import type { Pack } from '../../lib/packs/types';
import { defaultSettings, type Settings } from '../../lib/commander/settings';
import { KEYS, SCHEMA_VERSION } from '../../lib/storage/stored-data';
import type { PackProgress } from '../../lib/commander/progress';
import { evaluateInExtension, readExtensionStore } from './firefox';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export const PACK_ID = 'e2e-live-arc';
export const TRACK_ID = 'defenders-of-peace';
export const LIVE = { id: 'hidden-motivations', name: 'Hidden Motivations' };
export const OBJECTIVES = [
  { id: 'dock', text: 'Dock Ore, Gas or Crystal with your Station' },
  { id: 'mine', text: 'Mine Parsteel, Titanium or Dilithium' },
];
/** Every milestone of the followed track, by the status it has while the tests run. */
export const MILESTONES = [
  { id: 'unraveling-anomalies', name: 'Unraveling Anomalies', status: 'Done' },
  { id: 'alien-frequencies', name: 'Alien Frequencies', status: 'Missed' },
  { ...LIVE, status: 'Live' },
  { id: 'hostile-takeover', name: 'Hostile Takeover', status: 'Upcoming' },
] as const;

/** An instant as a pack writes it: whole seconds, UTC offset. */
const packInstant = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * A pack whose third milestone is live now and ends in 3 h 30 min, so the badge shows `3h` in blue for
 * the whole run; the first ended two days ago (completed below), the second yesterday, the fourth is next.
 */
export function liveArc(now: number): Pack {
  const liveEnd = now + 3 * HOUR + 30 * MINUTE;
  const day = (offset: number) => liveEnd + offset * DAY;
  return {
    format: 'stfc-milestone-pack',
    version: 1,
    id: PACK_ID,
    title: 'E2E live arc',
    tracks: [
      {
        id: TRACK_ID,
        name: 'Defenders of Peace',
        role: 'Hero',
        milestones: MILESTONES.map((m, i) => ({
          id: m.id,
          name: m.name,
          points: 100,
          start: packInstant(day(i - 3)),
          end: packInstant(day(i - 2)),
          objectives: m.id === LIVE.id ? OBJECTIVES : [{ id: 'hostiles', text: 'Defeat hostiles' }],
        })),
      },
    ],
  };
}

/** The raw entries of a store holding the live arc, followed, with the built-in pack hidden. */
export function liveArcStore(now: number): Record<string, unknown> {
  const pack = liveArc(now);
  const read = readPack(pack);
  if (!read.ok) throw new Error(`the e2e pack is invalid: ${JSON.stringify(read.problem)}`);
  const settings: Settings = {
    ...defaultSettings(),
    packs: { [BUILTIN_PACK_ID]: { hidden: true } },
  };
  const commanders = { activeId: 'c1', list: [{ id: 'c1', name: 'Commander 1', tracks: { [PACK_ID]: TRACK_ID } }] };
  const progress: PackProgress = { tracks: { [TRACK_ID]: { milestones: { [MILESTONES[0].id]: { completedAt: now - 2 * DAY - HOUR, objectives: {} } } } } };
  return {
    [KEYS.schema]: SCHEMA_VERSION,
    [KEYS.settings]: settings,
    [KEYS.commanders]: commanders,
    [KEYS.progress('c1', PACK_ID)]: progress,
    [KEYS.packIndex]: { [PACK_ID]: { title: pack.title, importedAt: now - 3 * DAY } },
    [KEYS.pack(PACK_ID)]: pack,
  };
}

/** The ids of the live milestone's checked objectives in the store, read from a page that can open it. */
export async function storedObjectives(page: Page): Promise<string[]> {
  const progress = (await readExtensionStore(page, KEYS.progress('c1', PACK_ID))) as PackProgress | undefined;
  return Object.keys(progress?.tracks[TRACK_ID]?.milestones[LIVE.id]?.objectives ?? {});
}

/** `#rrggbb` → the `[r, g, b, 255]` that browser.action.getBadgeBackgroundColor reports. */
export function rgba(hex: string): number[] {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).concat(255);
}

export async function badge(page: Page): Promise<{ text: string; colour: number[]; title: string }> {
  return evaluateInExtension(page, async () => ({
    text: await browser.action.getBadgeText({}),
    colour: [...(await browser.action.getBadgeBackgroundColor({}))] as number[],
    title: await browser.action.getTitle({}),
  }));
}

/** Polls until the badge matches, so a refresh still under way is waited for. */
export async function expectBadge(page: Page, expected: Partial<{ text: string; colour: number[] }>): Promise<void> {
  await expect.poll(() => badge(page), { timeout: 10_000 }).toMatchObject(expected);
}

export const ariaChecked = (page: Page, name: string) =>
  page.$eval(`::-p-aria([name="${name}"][role="checkbox"])`, (el) => (el as HTMLInputElement).checked);

/** The switch (or checkbox) under `root` whose accessible name contains "completed"; ARIA selectors only match whole names. */
export async function completedSwitch(root: Page | ElementHandle<Element>): Promise<ElementHandle<Element>> {
  for (const role of ['switch', 'checkbox']) {
    for (const handle of await root.$$(`::-p-aria([role="${role}"])`)) {
      const name = await handle.evaluate(
        (el) => el.getAttribute('aria-label') ?? [...((el as HTMLInputElement).labels ?? [])].map((l) => l.textContent).join(' '),
      );
      if (/\bcompleted\b/i.test(name)) return handle;
    }
  }
  throw new Error('no switch or checkbox named "… completed …"');
}
