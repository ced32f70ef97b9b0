import { describe, expect, it } from 'vitest';
import { CHECK_EVERY_MS, dueFeeds, isDue, MIN_DELAY_MS, nextCheckAt, SPREAD_MS } from '../../../lib/feeds/check-schedule';
import type { FeedRecords, PackFeed } from '../../../lib/feeds/feed-record';

const NOW = Date.UTC(2024, 1, 6, 12);
const feed = (url: string, lastCheckedAt: number | undefined, addedAt = 0): PackFeed => ({
  kind: 'pack',
  url,
  title: url,
  packId: 'a',
  addedAt,
  ...(lastCheckedAt === undefined ? {} : { lastCheckedAt }),
});
const feeds = (...list: PackFeed[]): FeedRecords => Object.fromEntries(list.map((each) => [each.url, each]));

describe('the daily check', () => {
  it('checks a day after the last check, plus this copy’s random offset within the spread', () => {
    const last = NOW - 3 * 3_600_000;
    expect(nextCheckAt(feeds(feed('https://a/1', last)), NOW, 0)).toBe(last + CHECK_EVERY_MS);
    expect(nextCheckAt(feeds(feed('https://a/1', last)), NOW, 0.5)).toBe(last + CHECK_EVERY_MS + SPREAD_MS / 2);
    expect(nextCheckAt(feeds(feed('https://a/1', last)), NOW, 0.999_999_999)).toBeLessThan(last + CHECK_EVERY_MS + SPREAD_MS);
    // Out-of-range random values stay within the spread.
    expect(nextCheckAt(feeds(feed('https://a/1', last)), NOW, 1)).toBeLessThan(last + CHECK_EVERY_MS + SPREAD_MS);
    expect(nextCheckAt(feeds(feed('https://a/1', last)), NOW, -1)).toBe(last + CHECK_EVERY_MS);
  });

  it('spreads copies of the extension over the hour: a thousand random values give many different minutes', () => {
    const minutes = new Set<number>();
    for (let i = 0; i < 1000; i++) minutes.add(Math.floor(nextCheckAt(feeds(feed('https://a/1', NOW)), NOW, i / 1000)! / 60_000));
    expect(minutes.size).toBe(60);
  });

  it('follows the feed checked longest ago, never sooner than a minute from now, and nothing without feeds', () => {
    expect(nextCheckAt(feeds(feed('https://a/1', NOW - 1000), feed('https://a/2', NOW - 5000)), NOW, 0)).toBe(NOW - 5000 + CHECK_EVERY_MS);
    expect(nextCheckAt(feeds(feed('https://a/1', NOW - 3 * CHECK_EVERY_MS)), NOW, 0)).toBe(NOW + MIN_DELAY_MS);
    expect(nextCheckAt(feeds(feed('https://a/1', undefined)), NOW, 0)).toBe(NOW + MIN_DELAY_MS);
    expect(nextCheckAt({}, NOW, 0.3)).toBeUndefined();
  });

  it('counts a feed due from 23 hours after its last check, and one never checked at once', () => {
    const boundary = NOW - (CHECK_EVERY_MS - SPREAD_MS);
    expect(isDue(boundary, NOW)).toBe(true);
    expect(isDue(boundary + 1, NOW)).toBe(false);
    expect(isDue(undefined, NOW)).toBe(true);
    expect(dueFeeds(feeds(feed('https://a/late', boundary, 2), feed('https://a/fresh', NOW), feed('https://a/new', undefined, 1)), NOW)).toEqual([
      'https://a/new',
      'https://a/late',
    ]);
  });
});
