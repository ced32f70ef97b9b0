// Helpers for browser tests that set up the extension's stored data and read what the toolbar shows.
// They write the stored format directly (raw IndexedDB, as idb-keyval lays it out), not through lib/storage/store-adapter.ts,
// so a test fails when the extension stops reading data that an installed copy has already stored.
import type { Page, Worker } from 'playwright-core';
import { BADGE_COLOURS, type BadgeColour } from '../../lib/badge/rules';
import { pollUntil, type PollOptions } from '../helpers/poll';

/** The stored format: one database, one object store, each value stored under its key (idb-keyval). */
export const STORED = {
  database: 'stfc-milestone-tracker',
  objectStore: 'kv',
  schema: 3,
  keys: {
    schema: 'schema',
    settings: 'settings',
    /** The Commanders, with the track each follows per pack (schema 3). */
    commanders: 'commanders',
    /** One key per Commander's progress in a pack (schema 3); the first Commander's by default. */
    progress: (packId: string, commanderId = 'c1') => `progress:${commanderId}:${packId}`,
    packIndex: 'packIndex',
    pack: (id: string) => `pack:${id}`,
  },
} as const;

export const BUILTIN_PACK_ID = 'heroes-and-villains-2023-11';

/** The stored Commanders: one, `c1`, following `tracks` (pack id → track id), as a first install has it. */
export function oneCommander(tracks: Record<string, string>, reset?: { time: string; zone: string }): Record<string, unknown> {
  return { activeId: 'c1', list: [{ id: 'c1', name: 'Commander 1', tracks, ...(reset ? { reset } : {}) }] };
}

/** The reset a Commander past the first run answered, giving the times the built-in arc's dates give anyway. */
export const UTC_MIDNIGHT_RESET = { time: '00:00', zone: 'UTC' };

/** Where extension code runs: an extension page (popup.html, options.html, ...) or the service worker. */
export type ExtensionContext = Page | Worker;

/** [r, g, b, alpha] as chrome.action.getBadgeBackgroundColor answers. */
export type Rgba = [number, number, number, number];

export interface ShownBadge {
  text: string;
  colour: Rgba;
  title: string;
}

// The only Chrome APIs these helpers call, inside the extension.
declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  action: {
    getBadgeText(details: object): Promise<string>;
    getBadgeBackgroundColor(details: object): Promise<Rgba>;
    getTitle(details: object): Promise<string>;
  };
};

function evaluateIn<A, R>(target: ExtensionContext, fn: (arg: A) => Promise<R>, arg: A): Promise<R> {
  // Page and Worker have the same evaluate(); TypeScript cannot call it on their union, nor match a
  // generic argument against playwright's Unboxed<A>. The argument is plain data, so it arrives as is.
  const run = fn as (arg: unknown) => Promise<R>;
  return 'goto' in target ? target.evaluate(run, arg as unknown) : target.evaluate(run, arg as unknown);
}

interface StoreArg {
  database: string;
  objectStore: string;
}

/**
 * Puts each entry under its key in one readwrite transaction, from inside the extension (its origin
 * owns the database). Creates the database the way idb-keyval does if the extension has not yet.
 */
export async function writeStore(target: ExtensionContext, entries: Record<string, unknown>): Promise<void> {
  await evaluateIn(
    target,
    async ({ database, objectStore, entries }: StoreArg & { entries: Record<string, unknown> }) => {
      const open = indexedDB.open(database);
      open.onupgradeneeded = () => open.result.createObjectStore(objectStore);
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      try {
        const transaction = db.transaction(objectStore, 'readwrite');
        const objects = transaction.objectStore(objectStore);
        for (const [key, value] of Object.entries(entries)) objects.put(value, key);
        // Packs written by hand: no context may keep the ones it read before (lib/storage/stored-data.ts, packsRevision).
        if (Object.keys(entries).some((key) => key.startsWith('pack:'))) objects.delete('packsRevision');
        await new Promise<void>((resolve, reject) => {
          transaction.oncomplete = () => resolve();
          transaction.onabort = transaction.onerror = () => reject(transaction.error);
        });
      } finally {
        db.close();
      }
    },
    { database: STORED.database, objectStore: STORED.objectStore, entries },
  );
}

/**
 * Replaces everything stored with `entries`, in one transaction: with no entries, the store is as a new browser
 * profile has it. Announce the change (announceStoreChange) for the background and open views to re-read.
 */
export async function replaceStore(target: ExtensionContext, entries: Record<string, unknown> = {}): Promise<void> {
  await evaluateIn(
    target,
    async ({ database, objectStore, entries }: StoreArg & { entries: Record<string, unknown> }) => {
      const open = indexedDB.open(database);
      open.onupgradeneeded = () => open.result.createObjectStore(objectStore);
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      try {
        const transaction = db.transaction(objectStore, 'readwrite');
        const objects = transaction.objectStore(objectStore);
        objects.clear();
        for (const [key, value] of Object.entries(entries)) objects.put(value, key);
        await new Promise<void>((resolve, reject) => {
          transaction.oncomplete = () => resolve();
          transaction.onabort = transaction.onerror = () => reject(transaction.error);
        });
      } finally {
        db.close();
      }
    },
    { database: STORED.database, objectStore: STORED.objectStore, entries },
  );
}

/** The stored values of `keys` (undefined where nothing is stored), read in one transaction. */
export async function readStore(target: ExtensionContext, keys: string[]): Promise<Record<string, unknown>> {
  return evaluateIn(
    target,
    async ({ database, objectStore, keys }: StoreArg & { keys: string[] }) => {
      const open = indexedDB.open(database);
      open.onupgradeneeded = () => open.result.createObjectStore(objectStore);
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      try {
        const objects = db.transaction(objectStore, 'readonly').objectStore(objectStore);
        const values = await Promise.all(
          keys.map(
            (key) =>
              new Promise<unknown>((resolve, reject) => {
                const request = objects.get(key);
                request.onsuccess = () => resolve(request.result);
                request.onerror = () => reject(request.error);
              }),
          ),
        );
        return Object.fromEntries(keys.map((key, i) => [key, values[i]]));
      } finally {
        db.close();
      }
    },
    { database: STORED.database, objectStore: STORED.objectStore, keys },
  );
}

/**
 * Tells the background (and open views) that the store changed, with the message lib/storage/messaging-adapter.ts sends.
 * Must run in an extension page: a service worker's runtime.sendMessage does not reach itself.
 * The background answers after it has refreshed, so the badge is current once this resolves.
 */
export async function announceStoreChange(page: Page, data: unknown = { what: 'everything' }): Promise<unknown> {
  return page.evaluate(
    (change) => chrome.runtime.sendMessage({ id: 1, type: 'storeChanged', data: change, timestamp: Date.now() }),
    data,
  );
}

/** The global badge as the toolbar shows it, read in the service worker. */
export async function readBadge(worker: Worker): Promise<ShownBadge> {
  return worker.evaluate(async () => {
    const [text, colour, title] = await Promise.all([
      chrome.action.getBadgeText({}),
      chrome.action.getBadgeBackgroundColor({}),
      chrome.action.getTitle({}),
    ]);
    return { text, colour, title };
  });
}

/**
 * Polls the badge until `accept` holds and returns it; throws with the last badge seen after `timeout` ms.
 */
export function waitForBadge(
  worker: Worker,
  accept: (badge: ShownBadge) => boolean,
  { timeout = 10_000, interval = 100 }: PollOptions = {},
): Promise<ShownBadge> {
  return pollUntil(
    async () => {
      const badge = await readBadge(worker);
      if (!accept(badge)) {
        throw new Error(`The badge did not reach the expected state within ${timeout} ms; last seen: ${JSON.stringify(badge)}`);
      }
      return badge;
    },
    { timeout, interval },
  );
}

/** `#rrggbb` → [r, g, b, 255], as Chrome reports a colour set from that string. */
export function hexToRgba(hex: string): Rgba {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new Error(`Not a #rrggbb colour: ${hex}`);
  return [parseInt(match[1]!, 16), parseInt(match[2]!, 16), parseInt(match[3]!, 16), 255];
}

/** The badge background Chrome reports for one of the badge rules' colours. */
export const badgeRgba = (colour: BadgeColour): Rgba => hexToRgba(BADGE_COLOURS[colour]);

export const sameColour = (a: readonly number[], b: readonly number[]): boolean =>
  a.length === b.length && a.every((value, i) => value === b[i]);

export interface StoredPack {
  id: string;
  title: string;
  tracks: Array<{ id: string }>;
}

/**
 * The entries of a store holding just `pack`, following `followedTrackId`, with the built-in pack hidden
 * and notifications off: a fixed starting point that does not depend on today's date.
 */
export function onePackStore(
  pack: StoredPack,
  { followedTrackId, importedAt = Date.now() }: { followedTrackId: string; importedAt?: number },
): Record<string, unknown> {
  return {
    [STORED.keys.schema]: STORED.schema,
    [STORED.keys.pack(pack.id)]: pack,
    [STORED.keys.packIndex]: { [pack.id]: { title: pack.title, importedAt } },
    [STORED.keys.settings]: {
      packs: { [BUILTIN_PACK_ID]: { hidden: true } },
      notifications: { enabled: false, minutesBeforeEnd: 60, onStart: false },
    },
    [STORED.keys.commanders]: oneCommander({ [pack.id]: followedTrackId }),
  };
}
