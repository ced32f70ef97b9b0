// The popup as a glance in the built extension in Chromium: four live packs whose names are 120-character
// words fit the browser's 600 px popup, and neither the popup nor the side panel scrolls sideways at 200% zoom.
// 200% zoom halves the CSS viewport: the popup window can grow to 800 × 600 device pixels (400 × 300 CSS px),
// the side panel keeps its 420 × 800 device pixels (210 × 400 CSS px).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LaunchedExtension } from './chromium';
import { STORED, BUILTIN_PACK_ID, UTC_MIDNIGHT_RESET, oneCommander } from './extension-store';
import { WED_NOON, openView, startFrom, launchOnWednesday } from './view-pages';

const word = (letter: string) => letter.repeat(120);
const HOUR = 3_600_000;

/** Pack `n` of four: one track, a milestone live from Wed 00:00 UTC ending n hours after noon, then one more. */
function livePack(n: number) {
  const start = Date.UTC(2023, 10, 15);
  const end = WED_NOON.getTime() + n * HOUR;
  const iso = (ms: number) => new Date(ms).toISOString().replace('.000', '');
  return {
    format: 'stfc-milestone-pack',
    version: 1,
    id: `long-${n}`,
    title: word(String.fromCharCode(96 + n)),
    tracks: [
      {
        id: 't',
        name: word(String.fromCharCode(100 + n)),
        milestones: [
          {
            id: 'live',
            name: word(String.fromCharCode(104 + n)),
            points: 100,
            start: iso(start),
            end: iso(end),
            objectives: [
              { id: 'a', text: 'Win 10 battles against hostiles in the event systems' },
              { id: 'b', text: 'Mine ore, gas or crystal' },
            ],
          },
          { id: 'after', name: word(String.fromCharCode(108 + n)), points: 100, start: iso(end), end: iso(end + 24 * HOUR), objectives: [{ id: 'x', text: word('o') }] },
        ],
      },
    ],
  };
}

function fourLivePacks(): Record<string, unknown> {
  const packs = [1, 2, 3, 4].map(livePack);
  return {
    [STORED.keys.schema]: STORED.schema,
    ...Object.fromEntries(packs.map((pack) => [STORED.keys.pack(pack.id), pack])),
    [STORED.keys.packIndex]: Object.fromEntries(packs.map((pack, i) => [pack.id, { title: pack.title, importedAt: i }])),
    [STORED.keys.settings]: {
      packs: { [BUILTIN_PACK_ID]: { hidden: true } },
      notifications: { enabled: false, minutesBeforeEnd: 60, onStart: false },
    },
    // Past the first run: the Commander answered the reset question.
    [STORED.keys.commanders]: oneCommander(Object.fromEntries(packs.map((pack) => [pack.id, 't'])), UTC_MIDNIGHT_RESET),
  };
}

const extent = (page: Page) =>
  page.evaluate(() => {
    const root = document.documentElement;
    return { scrollHeight: root.scrollHeight, scrollWidth: root.scrollWidth, clientWidth: root.clientWidth };
  });

describe('four live packs with 120-character names', () => {
  let ext: LaunchedExtension;
  let control: Page;

  beforeAll(async () => {
    ({ ext, control } = await launchOnWednesday());
    await startFrom(control, fourLivePacks());
  });

  afterAll(async () => {
    await ext?.close();
  });

  it('fit the popup in 600 px, soonest-ending first, without scrolling sideways', async () => {
    const popup = await openView(ext, 'popup');
    await expect(popup.getByRole('region', { name: 'Live now' }).getByRole('article').count()).resolves.toBe(4);
    // A short window, so scrollHeight is the content's own height, not the window's.
    await popup.setViewportSize({ width: 360, height: 100 });
    const { scrollHeight, scrollWidth, clientWidth } = await extent(popup);
    console.log(`popup with four live packs: ${scrollHeight} px tall, ${scrollWidth} px wide in ${clientWidth}`);
    expect(scrollHeight).toBeLessThanOrEqual(600);
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    const first = popup.getByRole('article').first();
    await expect(first.getByRole('heading').innerText()).resolves.toBe(word('i'));
    await popup.close();
  });

  it('do not make the popup scroll sideways at 200% zoom', async () => {
    const popup = await openView(ext, 'popup');
    await popup.setViewportSize({ width: 400, height: 300 });
    const { scrollWidth, clientWidth } = await extent(popup);
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    await popup.close();
  });

  it('do not make the side panel scroll sideways at 200% zoom', async () => {
    const panel = await openView(ext, 'sidepanel');
    await panel.getByRole('article').first().waitFor();
    await panel.setViewportSize({ width: 210, height: 400 });
    const { scrollWidth, clientWidth } = await extent(panel);
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    await panel.close();
  });
});
