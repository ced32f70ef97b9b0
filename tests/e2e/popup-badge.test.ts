// The popup and the toolbar badge agree: with an imported pack that is live now (real time, no page
// clock), the popup's countdown and the badge show the same time left.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countdownText } from '../../lib/badge/rules';
import { launchExtension, openExtensionPage, type LaunchedExtension } from './chromium';
import { announceStoreChange, onePackStore, waitForBadge, writeStore } from './extension-store';
import { openView } from './view-pages';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const iso = (instant: number) => new Date(instant).toISOString();

// Ends 3 h 30 min after the test starts: far from any boundary of the badge's `3h` or the popup's minutes.
const END = Date.now() + 3 * HOUR + 30 * MINUTE;

const pack = {
  format: 'stfc-milestone-pack',
  version: 1,
  id: 'e2e-popup-live',
  title: 'Live arc for the popup',
  tracks: [
    {
      id: 'heroes',
      name: 'Defenders of Peace',
      role: 'Hero',
      milestones: [
        {
          id: 'live-now',
          name: 'Hold the Line',
          points: 100,
          start: iso(END - DAY),
          end: iso(END),
          objectives: [{ id: 'hostiles', text: 'Defeat 10 hostiles' }],
        },
      ],
    },
  ],
};

/** "ends in 3 h 29 min" → the milliseconds it says at least remain. */
function shownRemaining(text: string): number {
  const match = /^ends in (?:(\d+) d ?)?(?:(\d+) h ?)?(?:(\d+) min)?(?:(\d+) s)?$/.exec(text);
  if (!match) throw new Error(`not a countdown: ${text}`);
  const [, d = '0', h = '0', min = '0', s = '0'] = match;
  return Number(d) * DAY + Number(h) * HOUR + Number(min) * MINUTE + Number(s) * SECOND;
}

describe('the popup and the badge with a pack that is live now', () => {
  let ext: LaunchedExtension;
  let control: Page;

  beforeAll(async () => {
    ext = await launchExtension();
    control = await openExtensionPage(ext.context, ext.extensionId, 'options.html');
    await writeStore(control, onePackStore(pack, { followedTrackId: 'heroes' }));
    await announceStoreChange(control);
  });

  afterAll(async () => {
    await ext?.close();
  });

  it('shows the same countdown in the popup as on the badge', async () => {
    const badge = await waitForBadge(ext.serviceWorker, (b) => b.text !== '');
    const popup = await openView(ext, 'popup');
    const card = popup.getByRole('article', { name: 'Hold the Line' });
    const text = await card.getByRole('timer').innerText();
    const remaining = shownRemaining(text);

    expect(badge.text).toBe('3h');
    expect(countdownText(remaining)).toBe(badge.text);
    expect(badge.title).toContain('Hold the Line · Defenders of Peace');
    // The popup counts to the same end: what it shows is the real time left, rounded down to the minute.
    const left = END - Date.now();
    expect(remaining).toBeLessThanOrEqual(left);
    expect(remaining).toBeGreaterThan(left - 2 * MINUTE);
    await popup.close();
  });

  it('marks popup-ready and sidepanel-ready once they show stored data', async () => {
    for (const [view, mark, name] of [
      ['popup', 'popup-ready', 'Hold the Line'],
      ['sidepanel', 'sidepanel-ready', 'Hold the Line'],
    ] as const) {
      const page = await openView(ext, view);
      await page.getByRole('heading', { name }).first().waitFor();
      expect(await page.evaluate((m) => performance.getEntriesByName(m).length, mark)).toBe(1);
      await page.close();
    }
  });
});
