// What the extension remembers of each feed, stored under one key (`feeds`, lib/storage/stored-data.ts)
// and carried in backups. The valibot schema checks a restored backup's feeds as strictly as a pack.
import * as v from 'valibot';
import { joinPath, refused, type ReadResult } from '../validation/problem';
import { CatalogEntrySchema, MAX_CATALOG_PACKS, type CatalogEntry } from './catalog-reader';
import { checkFeedUrl, hostPatternOf, MAX_URL_LENGTH } from './feed-url';
import { problemOfIssue } from './issue-path';

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

const INSTANT = v.pipe(v.number('not a number'), v.safeInteger('not an integer'), v.minValue(0, 'negative'), v.maxValue(8.64e15, 'too large'));
const TEXT = (max: number) => v.pipe(v.string('not text'), v.maxLength(max, `longer than ${max} characters`));
const ADDRESS = v.pipe(TEXT(MAX_URL_LENGTH), v.check((url) => checkFeedUrl(url).ok, 'not an https feed address'));
const strictObject = <const T extends v.ObjectEntries>(entries: T) =>
  v.strictObject(entries, (issue) =>
    issue.expected === 'never' ? 'unknown field' : issue.path?.length && issue.received === 'undefined' ? 'missing' : 'not an object',
  );

const BASE = {
  url: ADDRESS,
  title: TEXT(120),
  addedAt: INSTANT,
  lastCheckedAt: v.optional(INSTANT),
  lastChangedAt: v.optional(INSTANT),
  problem: v.optional(TEXT(500)),
  etag: v.optional(TEXT(200)),
  lastModified: v.optional(TEXT(200)),
};

export const FeedRecordSchema = v.variant(
  'kind',
  [
    strictObject({
      kind: v.literal('pack'),
      ...BASE,
      packId: v.pipe(v.string('not text'), v.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'not a pack id')),
      catalogUrl: v.optional(ADDRESS),
    }),
    strictObject({
      kind: v.literal('catalog'),
      ...BASE,
      autoInstall: v.boolean('not true or false'),
      entries: v.pipe(v.array(CatalogEntrySchema, 'not a list'), v.maxLength(MAX_CATALOG_PACKS, `more than ${MAX_CATALOG_PACKS} entries`)),
    }),
  ],
  'not a pack feed or a catalogue feed',
);

export const FeedRecordsSchema = v.pipe(
  v.record(v.string(), FeedRecordSchema, 'not an object'),
  v.check((feeds) => Object.keys(feeds).length <= MAX_FEEDS, `more than ${MAX_FEEDS} feeds`),
);

/** Checks stored or restored feed records; every record sits under its own url. Never throws. */
export function readFeedRecords(value: unknown): ReadResult<FeedRecords> {
  const parsed = v.safeParse(FeedRecordsSchema, value, { abortEarly: true });
  if (!parsed.success) return { ok: false, problem: problemOfIssue(parsed.issues[0]) };
  for (const [key, feed] of Object.entries(parsed.output)) {
    if (feed.url !== key) return refused(joinPath(joinPath('', key), 'url'), 'does not match its key');
  }
  return { ok: true, value: parsed.output as FeedRecords };
}

/** The feeds that keep a host permission in use: every feed whose address has `hostPattern`. */
export function feedsOnHost(feeds: FeedRecords, hostPattern: string): FeedRecord[] {
  return Object.values(feeds).filter((feed) => hostPatternOf(feed.url) === hostPattern);
}
