// Two Commanders in real Chromium: the second one is added on the options page; completing the live
// milestone for one leaves the badge not green, its tooltip naming the other; completing it for the
// other too turns it green. The milestone is live in real time (the badge's worker has no page clock).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, openExtensionPage, type LaunchedExtension } from './chromium';
import { announceStoreChange, badgeRgba, onePackStore, readStore, sameColour, STORED, waitForBadge, writeStore } from './extension-store';
import { openView } from './view-pages';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const iso = (instant: number) => new Date(instant).toISOString();

// Ends 2 h 58–59 min after the test starts: amber (`2h`) for the whole test while not completed by both.
const minuteNow = Math.floor(Date.now() / MINUTE) * MINUTE;
const END = minuteNow + 3 * HOUR - MINUTE;

const PACK_ID = 'e2e-commanders-arc';
const pack = {
  format: 'stfc-milestone-pack',
  version: 1,
  id: PACK_ID,
  title: 'Commanders test arc',
  tracks: [
    {
      id: 'heroes',
      name: 'Heroes',
      milestones: [{ id: 'live-now', name: 'Hold the Line', points: 100, start: iso(minuteNow - HOUR), end: iso(END), objectives: [{ id: 'a', text: 'Defeat 10 hostiles' }] }],
    },
  ],
};

describe('two Commanders in Chromium', () => {
  let ext: LaunchedExtension;
  let options: Page;

  beforeAll(async () => {
    ext = await launchExtension();
    options = await openExtensionPage(ext.context, ext.extensionId, 'options.html');
    await writeStore(options, onePackStore(pack, { followedTrackId: 'heroes' }));
    await announceStoreChange(options);
    await options.reload();
  });

  afterAll(async () => {
    await ext?.close();
  });

  it('keeps the badge from green until every Commander has completed the live milestone', async () => {
    const commanders = options.getByRole('region', { name: 'Commanders' });
    const add = commanders.getByRole('form', { name: 'Add a Commander' });
    await add.getByRole('textbox', { name: 'Name' }).fill('Spock');
    await add.getByRole('textbox', { name: 'Server (optional)' }).fill('S42');
    await add.getByRole('button', { name: 'Add Commander' }).click();
    await commanders.getByText('Spock (S42)').waitFor();

    const popup = await openView(ext, 'popup');
    const choice = popup.getByRole('combobox', { name: 'Commander' });
    await expect.poll(() => choice.inputValue()).toBe('c1');
    await popup.getByRole('switch', { name: /completed/i }).click();
    await expect.poll(async () => (await readStore(popup, [STORED.keys.progress(PACK_ID)]))[STORED.keys.progress(PACK_ID)]).toBeTruthy();

    const oneDone = await waitForBadge(ext.serviceWorker, (badge) => badge.title.includes('Commander 1: completed'));
    expect(oneDone.text).toBe('2h');
    expect(sameColour(oneDone.colour, badgeRgba('amber'))).toBe(true);
    expect(oneDone.title).toContain('Spock: not completed');

    await choice.selectOption('c2');
    const spockSwitch = popup.getByRole('switch', { name: /completed/i });
    await expect.poll(() => spockSwitch.isChecked()).toBe(false);
    await spockSwitch.click();

    const bothDone = await waitForBadge(ext.serviceWorker, (badge) => sameColour(badge.colour, badgeRgba('green')));
    expect(bothDone.text).toBe('2h');
    expect(bothDone.title).toContain('Commander 1: completed');
    expect(bothDone.title).toContain('Spock: completed');
  });
});
