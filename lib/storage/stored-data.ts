// What is stored, under which key, in which schema: the layout every reader and writer of the store
// shares. Pure: the IndexedDB code is lib/storage/store-adapter.ts.
import type { PackProgress } from '../commander/progress';
import { defaultCommanders, type Commanders } from '../commander/commanders';
import { defaultSettings, type Settings } from '../commander/settings';
import { DAY_MS } from '../schedule/units';

/**
 * 1: all progress under one `progress` key. 2: one `progress:<packId>` key per pack. 3: Commanders:
 * `commanders` holds them with their followed tracks, progress is `progress:<commanderId>:<packId>`.
 */
export const SCHEMA_VERSION = 3;

/**
 * The keys, in one place: `schema`, `settings` (shared by every Commander: notifications, and per pack its
 * hidden flag and reset override), `commanders` (lib/commander/commanders.ts: the Commanders, each with the
 * track it follows per pack, and which one the views show), one `progress:<commanderId>:<packId>` per
 * Commander and pack with progress (so a click rewrites only its own pack's record of one Commander),
 * `packIndex` (which packs are imported, so views know what to load without reading every pack), one
 * `pack:<id>` per imported pack, `notified` (which notifications this device has shown, so a restarted
 * worker never repeats one), and `feeds` (the subscribed feeds by address, lib/feeds/feed-record.ts).
 * and `packDraft` (what is typed in *Create a pack* and not yet added, lib/packs/builder.ts's PackDraft, so
 * leaving the page loses nothing: this device's typing, like `notified`, not in backups and kept by a restore).
 * `packsRevision` is a random id written anew with every change of a `pack:` key (import, replace, removal, restore),
 * so that a context which read the packs before keeps them while it is unchanged: a click then re-reads progress,
 * not 32 MiB of packs. This device's, like `notified`: not in backups.
 * `feeds`, `packDraft` and `packsRevision` need no migration: an absent value means none (for `packsRevision`:
 * unknown, read every pack), which is exactly what an older store holds.
 * An absent `commanders` (a first install) reads as one Commander, `c1`.
 */
export const KEYS = {
  schema: 'schema',
  settings: 'settings',
  packIndex: 'packIndex',
  commanders: 'commanders',
  notified: 'notified',
  progress: (commanderId: string, packId: string) => `${PROGRESS_PREFIX}${commanderId}:${packId}`,
  feeds: 'feeds',
  packDraft: 'packDraft',
  packsRevision: 'packsRevision',
  pack: (id: string) => `${PACK_PREFIX}${id}`,
} as const;

export const PROGRESS_PREFIX = 'progress:';
export const PACK_PREFIX = 'pack:';

/** The Commander and pack of a `progress:<commanderId>:<packId>` key, else undefined (a schema-2 key too). */
export function progressKeyIds(key: string): { commanderId: string; packId: string } | undefined {
  if (!key.startsWith(PROGRESS_PREFIX)) return undefined;
  const rest = key.slice(PROGRESS_PREFIX.length);
  const colon = rest.indexOf(':');
  if (colon <= 0 || colon === rest.length - 1) return undefined;
  return { commanderId: rest.slice(0, colon), packId: rest.slice(colon + 1) };
}

/** Notification id → when it was shown. */
export type NotifiedLog = Record<string, number>;

/** How long a shown notification's id is remembered; far longer than any notification stays due. */
export const NOTIFIED_MEMORY_MS = 30 * DAY_MS;

export type ProgressByPack = Record<string, PackProgress>;
/** Commander id → that Commander's progress by pack. */
export type ProgressByCommander = Record<string, ProgressByPack>;

export interface PackIndexEntry {
  title: string;
  importedAt: number;
}
export type PackIndex = Record<string, PackIndexEntry>;

export interface Snapshot {
  schema: number;
  settings: Settings;
  commanders: Commanders;
  /** The progress that was read, by Commander: every pack for the options page, the shown ones for a view. */
  progress: ProgressByCommander;
  packIndex: PackIndex;
}

/** What a view needs to choose which packs (and whose progress) to read. */
export type SnapshotHead = Omit<Snapshot, 'progress'>;

export const HEAD_KEYS = [KEYS.schema, KEYS.settings, KEYS.packIndex, KEYS.commanders];

/** The head from the stored values of HEAD_KEYS, in that order; absent values read as defaults. */
export function headOf([schema, settings, packIndex, commanders]: unknown[]): SnapshotHead {
  return {
    schema: typeof schema === 'number' ? schema : SCHEMA_VERSION,
    settings: (settings as Settings | undefined) ?? defaultSettings(),
    packIndex: (packIndex as PackIndex | undefined) ?? {},
    commanders: (commanders as Commanders | undefined) ?? defaultCommanders(),
  };
}

/** The progress records read under `keys` (undefined where there are none), by Commander and pack. */
export function progressOf(keys: readonly string[], values: readonly unknown[]): ProgressByCommander {
  const progress: ProgressByCommander = {};
  keys.forEach((key, i) => {
    const ids = progressKeyIds(key);
    if (ids && values[i] !== undefined) (progress[ids.commanderId] ??= {})[ids.packId] = values[i] as PackProgress;
  });
  return progress;
}

/** The progress keys of `packIds` for every Commander of `head`. */
export const progressKeysOf = (head: SnapshotHead, packIds: readonly string[]): string[] =>
  head.commanders.list.flatMap((commander) => packIds.map((packId) => KEYS.progress(commander.id, packId)));

/** One Commander's progress of one pack, if any was read. */
export const progressFor = (snapshot: Snapshot, commanderId: string, packId: string): PackProgress | undefined => {
  const mine = snapshot.progress[commanderId];
  return mine && Object.hasOwn(mine, packId) ? mine[packId] : undefined;
};
