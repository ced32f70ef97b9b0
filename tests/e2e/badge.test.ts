// The toolbar badge in real Chromium: a live milestone counts down in amber, turns green when it is
// marked completed, and the progress and the green badge survive a browser restart.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { launchExtension, openExtensionPage, type LaunchedExtension } from './chromium';
import {
  STORED,
  announceStoreChange,
  badgeRgba,
  onePackStore,
  readBadge,
  readStore,
  sameColour,
  waitForBadge,
  writeStore,
  type ShownBadge,
} from './extension-store';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const iso = (instant: number) => new Date(instant).toISOString().replace('.000Z', 'Z');

// Times are whole minutes: the milestone started an hour ago and ends 2 h 58–59 min from now, so for the
// whole test the badge must read `2h` (hours rounded down) in amber (incomplete, at most 3 h left).
const minuteNow = Math.floor(Date.now() / MINUTE) * MINUTE;
const START = minuteNow - HOUR;
const END = minuteNow + 3 * HOUR - MINUTE;

const PACK_ID = 'e2e-badge-arc';
const TRACK_ID = 'heroes';
const MILESTONE_ID = 'live-now';
const MILESTONE_NAME = 'Hold the Line';

const pack = {
  format: 'stfc-milestone-pack',
  version: 1,
  id: PACK_ID,
  title: 'Badge test arc',
  tracks: [
    {
      id: TRACK_ID,
      name: 'Heroes',
      milestones: [
        {
          id: MILESTONE_ID,
          name: MILESTONE_NAME,
          points: 100,
          start: iso(START),
          end: iso(END),
          objectives: [{ id: 'a', text: 'Defeat 10 hostiles' }],
        },
      ],
    },
  ],
};

const AMBER = badgeRgba('amber');
const GREEN = badgeRgba('green');

const counting = (badge: ShownBadge) => badge.text === '2h' || badge.text === '3h';

/** The store entry of the milestone marked completed at `completedAt`. */
const completedProgress = (completedAt: number) => ({
  [STORED.keys.progress]: {
    [PACK_ID]: { tracks: { [TRACK_ID]: { milestones: { [MILESTONE_ID]: { completedAt, objectives: {} } } } } },
  },
});

// Each test runs in a browser of its own, on a new profile: the first install is a real one, and what one
// test stores cannot reach another.
describe('toolbar badge in Chromium', () => {
  let userDataDir: string;
  let ext: LaunchedExtension | undefined;
  let page: Page;

  beforeEach(async () => {
    // Our own profile folder, so that it outlives the first browser and a second one can reopen it.
    userDataDir = await mkdtemp(join(tmpdir(), 'stfc-e2e-badge-'));
    ext = await launchExtension({ userDataDir });
    page = await openExtensionPage(ext.context, ext.extensionId, 'options.html');
  });

  afterEach(async () => {
    await ext?.close();
    ext = undefined;
    if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
  });

  /** Stores the live pack, followed, and waits for its amber countdown. */
  async function followLiveMilestone(): Promise<ShownBadge> {
    await writeStore(page, onePackStore(pack, { followedTrackId: TRACK_ID }));
    await announceStoreChange(page);
    return waitForBadge(ext!.serviceWorker, (b) => counting(b) && sameColour(b.colour, AMBER));
  }

  it('counts down a live milestone in amber once the store holds it', async () => {
    // A first install follows no track, so there is nothing to count down yet.
    expect((await readBadge(ext!.serviceWorker)).text).toBe('');

    const badge = await followLiveMilestone();
    expect(['2h', '3h']).toContain(badge.text);
    expect(badge.colour).toEqual(AMBER);
    expect(badge.title).toContain(MILESTONE_NAME);
    expect(badge.title).not.toContain('(completed)');
  });

  it('turns green when the milestone is marked completed', async () => {
    await followLiveMilestone();
    await writeStore(page, completedProgress(Date.now()));
    await announceStoreChange(page, { what: 'progress', packId: PACK_ID });

    const badge = await waitForBadge(ext!.serviceWorker, (b) => counting(b) && sameColour(b.colour, GREEN));
    expect(badge.colour).toEqual(GREEN);
    expect(badge.title).toContain(`${MILESTONE_NAME} (completed)`);
  });

  it('keeps the progress and shows green again after the browser restarts', async () => {
    const completedAt = Date.now();
    await followLiveMilestone();
    await writeStore(page, completedProgress(completedAt));
    await announceStoreChange(page, { what: 'progress', packId: PACK_ID });
    await waitForBadge(ext!.serviceWorker, (b) => counting(b) && sameColour(b.colour, GREEN));

    await ext!.close();
    ext = undefined;
    ext = await launchExtension({ userDataDir });

    // The worker recomputes on start from stored data; no view has to be opened or message sent.
    const badge = await waitForBadge(ext.serviceWorker, (b) => counting(b) && sameColour(b.colour, GREEN));
    expect(badge.colour).toEqual(GREEN);

    page = await openExtensionPage(ext.context, ext.extensionId, 'options.html');
    const stored = await readStore(page, [STORED.keys.progress, STORED.keys.pack(PACK_ID)]);
    expect(stored[STORED.keys.progress]).toEqual({
      [PACK_ID]: { tracks: { [TRACK_ID]: { milestones: { [MILESTONE_ID]: { completedAt, objectives: {} } } } } },
    });
    expect(stored[STORED.keys.pack(PACK_ID)]).toEqual(pack);
  });
});
