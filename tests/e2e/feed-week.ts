// What the feed tests of both browsers serve and store: a one-milestone week pack behind a catalogue on a
// real HTTP server (tests/helpers/feed-server.ts), the stored state of a Commander subscribed to it, and
// the failed checks every browser must survive with the pack kept. Written in the stored format, as
// extension-store.ts explains.
import type { FeedServer, Route } from '../helpers/feed-server';
import { BUILTIN_PACK_ID, oneCommander, STORED } from './extension-store';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
const iso = (instant: number) => new Date(instant).toISOString().replace('.000Z', 'Z');
const minuteNow = Math.floor(Date.now() / MINUTE) * MINUTE;

export const FEED_PACK_ID = 'e2e-feed-week';
export const FEED_PACK_TITLE = 'Feed test week';
export const FEED_TRACK_ID = 'resistance';
export const FEED_OBJECTIVE = { id: 'scan', text: 'Scan 5 anomalies' };
export const FEED_MILESTONE_ID = 'signal';
export const CATALOG_PATH = '/packs/catalog.json';
export const PACK_PATH = '/packs/week.json';

/** The week pack with its one milestone named `name`: live for the next 5 h 30 min, so the badge shows `5h`. */
export const weekPack = (name: string) => ({
  format: 'stfc-milestone-pack',
  version: 1,
  id: FEED_PACK_ID,
  title: FEED_PACK_TITLE,
  tracks: [
    {
      id: FEED_TRACK_ID,
      name: 'Resistance',
      role: 'Hero',
      milestones: [
        {
          id: FEED_MILESTONE_ID,
          name,
          points: 100,
          start: iso(minuteNow - HOUR),
          end: iso(minuteNow + 5 * HOUR + 30 * MINUTE),
          objectives: [FEED_OBJECTIVE],
        },
      ],
    },
  ],
});

/** The catalogue at CATALOG_PATH, listing the week pack at PACK_PATH (relative), and the pack as `name` with `etag`. */
export function serveWeek(server: FeedServer, name: string, etag: string): void {
  server.set(CATALOG_PATH, {
    body: JSON.stringify({ format: 'stfc-milestone-catalog', version: 1, title: 'E2E alliance', packs: [{ id: FEED_PACK_ID, title: FEED_PACK_TITLE, url: 'week.json' }] }),
    etag: '"c1"',
  });
  server.set(PACK_PATH, { body: JSON.stringify(weekPack(name)), etag });
}

/**
 * The store of a Commander who installed the week pack named `name` from the catalogue (its answer had
 * `etag`), follows its track and has checked its objective; the feed last checked `checkedAgo` ms ago.
 */
export function subscribedStore(server: FeedServer, name: string, etag: string, { checkedAgo = 0 } = {}): Record<string, unknown> {
  const now = Date.now();
  const url = server.url(PACK_PATH);
  return {
    [STORED.keys.schema]: STORED.schema,
    [STORED.keys.pack(FEED_PACK_ID)]: weekPack(name),
    [STORED.keys.packIndex]: { [FEED_PACK_ID]: { title: FEED_PACK_TITLE, importedAt: now - DAY } },
    [STORED.keys.settings]: {
      packs: { [BUILTIN_PACK_ID]: { hidden: true } },
      notifications: { enabled: false, minutesBeforeEnd: 60, onStart: false },
    },
    [STORED.keys.commanders]: oneCommander({ [FEED_PACK_ID]: FEED_TRACK_ID }),
    [STORED.keys.progress(FEED_PACK_ID)]: {
      tracks: { [FEED_TRACK_ID]: { milestones: { [FEED_MILESTONE_ID]: { objectives: { [FEED_OBJECTIVE.id]: now - HOUR } } } } },
    },
    feeds: {
      [url]: {
        kind: 'pack',
        url,
        title: FEED_PACK_TITLE,
        packId: FEED_PACK_ID,
        catalogUrl: server.url(CATALOG_PATH),
        addedAt: now - DAY,
        lastCheckedAt: now - checkedAgo,
        lastChangedAt: now - DAY,
        etag,
      },
    },
  };
}

/**
 * Checks that must keep the stored pack (subscribed as `First Light` with ETag "v1") and what the feed then
 * says, or undefined where it must say nothing went wrong.
 */
export const FAILED_CHECKS: Array<[string, Route, RegExp | undefined]> = [
  ['a 304 answer', { body: JSON.stringify(weekPack('First Light')), etag: '"v1"' }, undefined],
  ['a server error', { status: 500, body: 'down' }, /answered 500/],
  ['a broken pack', { body: JSON.stringify({ ...weekPack('Broken'), tracks: [] }), etag: '"b"' }, /not a valid pack \(tracks/],
  ['a 2 MiB body', { body: 'x'.repeat(2 * 1024 * 1024), chunked: true }, /larger than 1 MiB/],
  ['an answer slower than the timeout', { body: JSON.stringify(weekPack('Too Late')), etag: '"slow"', delayMs: 20_000 }, /did not answer within 15 s/],
];
