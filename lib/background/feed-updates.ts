// Feeds end to end: subscribe to an address, install packs from a catalogue, check feeds (daily from the
// alarm, or at once from the options page), unsubscribe and remove. The decisions are pure
// (lib/feeds/check-outcome.ts); this module fetches, writes, and asks for or gives back host access.
import { loadBuiltinPack } from '../packs/builtin';
import { prepareImport, type InstalledPacks, type ReplaceSummary } from '../packs/import';
import { MAX_PACK_BYTES } from '../packs/reader';
import { LimitReached } from '../storage/limits';
import type { Pack } from '../packs/types';
import { parseJson } from '../validation/document';
import { describeProblem } from '../validation/problem';
import { builtinHidden, importedPackIds } from '../views/tracker-state';
import { catalogCheck, packCheck, type AcceptedPack } from '../feeds/check-outcome';
import { CATALOG_FORMAT, MAX_CATALOG_BYTES, readCatalog, type CatalogEntry } from '../feeds/catalog-reader';
import type { FeedValidators } from '../feeds/conditional-request';
import { fetchFeed } from '../feeds/feed-fetch-adapter';
import type { CatalogFeed, FeedRecord, FeedRecords, PackFeed } from '../feeds/feed-record';
import { dueFeeds } from '../feeds/check-schedule';
import { checkFeedUrl, hostPatternOf } from '../feeds/feed-url';
import { giveBack, holds, hostAccess } from '../permissions/permission-adapter';
import { extensionStore, readFeeds, readPacks, readSnapshot } from '../storage/store-adapter';
import { commitImport, recordFeeds, removeImportedPack } from '../storage/writes';

type Store = ReturnType<typeof extensionStore>;

export type Subscribed =
  | { ok: true; kind: 'pack'; feed: PackFeed; pack: Pack; replaces?: ReplaceSummary }
  | { ok: true; kind: 'catalog'; feed: CatalogFeed }
  | { ok: false; reason: string };

/** What is installed now, for prepareImport: the snapshot, every imported pack and the built-in one. */
async function installedNow(store: Store): Promise<InstalledPacks> {
  const snapshot = await readSnapshot(store);
  const imported = (await readPacks(importedPackIds(snapshot), store)).filter((pack): pack is Pack => pack !== undefined);
  const builtin = builtinHidden(snapshot) ? [] : await loadBuiltinPack().then((pack) => [pack], () => []);
  return { snapshot, packs: [...builtin, ...imported] };
}

function packFeedOf(url: string, prepared: AcceptedPack, now: number, validators: FeedValidators, catalogUrl?: string): PackFeed {
  return {
    kind: 'pack',
    url,
    title: prepared.pack.title,
    packId: prepared.pack.id,
    addedAt: now,
    lastCheckedAt: now,
    lastChangedAt: now,
    ...(validators.etag ? { etag: validators.etag } : {}),
    ...(validators.lastModified ? { lastModified: validators.lastModified } : {}),
    ...(catalogUrl ? { catalogUrl } : {}),
  };
}

/**
 * Subscribes to the pack or catalogue at `url`, once its host access is granted (the page asks for it
 * in the click). A pack is stored with its feed in one transaction; a catalogue is stored as a list to
 * pick from. Nothing is stored when the address or its answer is refused.
 */
export async function subscribe(url: string, now: number, store = extensionStore()): Promise<Subscribed> {
  const address = checkFeedUrl(url);
  if (!address.ok) return { ok: false, reason: address.reason };
  const feeds = await readFeeds(store);
  if (Object.hasOwn(feeds, address.url)) return { ok: false, reason: 'you already follow this address' };
  const fetched = await fetchFeed(address.url, {}, { maxBytes: MAX_PACK_BYTES });
  if (fetched.kind !== 'document') return { ok: false, reason: fetched.kind === 'failed' ? fetched.reason : 'the server sent no file' };
  const parsed = parseJson(fetched.text);
  if (!parsed.ok) {
    if (parsed.problem.keys.length > 0) return { ok: false, reason: `not a valid pack or catalogue (${describeProblem(parsed.problem)})` };
    return { ok: false, reason: 'the answer is not JSON (is it the address of the file itself?)' };
  }
  const value = parsed.value;
  const validators = fetched.validators;
  if (typeof value === 'object' && value !== null && (value as { format?: unknown }).format === CATALOG_FORMAT) {
    if (new TextEncoder().encode(fetched.text).length > MAX_CATALOG_BYTES) return { ok: false, reason: 'the catalogue is larger than 256 KiB' };
    const read = readCatalog(value, address.url);
    if (!read.ok) return { ok: false, reason: `not a valid catalogue (${describeProblem(read.problem)})` };
    const feed: CatalogFeed = {
      kind: 'catalog',
      url: address.url,
      title: read.value.title,
      autoInstall: false,
      entries: read.value.packs,
      addedAt: now,
      lastCheckedAt: now,
      lastChangedAt: now,
      ...validators,
    };
    const refused = await refusedAtLimit(() => recordFeeds((all) => ({ ...all, [feed.url]: feed }), store));
    if (refused) return refused;
    return { ok: true, kind: 'catalog', feed };
  }
  const prepared = prepareImport(value, await installedNow(store));
  if (!prepared.ok) return { ok: false, reason: `not a valid pack or catalogue (${describeProblem(prepared.problem)})` };
  const feed = packFeedOf(address.url, prepared, now, validators);
  const refused = await refusedAtLimit(() => commitImport(prepared, now, store, feed));
  if (refused) return refused;
  return { ok: true, kind: 'pack', feed, pack: prepared.pack, ...(prepared.replaces ? { replaces: prepared.replaces } : {}) };
}

/** Installs one pack a catalogue lists, as a feed of its own (so it updates itself). */
export async function installFromCatalog(entry: CatalogEntry, catalogUrl: string, now: number, store = extensionStore()): Promise<Subscribed> {
  const fetched = await fetchFeed(entry.url, {}, { maxBytes: MAX_PACK_BYTES });
  if (fetched.kind !== 'document') return { ok: false, reason: fetched.kind === 'failed' ? fetched.reason : 'the server sent no file' };
  const prepared = prepareImport(fetched.text, await installedNow(store));
  if (!prepared.ok) return { ok: false, reason: `not a valid pack (${describeProblem(prepared.problem)})` };
  if (prepared.pack.id !== entry.id) {
    return { ok: false, reason: `the catalogue lists “${entry.id}” but the file holds “${prepared.pack.id}”` };
  }
  const feed = packFeedOf(entry.url, prepared, now, fetched.validators, catalogUrl);
  const refused = await refusedAtLimit(() => commitImport(prepared, now, store, feed));
  if (refused) return refused;
  return { ok: true, kind: 'pack', feed, pack: prepared.pack, ...(prepared.replaces ? { replaces: prepared.replaces } : {}) };
}

/** Runs a write; a refusal at one of the limits (nothing stored) becomes the subscription's reason, anything else still throws. */
async function refusedAtLimit(write: () => Promise<unknown>): Promise<{ ok: false; reason: string } | undefined> {
  try {
    await write();
    return undefined;
  } catch (error) {
    if (error instanceof LimitReached) return { ok: false, reason: error.message };
    throw error;
  }
}

/** Stores a checked record, unless the feed was removed while it was being checked. */
function keepRecord(record: FeedRecord, store: Store): Promise<FeedRecords> {
  return recordFeeds((all) => (Object.hasOwn(all, record.url) ? { ...all, [record.url]: record } : all), store);
}

/** Checks one feed now; returns its record afterwards (undefined if it is not subscribed). */
export async function checkFeed(url: string, now: number, store = extensionStore()): Promise<FeedRecord | undefined> {
  const feed = (await readFeeds(store))[url];
  if (!feed) return undefined;
  if (!(await holds(hostAccess(hostPatternOf(url))))) {
    const record: FeedRecord = { ...feed, lastCheckedAt: now, problem: `the extension may no longer read ${new URL(url).host}: remove this feed and add it again` };
    await keepRecord(record, store);
    return record;
  }
  const maxBytes = feed.kind === 'catalog' ? MAX_CATALOG_BYTES : MAX_PACK_BYTES;
  const fetched = await fetchFeed(url, feed, { maxBytes });
  if (feed.kind === 'pack') {
    const { record, install } = packCheck(feed, fetched, await installedNow(store), now);
    // The pack and its record in one transaction, progress untouched: exactly a re-import.
    if (install && Object.hasOwn(await readFeeds(store), url)) await commitImport(install, now, store, record);
    else await keepRecord(record, store);
    return record;
  }
  const { record, newPacks } = catalogCheck(feed, fetched, now);
  await keepRecord(record, store);
  const installed = new Set(Object.values(await readFeeds(store)).flatMap((each) => (each.kind === 'pack' ? [each.packId] : [])));
  for (const entry of newPacks) if (!installed.has(entry.id)) await installFromCatalog(entry, url, now, store);
  return record;
}

/** Checks `urls` (default: the feeds due at `now`) one after another. */
export async function checkFeeds(now: number, urls?: string[], store = extensionStore()): Promise<void> {
  for (const url of urls ?? dueFeeds(await readFeeds(store), now)) {
    try {
      await checkFeed(url, now, store);
    } catch (error) {
      console.error('feed check failed', url, error);
    }
  }
}

/** Turns a catalogue's automatic installs on or off. */
export async function setAutoInstall(url: string, autoInstall: boolean, store = extensionStore()): Promise<void> {
  await recordFeeds((all) => {
    const feed = all[url];
    return feed?.kind === 'catalog' ? { ...all, [url]: { ...feed, autoInstall } } : all;
  }, store);
}

/** Gives back the host access of `url`'s site when no feed there is left. */
async function giveBackUnused(url: string, feeds: FeedRecords): Promise<void> {
  const pattern = hostPatternOf(url);
  if (!Object.values(feeds).some((feed) => hostPatternOf(feed.url) === pattern)) await giveBack(hostAccess(pattern));
}

/** Stops following a feed; a pack it brought stays installed as a plain imported pack. */
export async function unsubscribe(url: string, store = extensionStore()): Promise<void> {
  const left = await recordFeeds((all) => Object.fromEntries(Object.entries(all).filter(([key]) => key !== url)), store);
  await giveBackUnused(url, left);
}

/** Removes an imported pack with its progress and the feed it came from, and gives back that feed's host access if unused. */
export async function removePackAndFeed(packId: string, store = extensionStore()): Promise<void> {
  const before = Object.values(await readFeeds(store)).filter((feed) => feed.kind === 'pack' && feed.packId === packId);
  await removeImportedPack(packId, store);
  const left = await readFeeds(store);
  for (const feed of before) await giveBackUnused(feed.url, left);
}

/** After a subscription failed: gives back the host access it asked for unless another feed uses that site. */
export async function releaseHostIfUnused(url: string, store = extensionStore()): Promise<void> {
  await giveBackUnused(url, await readFeeds(store));
}
