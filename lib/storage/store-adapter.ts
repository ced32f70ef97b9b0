// The one module that touches IndexedDB. Every read-modify-write is one readwrite transaction, so the
// popup, the side panel and the background never lose each other's changes.
import { get, getMany, update, type UseStore } from 'idb-keyval';
import type { Pack } from '../packs/types';
import type { FeedRecord, FeedRecords } from '../feeds/feed-record';
import { emptyPackProgress, type PackProgress } from '../commander/progress';
import { defaultSettings, packSettings, withPackSettings, type Settings } from '../commander/settings';
import { feedsBytesRefusal, LimitReached, packSettingsGrowthRefusal, progressBytesRefusal, progressPacksRefusal, storedBytes } from './limits';
import { headDamage, MIGRATIONS, planMigration, SCHEMA_1_PROGRESS_KEY, type Migration } from './migrations';
import {
  HEAD_KEYS,
  headOf,
  KEYS,
  NOTIFIED_MEMORY_MS,
  PROGRESS_PREFIX,
  progressKeyPackId,
  progressOf,
  SCHEMA_VERSION,
  type NotifiedLog,
  type PackIndex,
  type Snapshot,
  type SnapshotHead,
} from './stored-data';

export const DB_NAME = 'stfc-milestone-tracker';
export const STORE_NAME = 'kv';
let defaultStore: UseStore | undefined;
const closedListeners = new Set<() => unknown>();

/** The extension's own object store, opened lazily so importing this module costs nothing. */
export function extensionStore(): UseStore {
  defaultStore ??= keyValueStore(DB_NAME, STORE_NAME);
  return defaultStore;
}

/**
 * Calls `listener` when this context's connection is closed by another: the database deleted or the
 * browser clearing the extension's data. The next read opens it again (empty by then).
 */
export function onStoreClosed(listener: () => unknown): () => void {
  closedListeners.add(listener);
  return () => closedListeners.delete(listener);
}

/**
 * An object store as idb-keyval's createStore opens it, except that its connection gives way: on
 * `versionchange` (another context deletes the database, or the browser clears site data) it closes at
 * once, so the deletion goes through instead of waiting for this context to end, and reopens on next use.
 */
export function keyValueStore(dbName: string, storeName: string): UseStore {
  let connection: Promise<IDBDatabase> | undefined;
  const open = (): Promise<IDBDatabase> => {
    if (connection) return connection;
    const request = indexedDB.open(dbName);
    request.onupgradeneeded = () => request.result.createObjectStore(storeName);
    const opening = new Promise<IDBDatabase>((resolve, reject) => {
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    connection = opening;
    opening.then(
      (db) => {
        const closed = () => {
          if (connection === opening) connection = undefined;
          for (const listener of closedListeners) void listener();
        };
        db.onversionchange = () => {
          db.close();
          closed();
        };
        db.onclose = closed;
      },
      () => {
        if (connection === opening) connection = undefined;
      },
    );
    return opening;
  };
  const transaction = async (mode: IDBTransactionMode) => {
    const db = await open();
    try {
      return db.transaction(storeName, mode);
    } catch (error) {
      // Closed between open and use (a deletion just went through): open once more.
      if (!(error instanceof DOMException && error.name === 'InvalidStateError')) throw error;
      connection = undefined;
      return (await open()).transaction(storeName, mode);
    }
  };
  return async (mode, callback) => callback((await transaction(mode)).objectStore(storeName));
}

/**
 * Whether the browser keeps this store under disk pressure, asking for it when it does not yet:
 * Firefox grants persist() to the extension without a prompt (it has `unlimitedStorage`); Chromium
 * answers false to both, though `unlimitedStorage` keeps the extension out of its eviction. persist()
 * exists only in pages (not in a service worker). Undefined where the browser cannot say.
 */
export async function storagePersisted(): Promise<boolean | undefined> {
  try {
    const storage = globalThis.navigator?.storage;
    if (!storage?.persisted) return undefined;
    if (await storage.persisted()) return true;
    return storage.persist ? await storage.persist() : false;
  } catch {
    return undefined;
  }
}

/** Every `progress:<id>` key sorts in this range. */
const progressKeys = () => IDBKeyRange.bound(PROGRESS_PREFIX, `${PROGRESS_PREFIX}\uffff`);

/**
 * Thrown by the readers for a store not in the current layout (an older schema waiting for its upgrade,
 * or values this version cannot read); lib/storage/load.ts then migrates, or reports the damage.
 */
export class StoreNotCurrent extends Error {
  override readonly name = 'StoreNotCurrent';
}

/**
 * The raw values of HEAD_KEYS, read in an open transaction; calls `then` once all are in, or rejects
 * with StoreNotCurrent. The schema-1 `progress` key is read too: a store with it is not upgraded yet
 * even without a schema mark (stores written before the mark existed); without it, no mark means new.
 */
function readHead(objects: IDBObjectStore, then: (raw: unknown[]) => void, reject: (error: unknown) => void): void {
  const requests = [...HEAD_KEYS, SCHEMA_1_PROGRESS_KEY].map((key) => objects.get(key));
  // Requests of one transaction succeed in the order they were made: the last one means all are done.
  requests.at(-1)!.onsuccess = () => {
    const [schema, settings, packIndex, schema1Progress] = requests.map((request) => request.result);
    const current = (schema === undefined ? schema1Progress === undefined : schema === SCHEMA_VERSION) && headDamage(settings, packIndex) === undefined;
    if (current) then([schema, settings, packIndex]);
    else reject(new StoreNotCurrent(`the store is at schema ${String(schema ?? 1)}, not ${SCHEMA_VERSION}`));
  };
}

/** Settings, the pack index and every pack's progress, for the options page and backups; packs are read separately. */
export function readSnapshot(store = extensionStore()): Promise<Snapshot> {
  return store('readonly', (objects) => {
    return new Promise((resolve, reject) => {
      objects.transaction.onabort = objects.transaction.onerror = () => reject(objects.transaction.error);
      readHead(objects, (raw) => {
        const keyRequest = objects.getAllKeys(progressKeys());
        const valueRequest = objects.getAll(progressKeys());
        valueRequest.onsuccess = () => {
          const ids = keyRequest.result.map((key) => progressKeyPackId(String(key))!);
          resolve({ ...headOf(raw), progress: progressOf(ids, valueRequest.result) });
        };
      }, reject);
    });
  });
}

/** Which packs a view reads, and whose progress (the built-in pack has progress but is not stored). */
export interface PacksToRead {
  packs: string[];
  progress: string[];
}

/**
 * The snapshot with the progress of the packs `choose` names from its head, and those packs, in one
 * readonly transaction: what a view reads on open, one round trip, reading no other pack's progress.
 */
export function readSnapshotAndPacks(
  choose: (head: SnapshotHead) => PacksToRead,
  store = extensionStore(),
): Promise<{ snapshot: Snapshot; packs: Array<Pack | undefined> }> {
  return store('readonly', (objects) => {
    return new Promise((resolve, reject) => {
      objects.transaction.onabort = objects.transaction.onerror = () => reject(objects.transaction.error);
      readHead(objects, (raw) => {
        const head = headOf(raw);
        const chosen = choose(head);
        const progress = chosen.progress.map((id) => objects.get(KEYS.progress(id)));
        const packs = chosen.packs.map((id) => objects.get(KEYS.pack(id)));
        const done = () =>
          resolve({
            snapshot: { ...head, progress: progressOf(chosen.progress, progress.map((request) => request.result)) },
            packs: packs.map((request) => request.result as Pack | undefined),
          });
        const last = packs.at(-1) ?? progress.at(-1);
        if (last) last.onsuccess = done;
        else done();
      }, reject);
    });
  });
}

export async function readPacks(ids: string[], store = extensionStore()): Promise<Array<Pack | undefined>> {
  if (ids.length === 0) return [];
  return getMany<Pack | undefined>(ids.map(KEYS.pack), store);
}

export async function updateSettings(change: (settings: Settings) => Settings, store = extensionStore()): Promise<Settings> {
  let next!: Settings;
  await update<Settings>(KEYS.settings, (current) => (next = withinSettingsLimit(current ?? defaultSettings(), change)), store);
  return next;
}

/** `change(settings)`, or LimitReached (nothing written) when it would give one pack too many its own settings. */
function withinSettingsLimit(settings: Settings, change: (settings: Settings) => Settings): Settings {
  const next = change(settings);
  const refusal = packSettingsGrowthRefusal(Object.keys(settings.packs).length, Object.keys(next.packs).length);
  if (refusal) throw new LimitReached(refusal);
  return next;
}

/** `change(feeds)`, or LimitReached (nothing written) when the records would grow past their limit. */
function withinFeedsLimit(feeds: FeedRecords, change: (feeds: FeedRecords) => FeedRecords): FeedRecords {
  const next = change(feeds);
  const refusal = feedsBytesRefusal(storedBytes(feeds), storedBytes(next));
  if (refusal) throw new LimitReached(refusal);
  return next;
}

export async function updatePackProgress(
  packId: string,
  change: (progress: PackProgress) => PackProgress,
  store = extensionStore(),
): Promise<PackProgress> {
  let next!: PackProgress;
  const started = performance.now();
  // Only this pack's record is read and rewritten: a click costs the same however much else is stored.
  // A refused write (LimitReached) puts nothing, so the transaction commits unchanged.
  await store('readwrite', (objects) => {
    return new Promise<void>((resolve, reject) => {
      const key = KEYS.progress(packId);
      const request = objects.get(key);
      request.onerror = () => reject(request.error);
      request.onsuccess = () => {
        const current = request.result as PackProgress | undefined;
        const put = () => {
          objects.put(next, key);
          resolve(promisifyTransaction(objects.transaction));
        };
        try {
          next = change(current ?? emptyPackProgress());
          const tooLarge = progressBytesRefusal(current === undefined ? 0 : storedBytes(current), storedBytes(next));
          if (tooLarge) throw new LimitReached(tooLarge);
        } catch (error) {
          reject(error);
          return;
        }
        if (current !== undefined) return put();
        // A pack's first record: only while there is room for one more pack's progress.
        const count = objects.count(progressKeys());
        count.onerror = () => reject(count.error);
        count.onsuccess = () => {
          const noRoom = progressPacksRefusal(count.result);
          if (noRoom) reject(new LimitReached(noRoom));
          else put();
        };
      };
    });
  });
  // The transaction alone, committed: `npm run bench` compares it at the limits with an empty store.
  performance.measure('progress-stored', { start: started });
  return next;
}

/** Changes the stored value of `key` inside an open readwrite transaction. */
function rewrite<T>(objects: IDBObjectStore, key: string, change: (value: T | undefined) => T): void {
  const request = objects.get(key);
  request.onsuccess = () => {
    try {
      objects.put(change(request.result as T | undefined), key);
    } catch (refused) {
      // A change refused (LimitReached) undoes the whole transaction, and its reason is what the caller gets.
      refusals.set(objects.transaction, refused);
      objects.transaction.abort();
    }
  };
}

/** Why a transaction was aborted by one of its own changes, for promisifyTransaction to reject with. */
const refusals = new WeakMap<IDBTransaction, unknown>();

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
    if (feed) rewrite<FeedRecords>(objects, KEYS.feeds, (feeds = {}) => withinFeedsLimit(feeds, (all) => ({ ...all, [feed.url]: feed })));
    // A replaced pack keeps its place in the list.
    rewrite<PackIndex>(objects, KEYS.packIndex, (index = {}) => ({
      ...index,
      [pack.id]: { title: pack.title, importedAt: Object.hasOwn(index, pack.id) ? index[pack.id]!.importedAt : options.importedAt },
    }));
    const follow = options.followTrackId;
    if (follow !== undefined) {
      rewrite<Settings>(objects, KEYS.settings, (settings = defaultSettings()) =>
        withinSettingsLimit(settings, (before) => {
          const current = packSettings(before, pack.id);
          if (pack.tracks.some((t) => t.id === current.followedTrackId)) return before;
          return withPackSettings(before, pack.id, { followedTrackId: follow });
        }),
      );
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
  await update<FeedRecords>(KEYS.feeds, (current) => (next = withinFeedsLimit(current ?? {}, change)), store);
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
    objects.delete(KEYS.progress(packId));
    rewrite<Settings>(objects, KEYS.settings, (settings = defaultSettings()) => ({
      ...settings,
      packs: withoutKey(settings.packs, packId),
    }));
    return promisifyTransaction(objects.transaction);
  });
}

/**
 * Deletes the progress kept for a pack that is not installed, in one transaction; does nothing when the
 * pack is installed by then (its progress goes only with the pack, through removePack).
 */
export async function removeKeptProgress(packId: string, store = extensionStore()): Promise<void> {
  await store('readwrite', (objects) => {
    const index = objects.get(KEYS.packIndex);
    index.onsuccess = () => {
      if (!Object.hasOwn((index.result as PackIndex | undefined) ?? {}, packId)) objects.delete(KEYS.progress(packId));
    };
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
    transaction.onabort = transaction.onerror = () => reject(refusals.get(transaction) ?? transaction.error);
  });
}

/** Every key and value, for backup. */
export function readEverything(store = extensionStore()): Promise<Record<string, unknown>> {
  return store('readonly', (objects) => {
    return new Promise((resolve, reject) => {
      objects.transaction.onabort = objects.transaction.onerror = () => reject(objects.transaction.error);
      const keyRequest = objects.getAllKeys();
      const valueRequest = objects.getAll();
      valueRequest.onsuccess = () => {
        const everything: Record<string, unknown> = {};
        keyRequest.result.forEach((key, i) => {
          if (typeof key === 'string') everything[key] = valueRequest.result[i];
        });
        resolve(everything);
      };
    });
  });
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

export type MigrationOutcome = { ok: true; from: number; schema: number } | { ok: false; damage: string };

/**
 * Brings a store written by an older version up to `target` in one transaction (lib/storage/migrations.ts
 * plans it). Always settles: a store it cannot read is left untouched and reported as damaged.
 */
export async function migrate(
  store = extensionStore(),
  migrations: Record<number, Migration> = MIGRATIONS,
  target = SCHEMA_VERSION,
): Promise<MigrationOutcome> {
  return store('readwrite', (objects) => {
    return new Promise<MigrationOutcome>((resolve, reject) => {
      let outcome: MigrationOutcome | undefined;
      const transaction = objects.transaction;
      transaction.oncomplete = () => (outcome ? resolve(outcome) : reject(new Error('the upgrade did not finish')));
      transaction.onabort = transaction.onerror = () => reject(transaction.error ?? new Error('the upgrade was aborted'));
      const values = new Map<string, unknown>();
      const cursorRequest = objects.openCursor();
      cursorRequest.onsuccess = () => {
        const cursor = cursorRequest.result;
        if (cursor) {
          values.set(String(cursor.key), cursor.value);
          cursor.continue();
          return;
        }
        try {
          const plan = planMigration(values, migrations, target);
          if (!plan.ok) {
            outcome = plan;
            return;
          }
          for (const key of plan.remove) objects.delete(key);
          for (const [key, value] of plan.put) objects.put(value, key);
          outcome = { ok: true, from: plan.from, schema: plan.schema };
        } catch (error) {
          // An exception here must not leave the promise pending: undo everything and report it.
          transaction.abort();
          reject(error);
        }
      };
    });
  });
}

/** Runs the migrations only when the stored schema is behind: one small read on every worker start. */
export async function ensureSchema(store = extensionStore()): Promise<MigrationOutcome> {
  const [schema, settings, packIndex] = await getMany<unknown>(HEAD_KEYS, store);
  if (schema === SCHEMA_VERSION && headDamage(settings, packIndex) === undefined) return { ok: true, from: SCHEMA_VERSION, schema: SCHEMA_VERSION };
  return migrate(store);
}
