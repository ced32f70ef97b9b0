// What a check of a feed leads to, decided before anything is written: the feed's new record, and the
// pack to store if the answer brought a changed, valid pack with the subscribed id. A failed check
// changes only the record (when and why), never the stored pack.
import { prepareImport, type InstalledPacks, type PreparedImport } from '../packs/import';
import { describeProblem } from '../validation/problem';
import { readCatalog, type CatalogEntry } from './catalog-reader';
import type { FeedValidators } from './conditional-request';
import type { CatalogFeed, FeedRecord, PackFeed } from './feed-record';

/** What the network brought, as lib/feeds/feed-fetch-adapter.ts reports it. */
export type FetchOutcome =
  | { kind: 'not-modified' }
  | { kind: 'document'; text: string; validators: FeedValidators }
  | { kind: 'failed'; reason: string };

export type AcceptedPack = Extract<PreparedImport, { ok: true }>;

export interface PackCheck {
  record: PackFeed;
  /** Present only when the stored pack is to be replaced. */
  install?: AcceptedPack;
}

export interface CatalogCheck {
  record: CatalogFeed;
  /** Packs that appeared since the last check, to install when the catalogue installs new packs itself. */
  newPacks: CatalogEntry[];
}

/** The record after a check at `now`: checked, and with this problem or none. */
function checked<T extends FeedRecord>(feed: T, now: number, problem?: string): T {
  const { problem: _old, ...rest } = feed;
  return { ...rest, lastCheckedAt: now, ...(problem ? { problem } : {}) } as T;
}

function withValidators<T extends FeedRecord>(feed: T, validators: FeedValidators): T {
  const { etag: _etag, lastModified: _lastModified, ...rest } = feed;
  return { ...rest, ...validators } as T;
}

export function packCheck(feed: PackFeed, fetched: FetchOutcome, installed: InstalledPacks, now: number): PackCheck {
  if (fetched.kind === 'failed') return { record: checked(feed, now, `${fetched.reason}; your pack was kept as it was`) };
  if (fetched.kind === 'not-modified') return { record: checked(feed, now) };
  const prepared = prepareImport(fetched.text, installed);
  if (!prepared.ok) {
    return { record: checked(feed, now, `not a valid pack (${describeProblem(prepared.problem)}); your pack was kept as it was`) };
  }
  if (prepared.pack.id !== feed.packId) {
    return {
      record: checked(feed, now, `the address now holds the pack “${prepared.pack.id}”, not “${feed.packId}”; your pack was kept as it was`),
    };
  }
  const record = withValidators(checked(feed, now), fetched.validators);
  const current = installed.packs.find((pack) => pack.id === feed.packId);
  // A new ETag on the same content (a re-upload) rewrites nothing.
  if (current && JSON.stringify(current) === JSON.stringify(prepared.pack)) return { record };
  return { record: { ...record, title: prepared.pack.title, lastChangedAt: now }, install: prepared };
}

export function catalogCheck(feed: CatalogFeed, fetched: FetchOutcome, now: number): CatalogCheck {
  if (fetched.kind === 'failed') return { record: checked(feed, now, `${fetched.reason}; the list of packs was kept`), newPacks: [] };
  if (fetched.kind === 'not-modified') return { record: checked(feed, now), newPacks: [] };
  const read = readCatalog(fetched.text, feed.url);
  if (!read.ok) {
    return { record: checked(feed, now, `not a valid catalogue (${describeProblem(read.problem)}); the list of packs was kept`), newPacks: [] };
  }
  const known = new Set(feed.entries.map((entry) => entry.id));
  const changed = JSON.stringify(feed.entries) !== JSON.stringify(read.value.packs) || feed.title !== read.value.title;
  const record: CatalogFeed = {
    ...withValidators(checked(feed, now), fetched.validators),
    title: read.value.title,
    entries: read.value.packs,
    ...(changed ? { lastChangedAt: now } : {}),
  };
  return { record, newPacks: feed.autoInstall ? read.value.packs.filter((entry) => !known.has(entry.id)) : [] };
}
