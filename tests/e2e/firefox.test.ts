import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BADGE_COLOURS } from '../../lib/badge/rules';
import { evaluateInExtension, inUserGesture, launchFirefoxExtension, writeExtensionStore, type LaunchedFirefoxExtension } from './firefox';
import {
  LIVE,
  MILESTONES,
  OBJECTIVES,
  ariaChecked,
  badge,
  completedSwitch,
  expectBadge,
  liveArcStore,
  rgba,
  storedObjectives,
} from './firefox-arc';

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

  it('installs with the Firefox manifest: gecko id, background scripts, sidebar_action, optional notifications and scripting', async () => {
    const manifest = (await evaluateInExtension(control, () => browser.runtime.getManifest())) as unknown as FirefoxManifest;
    expect(manifest.browser_specific_settings.gecko).toMatchObject({ id: ext.geckoId, strict_min_version: '142.0' });
    // Firefox reports the manifest normalized: full URLs, and null for the keys not given.
    expect(manifest.background).toMatchObject({ scripts: [`${ext.baseUrl}background.js`], service_worker: null });
    expect(manifest.sidebar_action.default_panel).toMatch(/sidepanel\.html$/);
    // scripting: the overlay card on the official pages, asked for when turned on (lib/overlay/overlay-adapter.ts).
    expect(manifest.optional_permissions).toEqual(['notifications', 'scripting']);
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
    await expect.poll(() => storedObjectives(control), { timeout: 5_000 }).toEqual([dock!.id]);
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
