// The store's writes: every read-modify-write is one readwrite transaction, so the popup, the side panel
// and the background never lose each other's changes. With store-adapter.ts (the connection and the
// reads), the only IndexedDB code; apart from it so that a view's first paint loads no write code.
import { del, set, update } from 'idb-keyval';
import type { Pack } from '../packs/types';
import type { FeedRecord, FeedRecords } from '../feeds/feed-record';
import { emptyPackProgress, type PackProgress } from '../commander/progress';
import { defaultSettings, type Settings } from '../commander/settings';
import { defaultCommanders, followedTrackOf, type Commanders } from '../commander/commanders';
import { withFollowedTrack, withoutCommander, withoutPack } from '../commander/commander-changes';
import { extensionStore, progressKeys } from './store-adapter';
import { feedsBytesRefusal, followedTracksGrowthRefusal, LimitReached, packSettingsGrowthRefusal, progressBytesRefusal, progressPacksRefusal, storedBytes } from './limits';
import { KEYS, NOTIFIED_MEMORY_MS, progressKeyIds, type NotifiedLog, type PackIndex } from './stored-data';

const commanderProgressKeys = (commanderId: string) => IDBKeyRange.bound(KEYS.progress(commanderId, ''), KEYS.progress(commanderId, '\uffff'));

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
  commanderId: string,
  packId: string,
  change: (progress: PackProgress) => PackProgress,
  store = extensionStore(),
): Promise<PackProgress> {
  let next!: PackProgress;
  const started = performance.now();
  // Only this Commander's record of this pack is read and rewritten: a click costs the same however much
  // else is stored. A refused write (LimitReached) puts nothing, so the transaction commits unchanged.
  await store('readwrite', (objects) => {
    return new Promise<void>((resolve, reject) => {
      const key = KEYS.progress(commanderId, packId);
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
        // A first record (of this Commander in this pack): only while there is room for one more, counted
        // over every Commander's records, so the largest backup stays what the limits say.
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

export async function updateCommanders(change: (commanders: Commanders) => Commanders, store = extensionStore()): Promise<Commanders> {
  let next!: Commanders;
  await update<Commanders>(KEYS.commanders, (current) => (next = change(current ?? defaultCommanders())), store);
  return next;
}

/** Removes a Commander (never the last) with all its progress, in one transaction. */
export async function removeCommander(commanderId: string, store = extensionStore()): Promise<void> {
  await store('readwrite', (objects) => {
    const request = objects.get(KEYS.commanders);
    request.onsuccess = () => {
      const commanders = (request.result as Commanders | undefined) ?? defaultCommanders();
      const next = withoutCommander(commanders, commanderId);
      if (next === commanders) return;
      objects.put(next, KEYS.commanders);
      objects.delete(commanderProgressKeys(commanderId));
    };
    return promisifyTransaction(objects.transaction);
  });
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

/** Marks the packs as changed, in the transaction that changes them (KEYS.packsRevision: contexts holding them read them again). */
const packsChanged = (objects: IDBObjectStore) => objects.put(crypto.randomUUID(), KEYS.packsRevision);

/** Stores an imported pack and lists it in the index, in one transaction. Progress is untouched. */
export async function savePack(pack: Pack, importedAt: number, store = extensionStore()): Promise<void> {
  await store('readwrite', (objects) => {
    objects.put(pack, KEYS.pack(pack.id));
    packsChanged(objects);
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
    packsChanged(objects);
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
      // Every Commander sees the pack: each one that follows none of its tracks follows `follow`.
      rewrite<Commanders>(objects, KEYS.commanders, (commanders = defaultCommanders()) => {
        let next = commanders;
        for (const commander of commanders.list) {
          const current = followedTrackOf(commander, pack.id);
          if (!pack.tracks.some((t) => t.id === current)) next = withFollowedTrack(next, commander.id, pack.id, follow);
        }
        // The backup cap counts at most MAX_PACK_SETTINGS followed tracks per Commander.
        next.list.forEach((commander, i) => {
          const refusal = followedTracksGrowthRefusal(Object.keys(commanders.list[i]?.tracks ?? {}).length, Object.keys(commander.tracks).length);
          if (refusal) throw new LimitReached(refusal);
        });
        return next;
      });
    }
    return promisifyTransaction(objects.transaction);
  });
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

/** Removes an imported pack together with every Commander's progress and track in it, its settings and the feed it came from, in one transaction. */
export async function removePack(packId: string, store = extensionStore()): Promise<void> {
  await store('readwrite', (objects) => {
    objects.delete(KEYS.pack(packId));
    packsChanged(objects);
    const feeds = objects.get(KEYS.feeds);
    feeds.onsuccess = () => {
      const stored = feeds.result as FeedRecords | undefined;
      if (!stored) return;
      const kept = Object.entries(stored).filter(([, feed]) => feed.kind !== 'pack' || feed.packId !== packId);
      if (kept.length < Object.keys(stored).length) objects.put(Object.fromEntries(kept), KEYS.feeds);
    };
    rewrite<PackIndex>(objects, KEYS.packIndex, (index = {}) => withoutKey(index, packId));
    const progress = objects.getAllKeys(progressKeys());
    progress.onsuccess = () => {
      for (const key of progress.result) if (progressKeyIds(String(key))?.packId === packId) objects.delete(key);
    };
    rewrite<Commanders>(objects, KEYS.commanders, (commanders = defaultCommanders()) => withoutPack(commanders, packId));
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
    transaction.onabort = transaction.onerror = () => reject(refusals.get(transaction) ?? transaction.error);
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
      packsChanged(objects);
    };
    return promisifyTransaction(objects.transaction);
  });
}

/** Keeps the unfinished *Create a pack* form, or forgets it (undefined). */
export async function writePackDraft(draft: unknown, store = extensionStore()): Promise<void> {
  await (draft === undefined ? del(KEYS.packDraft, store) : set(KEYS.packDraft, draft, store));
}

/**
 * Deletes the progress kept for a pack that is not installed (every Commander's), in one transaction;
 * does nothing when the pack is installed by then (its progress goes only with the pack, through removePack).
 */
export async function removeKeptProgress(packId: string, store = extensionStore()): Promise<void> {
  await store('readwrite', (objects) => {
    const index = objects.get(KEYS.packIndex);
    const keys = objects.getAllKeys(progressKeys());
    keys.onsuccess = () => {
      if (Object.hasOwn((index.result as PackIndex | undefined) ?? {}, packId)) return;
      for (const key of keys.result) if (progressKeyIds(String(key))?.packId === packId) objects.delete(key);
    };
    return promisifyTransaction(objects.transaction);
  });
}
