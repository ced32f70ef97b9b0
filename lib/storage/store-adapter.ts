// The store's connection and reads; with store-writes-adapter.ts (the writes), the only IndexedDB code.
import { get, getMany, type UseStore } from 'idb-keyval';
import type { Pack } from '../packs/types';
import type { FeedRecords } from '../feeds/feed-record';
import { activeCommander } from '../commander/commanders';
import { headDamage, SCHEMA_1_PROGRESS_KEY } from './damage';
import type { MigrationOutcome } from './upgrade-adapter';
import { loadUpgrade } from './upgrade-loader';
import {
  HEAD_KEYS,
  headOf,
  KEYS,
  PROGRESS_PREFIX,
  progressKeysOf,
  progressOf,
  SCHEMA_VERSION,
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

/** Every progress key sorts in this range; those of one Commander in the second. */
export const progressKeys = () => IDBKeyRange.bound(PROGRESS_PREFIX, `${PROGRESS_PREFIX}\uffff`);

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
    const [schema, settings, packIndex, commanders, schema1Progress] = requests.map((request) => request.result);
    const current = (schema === undefined ? schema1Progress === undefined : schema === SCHEMA_VERSION) && headDamage(settings, packIndex, commanders) === undefined;
    if (current) then([schema, settings, packIndex, commanders]);
    else reject(new StoreNotCurrent(`the store is at schema ${String(schema ?? 1)}, not ${SCHEMA_VERSION}`));
  };
}

/** Settings, the pack index, the Commanders and all their progress, for the options page; packs are read separately. */
export function readSnapshot(store = extensionStore()): Promise<Snapshot> {
  return store('readonly', (objects) => {
    return new Promise((resolve, reject) => {
      objects.transaction.onabort = objects.transaction.onerror = () => reject(objects.transaction.error);
      readHead(objects, (raw) => {
        const keyRequest = objects.getAllKeys(progressKeys());
        const valueRequest = objects.getAll(progressKeys());
        valueRequest.onsuccess = () => {
          resolve({ ...headOf(raw), progress: progressOf(keyRequest.result.map(String), valueRequest.result) });
        };
      }, reject);
    });
  });
}

/**
 * Which packs a view reads, and which packs' progress (the built-in pack has progress but is not stored): of the
 * Commander the views show, or with `everyCommander` of them all (the badge watches every Commander).
 */
export interface PacksToRead {
  packs: string[];
  progress: string[];
  everyCommander?: boolean;
}

/**
 * The packs this context read last, and the store's KEYS.packsRevision when it read them: while the stored
 * revision is the same, no pack has changed since, and a read after a click takes them from here instead of
 * reading (and deserialising) every shown pack again. A store without a revision is read in full.
 */
let packsRead: { revision: string; packs: Map<string, Pack | undefined> } | undefined;

/**
 * The snapshot with the progress of the packs `choose` names from its head, and those packs, in one
 * readonly transaction: what a view reads on open, one round trip, reading no other pack's progress;
 * packs unchanged since this context last read them are not read again (packsRead).
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
        // A view shows one Commander: at the limits (20 Commanders) it reads a twentieth of the progress the badge does.
        const whose = chosen.everyCommander ? head : { ...head, commanders: { ...head.commanders, list: [activeCommander(head.commanders)] } };
        const progressKeys = progressKeysOf(whose, chosen.progress);
        const progress = progressKeys.map((key) => objects.get(key));
        const revisionRequest = objects.get(KEYS.packsRevision);
        revisionRequest.onsuccess = () => {
          const revision = revisionRequest.result as unknown;
          const known = typeof revision === 'string' && packsRead?.revision === revision ? packsRead.packs : undefined;
          const packs = chosen.packs.map((id) => (known?.has(id) ? known.get(id) : objects.get(KEYS.pack(id))));
          const done = () => {
            const read = packs.map((entry) => (entry instanceof IDBRequest ? (entry.result as Pack | undefined) : entry));
            if (typeof revision === 'string') {
              const kept = new Map(known);
              chosen.packs.forEach((id, i) => kept.set(id, read[i]));
              packsRead = { revision, packs: kept };
            }
            resolve({ snapshot: { ...head, progress: progressOf(progressKeys, progress.map((request) => request.result)) }, packs: read });
          };
          // Requests of one transaction succeed in the order they were made: the last one means all are done.
          const last = packs.findLast((entry): entry is IDBRequest => entry instanceof IDBRequest);
          if (last) last.onsuccess = done;
          else done();
        };
      }, reject);
    });
  });
}

export async function readPacks(ids: string[], store = extensionStore()): Promise<Array<Pack | undefined>> {
  if (ids.length === 0) return [];
  return getMany<Pack | undefined>(ids.map(KEYS.pack), store);
}

/** The subscribed feeds by address; none when the key was never written. */
export async function readFeeds(store = extensionStore()): Promise<FeedRecords> {
  return (await get<FeedRecords>(KEYS.feeds, store)) ?? {};
}

/** The unfinished *Create a pack* form as stored; undefined when there is none (lib/packs/builder.ts reads it). */
export function readPackDraft(store = extensionStore()): Promise<unknown> {
  return get(KEYS.packDraft, store);
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

/** Runs the migrations only when the stored schema is behind: one small read on every worker start. */
export async function ensureSchema(store = extensionStore()): Promise<MigrationOutcome> {
  const [schema, settings, packIndex, commanders] = await getMany<unknown>(HEAD_KEYS, store);
  if (schema === SCHEMA_VERSION && headDamage(settings, packIndex, commanders) === undefined) return { ok: true, from: SCHEMA_VERSION, schema: SCHEMA_VERSION };
  return (await loadUpgrade()).migrate(store);
}
