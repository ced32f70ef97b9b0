// What the extension remembers of each feed, stored under one key (`feeds`, lib/storage/stored-data.ts)
// and carried in backups. The valibot schema, of the readers' shared pieces, checks a restored backup's feeds.
import * as v from 'valibot';
import { boolean, fields, integerIn, list, NOT_AN_OBJECT, pathTo, slug, string, text } from '../validation/pieces';
import { CatalogEntrySchema, MAX_CATALOG_PACKS, type CatalogEntry } from './catalog-reader';
import { checkFeedUrl, hostPatternOf, MAX_URL_LENGTH } from './feed-url';

interface FeedRecordBase {
  /** The subscribed address, also the record's key. */
  url: string;
  title: string;
  addedAt: number;
  lastCheckedAt?: number;
  /** When a check last brought a changed document (and stored it). */
  lastChangedAt?: number;
  /** The last check's problem in words; absent when it went well. */
  problem?: string;
  etag?: string;
  lastModified?: string;
}

/** One pack at an address: a changed document replaces the installed pack with that id. */
export interface PackFeed extends FeedRecordBase {
  kind: 'pack';
  packId: string;
  /** The catalogue it was installed from, if any. */
  catalogUrl?: string;
}

/** A catalogue: the packs it listed at the last check, and whether new ones install themselves. */
export interface CatalogFeed extends FeedRecordBase {
  kind: 'catalog';
  autoInstall: boolean;
  entries: CatalogEntry[];
}

export type FeedRecord = PackFeed | CatalogFeed;
export type FeedRecords = Record<string, FeedRecord>;

export const MAX_FEEDS = 200;

const instant = integerIn(0, 8.64e15);
const address = v.pipe(string, v.maxLength(MAX_URL_LENGTH, `longer than ${MAX_URL_LENGTH} characters`), v.check((url) => checkFeedUrl(url).ok, 'not an https feed address'));
const header = v.pipe(string, v.maxLength(200, 'longer than 200 characters'));

const base = {
  url: address,
  title: text(120),
  addedAt: instant,
  lastCheckedAt: v.optional(instant),
  lastChangedAt: v.optional(instant),
  problem: v.optional(text(500)),
  etag: v.optional(header),
  lastModified: v.optional(header),
};

const feedRecord = v.variant(
  'kind',
  [
    fields({ kind: v.literal('pack'), ...base, packId: slug, catalogUrl: v.optional(address) }),
    fields({ kind: v.literal('catalog'), ...base, autoInstall: boolean, entries: list(CatalogEntrySchema, 0, MAX_CATALOG_PACKS) }),
  ],
  'not a pack feed or a catalogue feed',
);

/** Stored or restored feed records: each under its own address, as the store keeps them. */
export const feedRecordsSchema = v.pipe(
  v.record(string, feedRecord, NOT_AN_OBJECT),
  v.check((feeds) => Object.keys(feeds).length <= MAX_FEEDS, `more than ${MAX_FEEDS} feeds`),
  v.rawCheck<FeedRecords>(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    for (const [key, feed] of Object.entries(dataset.value)) {
      if (feed.url !== key) return addIssue({ message: 'does not match its key', path: pathTo(dataset.value, [key, 'url']) });
    }
  }),
);

/** The feeds that keep a host permission in use: every feed whose address has `hostPattern`. */
export function feedsOnHost(feeds: FeedRecords, hostPattern: string): FeedRecord[] {
  return Object.values(feeds).filter((feed) => hostPatternOf(feed.url) === hostPattern);
}
