import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BUILTIN_PACK_ID } from '../../lib/builtin-pack';
import { BADGE_COLOURS } from '../../lib/badge';
import { readPack } from '../../lib/pack-reader';
import type { Pack } from '../../lib/pack-types';
import type { ProgressByPack } from '../../lib/store';
import { KEYS, SCHEMA_VERSION } from '../../lib/store';
import { defaultSettings, type Settings } from '../../lib/settings';
import {
  evaluateInExtension,
  inUserGesture,
  launchFirefoxExtension,
  readExtensionStore,
  writeExtensionStore,
  type LaunchedFirefoxExtension,
} from './firefox';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const PACK_ID = 'e2e-live-arc';
const TRACK_ID = 'defenders-of-peace';
const LIVE = { id: 'hidden-motivations', name: 'Hidden Motivations' };
const OBJECTIVES = [
  { id: 'dock', text: 'Dock Ore, Gas or Crystal with your Station' },
  { id: 'mine', text: 'Mine Parsteel, Titanium or Dilithium' },
];
/** Every milestone of the followed track, by the status it has while the tests run. */
const MILESTONES = [
  { id: 'unraveling-anomalies', name: 'Unraveling Anomalies', status: 'Done' },
  { id: 'alien-frequencies', name: 'Alien Frequencies', status: 'Missed' },
  { ...LIVE, status: 'Live' },
  { id: 'hostile-takeover', name: 'Hostile Takeover', status: 'Upcoming' },
] as const;

/** Firefox's sidebar API, which WXT's Chrome-based browser types do not describe. */
interface FirefoxOnly {
  sidebarAction: { isOpen(details: { windowId?: number }): Promise<boolean>; close(): Promise<void> };
}

/** The Firefox-only manifest keys, as runtime.getManifest() reports them. */
interface FirefoxManifest {
  browser_specific_settings: { gecko: { id: string; strict_min_version: string } };
  background: { scripts: string[] | null; service_worker: string | null };
  sidebar_action: { default_panel: string };
  optional_permissions: string[];
}

/** An instant as a pack writes it: whole seconds, UTC offset. */
const packInstant = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * A pack whose third milestone is live now and ends in 3 h 30 min, so the badge shows `3h` in blue for
 * the whole run; the first ended two days ago (completed below), the second yesterday, the fourth is next.
 */
function liveArc(now: number): Pack {
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

function liveArcStore(now: number): Record<string, unknown> {
  const pack = liveArc(now);
  const read = readPack(pack);
  if (!read.ok) throw new Error(`the e2e pack is invalid: ${JSON.stringify(read.problem)}`);
  const settings: Settings = {
    ...defaultSettings(),
    packs: { [PACK_ID]: { followedTrackId: TRACK_ID }, [BUILTIN_PACK_ID]: { hidden: true } },
  };
  const progress: ProgressByPack = {
    [PACK_ID]: { tracks: { [TRACK_ID]: { milestones: { [MILESTONES[0].id]: { completedAt: now - 2 * DAY - HOUR, objectives: {} } } } } },
  };
  return {
    [KEYS.schema]: SCHEMA_VERSION,
    [KEYS.settings]: settings,
    [KEYS.progress]: progress,
    [KEYS.packIndex]: { [PACK_ID]: { title: pack.title, importedAt: now - 3 * DAY } },
    [KEYS.pack(PACK_ID)]: pack,
  };
}

/** `#rrggbb` → the `[r, g, b, 255]` that browser.action.getBadgeBackgroundColor reports. */
function rgba(hex: string): number[] {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).concat(255);
}

async function badge(page: Page): Promise<{ text: string; colour: number[]; title: string }> {
  return evaluateInExtension(page, async () => ({
    text: await browser.action.getBadgeText({}),
    colour: [...(await browser.action.getBadgeBackgroundColor({}))] as number[],
    title: await browser.action.getTitle({}),
  }));
}

/** Polls until the badge matches, so a refresh still under way is waited for. */
async function expectBadge(page: Page, expected: Partial<{ text: string; colour: number[] }>): Promise<void> {
  await expect.poll(() => badge(page), { timeout: 10_000 }).toMatchObject(expected);
}

const ariaChecked = (page: Page, name: string) =>
  page.$eval(`::-p-aria([name="${name}"][role="checkbox"])`, (el) => (el as HTMLInputElement).checked);

/** The switch (or checkbox) whose accessible name contains "completed"; ARIA selectors only match whole names. */
async function completedSwitch(page: Page): Promise<ElementHandle<Element>> {
  for (const role of ['switch', 'checkbox']) {
    for (const handle of await page.$$(`::-p-aria([role="${role}"])`)) {
      const name = await handle.evaluate(
        (el) => el.getAttribute('aria-label') ?? [...((el as HTMLInputElement).labels ?? [])].map((l) => l.textContent).join(' '),
      );
      if (/\bcompleted\b/i.test(name)) return handle;
    }
  }
  throw new Error('no switch or checkbox named "… completed …"');
}

describe('built extension in Firefox ESR', () => {
  let ext: LaunchedFirefoxExtension;
  let control: Page;

  beforeAll(async () => {
    ext = await launchFirefoxExtension();
    // One extension page to read the badge and write the store from, as the other views would.
    control = await ext.open('options.html');
  });

  // Every test starts from the same stored arc, whatever the one before it checked or completed.
  beforeEach(async () => {
    await writeExtensionStore(control, liveArcStore(Date.now()));
  });

  afterAll(async () => {
    await ext?.close();
  });

  it('installs with the Firefox manifest: gecko id, background scripts, sidebar_action, optional notifications', async () => {
    const manifest = (await evaluateInExtension(control, () => browser.runtime.getManifest())) as unknown as FirefoxManifest;
    expect(manifest.browser_specific_settings.gecko).toMatchObject({ id: ext.geckoId, strict_min_version: '142.0' });
    // Firefox reports the manifest normalized: full URLs, and null for the keys not given.
    expect(manifest.background).toMatchObject({ scripts: [`${ext.baseUrl}background.js`], service_worker: null });
    expect(manifest.sidebar_action.default_panel).toMatch(/sidepanel\.html$/);
    expect(manifest.optional_permissions).toEqual(['notifications']);
    expect(await evaluateInExtension(control, () => browser.permissions.contains({ permissions: ['notifications'] }))).toBe(false);
  });

  it('runs the background script, which shows the live milestone on the badge through browser.action', async () => {
    await expectBadge(control, { text: '3h', colour: rgba(BADGE_COLOURS.blue) });
    expect((await badge(control)).title).toContain(`${LIVE.name} · Defenders of Peace`);
  });

  it('shows the live milestone with its countdown in the popup', async () => {
    const popup = await ext.open('popup.html');
    const heading = await popup.waitForSelector(`::-p-aria([name="${LIVE.name}"][role="heading"])`);
    expect(heading).not.toBeNull();
    await popup.waitForFunction(() => /ends in 3 h \d+ min/.test(document.body.innerText));
    for (const objective of OBJECTIVES) expect(await ariaChecked(popup, objective.text)).toBe(false);
    await popup.close();
  });

  it('keeps a checked objective after the popup is reopened', async () => {
    const [dock, mine] = OBJECTIVES;
    let popup = await ext.open('popup.html');
    await popup.locator(`::-p-aria([name="${dock!.text}"][role="checkbox"])`).click();
    const checkedInStore = async () => {
      const progress = (await readExtensionStore(control, KEYS.progress)) as ProgressByPack | undefined;
      return Object.keys(progress?.[PACK_ID]?.tracks[TRACK_ID]?.milestones[LIVE.id]?.objectives ?? {});
    };
    await expect.poll(checkedInStore, { timeout: 5_000 }).toEqual([dock!.id]);
    await popup.close();

    popup = await ext.open('popup.html');
    await popup.waitForSelector(`::-p-aria([name="${LIVE.name}"][role="heading"])`);
    expect(await ariaChecked(popup, dock!.text)).toBe(true);
    expect(await ariaChecked(popup, mine!.text)).toBe(false);
    await popup.close();
  });

  it('turns the badge green when the live milestone is marked completed in the popup', async () => {
    const popup = await ext.open('popup.html');
    await popup.waitForSelector(`::-p-aria([name="${LIVE.name}"][role="heading"])`);
    await completedSwitch(popup).then((handle) => handle.click());
    await expectBadge(control, { text: '3h', colour: rgba(BADGE_COLOURS.green) });
    await popup.close();
  });

  it("opens the sidebar from the popup's button (sidebarAction.open)", async () => {
    // Firefox opens an extension's sidebar once when it is installed; start from a closed one.
    await inUserGesture(control, () => (browser as unknown as FirefoxOnly).sidebarAction.close());
    expect(await evaluateInExtension(control, () => (browser as unknown as FirefoxOnly).sidebarAction.isOpen({}))).toBe(false);
    const popup = await ext.open('popup.html');
    await popup.waitForSelector(`::-p-aria([name="${LIVE.name}"][role="heading"])`);
    let opener: ElementHandle<Element> | undefined;
    for (const handle of await popup.$$('::-p-aria([role="button"])')) {
      if (/side ?(panel|bar)/i.test(await handle.evaluate((el) => el.textContent ?? ''))) opener = handle;
    }
    expect(opener, 'a button naming the side panel').toBeDefined();
    // A trusted click: Firefox opens a sidebar only inside a user gesture.
    await opener!.click();
    await expect.poll(() => evaluateInExtension(control, () => (browser as unknown as FirefoxOnly).sidebarAction.isOpen({})), { timeout: 5_000 }).toBe(true);
    if (!popup.isClosed()) await popup.close();
  });

  it('lists every milestone with its status in the sidebar page', async () => {
    const sidebar = await ext.open('sidepanel.html');
    await sidebar.waitForFunction((name) => document.body.innerText.includes(name), {}, MILESTONES.at(-1)!.name);
    const statuses = await sidebar.evaluate(
      (milestones: ReadonlyArray<{ name: string }>, words: string[]) => {
        // For each milestone, the smallest element holding its name and a status word, and no other milestone.
        return milestones.map(({ name }) => {
          const all = [...document.querySelectorAll<HTMLElement>('body *')].filter(
            (el) =>
              el.innerText.includes(name) &&
              milestones.every((other) => other.name === name || !el.innerText.includes(other.name)),
          );
          // innerText, so that block boundaries separate words; case-blind, as CSS may upper-case a chip.
          const says = (el: HTMLElement, word: string) => new RegExp(`\\b${word}\\b`, 'i').test(el.innerText);
          const holder = all.reverse().find((el) => words.some((w) => says(el, w)));
          return holder ? words.filter((w) => says(holder, w)) : [];
        });
      },
      MILESTONES,
      ['Upcoming', 'Live', 'Done', 'Missed'],
    );
    expect(statuses).toEqual(MILESTONES.map((m) => [m.status]));
    await sidebar.close();
  });
});
