// When the background checks its feeds: about once a day per feed, each copy of the extension at its own
// random minute within SPREAD_MS, so a catalogue's host never gets every subscriber's request at once.
import type { FeedRecords } from './feed-record';

export const CHECK_EVERY_MS = 24 * 60 * 60_000;
/** The random delay added to each daily check. */
export const SPREAD_MS = 60 * 60_000;
/** A feed this close to its day is checked with the others rather than waking again for it alone. */
const DUE_EARLY_MS = SPREAD_MS;
/** The soonest a scheduled check runs, so a start-up never fetches at the same instant as the browser opens. */
export const MIN_DELAY_MS = 60_000;

/** Whether a feed is due at `now`: never checked, or checked about a day ago. */
export function isDue(lastCheckedAt: number | undefined, now: number): boolean {
  return lastCheckedAt === undefined || now - lastCheckedAt >= CHECK_EVERY_MS - DUE_EARLY_MS;
}

/** The urls of the feeds due at `now`, in subscription order. */
export function dueFeeds(feeds: FeedRecords, now: number): string[] {
  return Object.values(feeds)
    .sort((a, b) => a.addedAt - b.addedAt)
    .filter((feed) => isDue(feed.lastCheckedAt, now))
    .map((feed) => feed.url);
}

/**
 * When to check next: a day after the feed checked longest ago, plus `random` (0 ≤ random < 1) of
 * SPREAD_MS; undefined with no feeds. Never sooner than MIN_DELAY_MS from now.
 */
export function nextCheckAt(feeds: FeedRecords, now: number, random: number): number | undefined {
  const last = Object.values(feeds).map((feed) => feed.lastCheckedAt ?? now - CHECK_EVERY_MS);
  if (last.length === 0) return undefined;
  const spread = Math.floor(Math.min(Math.max(random, 0), 1 - Number.EPSILON) * SPREAD_MS);
  return Math.max(now + MIN_DELAY_MS, Math.min(...last) + CHECK_EVERY_MS + spread);
}
