// The one module that touches IndexedDB. Every read-modify-write is one idb-keyval update(): one
// readwrite transaction, so the popup, the side panel and the background never lose each other's changes.
import { createStore, get, getMany, update, keys as storedKeys, type UseStore } from 'idb-keyval';
import type { Pack } from '../packs/types';
import type { FeedRecord, FeedRecords } from '../feeds/feed-record';
import { emptyPackProgress, type PackProgress } from '../commander/progress';
import { defaultSettings, packSettings, withPackSettings, type Settings } from '../commander/settings';
import { MIGRATIONS, type Migration } from './migrations';
import {
  KEYS,
  NOTIFIED_MEMORY_MS,
  SCHEMA_VERSION,
  SNAPSHOT_KEYS,
  snapshotOf,
  type NotifiedLog,
  type PackIndex,
  type ProgressByPack,
  type Snapshot,
} from './stored-data';

export const DB_NAME = 'stfc-milestone-tracker';
export const STORE_NAME = 'kv';
let defaultStore: UseStore | undefined;

/** The extension's own object store, opened lazily so importing this module costs nothing. */
export function extensionStore(): UseStore {
  defaultStore ??= createStore(DB_NAME, STORE_NAME);
  return defaultStore;
}

/** Settings, all progress and the pack index in one read; packs are read separately, only the ones a view needs. */
export async function readSnapshot(store = extensionStore()): Promise<Snapshot> {
  return snapshotOf(await getMany<unknown>(SNAPSHOT_KEYS, store));
}

/**
 * The snapshot and the packs `choose` names from it, in one readonly transaction: what a view reads
 * on open, one round trip to the database instead of two.
 */
export function readSnapshotAndPacks(
  choose: (snapshot: Snapshot) => string[],
  store = extensionStore(),
): Promise<{ snapshot: Snapshot; packs: Array<Pack | undefined> }> {
  return store('readonly', (objects) => {
    return new Promise((resolve, reject) => {
      objects.transaction.onabort = objects.transaction.onerror = () => reject(objects.transaction.error);
      const entries = SNAPSHOT_KEYS.map((key) => objects.get(key));
      // Requests of one transaction succeed in the order they were made: the last one means all are done.
      entries.at(-1)!.onsuccess = () => {
        const snapshot = snapshotOf(entries.map((request) => request.result));
        const packs = choose(snapshot).map((id) => objects.get(KEYS.pack(id)));
        const done = () => resolve({ snapshot, packs: packs.map((request) => request.result as Pack | undefined) });
        if (packs.length === 0) done();
        else packs.at(-1)!.onsuccess = done;
      };
    });
  });
}

export async function readPacks(ids: string[], store = extensionStore()): Promise<Array<Pack | undefined>> {
  if (ids.length === 0) return [];
  return getMany<Pack | undefined>(ids.map(KEYS.pack), store);
}

export async function updateSettings(change: (settings: Settings) => Settings, store = extensionStore()): Promise<Settings> {
  let next!: Settings;
  await update<Settings>(
    KEYS.settings,
    (current) => (next = change(current ?? defaultSettings())),
    store,
  );
  return next;
}

export async function updatePackProgress(
  packId: string,
  change: (progress: PackProgress) => PackProgress,
  store = extensionStore(),
): Promise<PackProgress> {
  let next!: PackProgress;
  await update<ProgressByPack>(
    KEYS.progress,
    (current = {}) => {
      const before = Object.hasOwn(current, packId) ? current[packId]! : emptyPackProgress();
      next = change(before);
      return { ...current, [packId]: next };
    },
    store,
  );
  return next;
}

/** Changes the stored value of `key` inside an open readwrite transaction. */
function rewrite<T>(objects: IDBObjectStore, key: string, change: (value: T | undefined) => T): void {
  const request = objects.get(key);
  request.onsuccess = () => objects.put(change(request.result as T | undefined), key);
}

/** Stores an imported pack and lists it in the index, in one transaction. Progress is untouched. */
export async function savePack(pack: Pack, importedAt: number, store = extensionStore()): Promise<void> {
  await store('readwrite', (objects) => {
    objects.put(pack, KEYS.pack(pack.id));
    rewrite<PackIndex>(objects, KEYS.packIndex, (index = {}) => ({ ...index, [pack.id]: { title: pack.title, importedAt } }));
    return promisifyTransaction(objects.transaction);
  });
}

/**
 * Stores an imported pack, replacing one with the same id, and follows `followTrackId` unless the
 * Commander already follows a track that the pack still has. One transaction; progress is untouched
 * (it is keyed by ids, so a corrected pack keeps the progress of every unchanged id).
 */
export async function installPack(
  pack: Pack,
  options: { importedAt: number; followTrackId?: string; feed?: FeedRecord },
  store = extensionStore(),
): Promise<void> {
  await store('readwrite', (objects) => {
    objects.put(pack, KEYS.pack(pack.id));
    // A pack from a feed lands with its feed's record, so a check never stores one without the other.
    const feed = options.feed;
    if (feed) rewrite<FeedRecords>(objects, KEYS.feeds, (feeds = {}) => ({ ...feeds, [feed.url]: feed }));
    // A replaced pack keeps its place in the list.
    rewrite<PackIndex>(objects, KEYS.packIndex, (index = {}) => ({
      ...index,
      [pack.id]: { title: pack.title, importedAt: Object.hasOwn(index, pack.id) ? index[pack.id]!.importedAt : options.importedAt },
    }));
    const follow = options.followTrackId;
    if (follow !== undefined) {
      rewrite<Settings>(objects, KEYS.settings, (settings = defaultSettings()) => {
        const current = packSettings(settings, pack.id);
        if (pack.tracks.some((t) => t.id === current.followedTrackId)) return settings;
        return withPackSettings(settings, pack.id, { followedTrackId: follow });
      });
    }
    return promisifyTransaction(objects.transaction);
  });
}

/** The subscribed feeds by address; none when the key was never written. */
export async function readFeeds(store = extensionStore()): Promise<FeedRecords> {
  return (await get<FeedRecords>(KEYS.feeds, store)) ?? {};
}

/** Changes the feed records in one readwrite transaction and returns what was stored. */
export async function updateFeeds(change: (feeds: FeedRecords) => FeedRecords, store = extensionStore()): Promise<FeedRecords> {
  let next!: FeedRecords;
  await update<FeedRecords>(KEYS.feeds, (current) => (next = change(current ?? {})), store);
  return next;
}

/**
 * Records `ids` as shown at `now` and returns the ones that were not recorded before, in one
 * transaction: whoever claims an id shows it, so no notification is shown twice, even by two workers.
 * Ids older than NOTIFIED_MEMORY_MS are forgotten.
 */
export async function claimNotifications(ids: string[], now: number, store = extensionStore()): Promise<string[]> {
  const claimed: string[] = [];
  await store('readwrite', (objects) => {
    const request = objects.get(KEYS.notified);
    request.onsuccess = () => {
      const log = (request.result as NotifiedLog | undefined) ?? {};
      for (const id of ids) if (!Object.hasOwn(log, id) && !claimed.includes(id)) claimed.push(id);
      if (claimed.length === 0) return;
      const next: NotifiedLog = {};
      for (const [id, at] of Object.entries(log)) if (now - at < NOTIFIED_MEMORY_MS) next[id] = at;
      for (const id of claimed) next[id] = now;
      objects.put(next, KEYS.notified);
    };
    return promisifyTransaction(objects.transaction);
  });
  return claimed;
}

/** Removes an imported pack together with its progress, settings and the feed it came from, in one transaction. */
export async function removePack(packId: string, store = extensionStore()): Promise<void> {
  await store('readwrite', (objects) => {
    objects.delete(KEYS.pack(packId));
    const feeds = objects.get(KEYS.feeds);
    feeds.onsuccess = () => {
      const stored = feeds.result as FeedRecords | undefined;
      if (!stored) return;
      const kept = Object.entries(stored).filter(([, feed]) => feed.kind !== 'pack' || feed.packId !== packId);
      if (kept.length < Object.keys(stored).length) objects.put(Object.fromEntries(kept), KEYS.feeds);
    };
    rewrite<PackIndex>(objects, KEYS.packIndex, (index = {}) => withoutKey(index, packId));
    rewrite<ProgressByPack>(objects, KEYS.progress, (all = {}) => withoutKey(all, packId));
    rewrite<Settings>(objects, KEYS.settings, (settings = defaultSettings()) => ({
      ...settings,
      packs: withoutKey(settings.packs, packId),
    }));
    return promisifyTransaction(objects.transaction);
  });
}

function withoutKey<T>(record: Record<string, T>, key: string): Record<string, T> {
  const copy = { ...record };
  delete copy[key];
  return copy;
}

function promisifyTransaction(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onabort = transaction.onerror = () => reject(transaction.error);
  });
}

/** Every key and value, for backup. */
export async function readEverything(store = extensionStore()): Promise<Record<string, unknown>> {
  const allKeys = (await storedKeys(store)).filter((k): k is string => typeof k === 'string');
  const values = await getMany(allKeys, store);
  return Object.fromEntries(allKeys.map((k, i) => [k, values[i]]));
}

/**
 * Replaces everything with `entries` in one transaction: a restore either fully lands or changes nothing.
 * Keys in `keep` that `entries` does not set survive (e.g. this device's notification log).
 */
export async function replaceEverything(
  entries: Record<string, unknown>,
  store = extensionStore(),
  keep: readonly string[] = [],
): Promise<void> {
  await store('readwrite', (objects) => {
    const request = objects.getAllKeys();
    request.onsuccess = () => {
      for (const key of request.result) {
        if (typeof key === 'string' && keep.includes(key) && !Object.hasOwn(entries, key)) continue;
        objects.delete(key);
      }
      for (const [key, value] of Object.entries(entries)) objects.put(value, key);
    };
    return promisifyTransaction(objects.transaction);
  });
}

/**
 * Brings a store written by an older version up to SCHEMA_VERSION in one transaction.
 * Each step returns the entries it rewrites; nothing is deleted, so a migration never drops data.
 */
export async function migrate(
  store = extensionStore(),
  migrations: Record<number, Migration> = MIGRATIONS,
  target = SCHEMA_VERSION,
): Promise<number> {
  return store('readwrite', (objects) => {
    return new Promise<number>((resolve, reject) => {
      const values = new Map<string, unknown>();
      const cursorRequest = objects.openCursor();
      cursorRequest.onerror = () => reject(cursorRequest.error);
      cursorRequest.onsuccess = () => {
        const cursor = cursorRequest.result;
        if (cursor) {
          values.set(String(cursor.key), cursor.value);
          cursor.continue();
          return;
        }
        const stored = values.get(KEYS.schema);
        let version = typeof stored === 'number' ? stored : values.size === 0 ? target : 1;
        if (version > target) {
          reject(new Error(`The stored data is from a newer version (schema ${version}); update the extension.`));
          return;
        }
        for (; version < target; version++) {
          const step = migrations[version];
          if (!step) throw new Error(`No migration from schema ${version}`);
          for (const [key, value] of step((key) => values.get(key))) {
            values.set(key, value);
            objects.put(value, key);
          }
        }
        objects.put(version, KEYS.schema);
        objects.transaction.oncomplete = () => resolve(version);
        objects.transaction.onabort = () => reject(objects.transaction.error);
      };
    });
  });
}

/** Runs the migrations only when the stored schema is behind: one small read on every worker start. */
export async function ensureSchema(store = extensionStore()): Promise<void> {
  if ((await get(KEYS.schema, store)) !== SCHEMA_VERSION) await migrate(store);
}
