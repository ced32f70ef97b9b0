// The one module that touches IndexedDB. Every read-modify-write is one idb-keyval update(): one
// readwrite transaction, so the popup, the side panel and the background never lose each other's changes.
import { createStore, get, getMany, update, keys as storedKeys, type UseStore } from 'idb-keyval';
import type { Pack } from './pack-types';
import { emptyPackProgress, type PackProgress } from './progress';
import { defaultSettings, type Settings } from './settings';

export const DB_NAME = 'stfc-milestone-tracker';
export const STORE_NAME = 'kv';
export const SCHEMA_VERSION = 1;

/**
 * The keys, in one place: `schema`, `settings`, `progress` (all packs), `packIndex` (which packs are
 * imported, so views know what to load without reading every pack) and one `pack:<id>` per imported pack.
 */
export const KEYS = {
  schema: 'schema',
  settings: 'settings',
  progress: 'progress',
  packIndex: 'packIndex',
  pack: (id: string) => `pack:${id}`,
} as const;

export type ProgressByPack = Record<string, PackProgress>;

export interface PackIndexEntry {
  title: string;
  importedAt: number;
}
export type PackIndex = Record<string, PackIndexEntry>;

let defaultStore: UseStore | undefined;

/** The extension's own object store, opened lazily so importing this module costs nothing. */
export function extensionStore(): UseStore {
  defaultStore ??= createStore(DB_NAME, STORE_NAME);
  return defaultStore;
}

/** Upgrades from version N to N + 1, run in order inside one transaction. None yet: schema 1 is the first. */
export type Migration = (read: (key: string) => unknown) => Array<[string, unknown]>;
export const MIGRATIONS: Record<number, Migration> = {};

export interface Snapshot {
  schema: number;
  settings: Settings;
  progress: ProgressByPack;
  packIndex: PackIndex;
}

/** Settings, all progress and the pack index in one read; packs are read separately, only the ones a view needs. */
export async function readSnapshot(store = extensionStore()): Promise<Snapshot> {
  const [schema, settings, progress, packIndex] = await getMany<unknown>(
    [KEYS.schema, KEYS.settings, KEYS.progress, KEYS.packIndex],
    store,
  );
  return {
    schema: typeof schema === 'number' ? schema : SCHEMA_VERSION,
    settings: (settings as Settings | undefined) ?? defaultSettings(),
    progress: (progress as ProgressByPack | undefined) ?? {},
    packIndex: (packIndex as PackIndex | undefined) ?? {},
  };
}

export async function readPacks(ids: string[], store = extensionStore()): Promise<Array<Pack | undefined>> {
  if (ids.length === 0) return [];
  return getMany<Pack | undefined>(ids.map(KEYS.pack), store);
}

/** Every imported pack, for the options page. */
export async function readAllPacks(store = extensionStore()): Promise<Pack[]> {
  const packKeys = (await storedKeys(store)).filter((k): k is string => typeof k === 'string' && k.startsWith('pack:'));
  return (await getMany<Pack | undefined>(packKeys, store)).filter((pack): pack is Pack => pack !== undefined);
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

/** Removes an imported pack together with its progress and settings, in one transaction. */
export async function removePack(packId: string, store = extensionStore()): Promise<void> {
  await store('readwrite', (objects) => {
    objects.delete(KEYS.pack(packId));
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

/** Replaces everything with `entries` in one transaction: a restore either fully lands or changes nothing. */
export async function replaceEverything(entries: Record<string, unknown>, store = extensionStore()): Promise<void> {
  await store('readwrite', (objects) => {
    objects.clear();
    for (const [key, value] of Object.entries(entries)) objects.put(value, key);
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
