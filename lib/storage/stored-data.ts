// What is stored, under which key, in which schema: the layout every reader and writer of the store
// shares. Pure: the IndexedDB code is lib/storage/store-adapter.ts.
import type { PackProgress } from '../commander/progress';
import { defaultSettings, type Settings } from '../commander/settings';
import { DAY_MS } from '../schedule/units';

/** 1: all progress under one `progress` key. 2: one `progress:<packId>` key per pack. */
export const SCHEMA_VERSION = 2;

/**
 * The keys, in one place: `schema`, `settings`, one `progress:<id>` per pack with progress (so a click
 * rewrites only its own pack's record), `packIndex` (which packs are imported, so views know what to load
 * without reading every pack), one `pack:<id>` per imported pack, `notified` (which notifications this
 * device has shown, so a restarted worker never repeats one), and `feeds` (the subscribed feeds by
 * address, lib/feeds/feed-record.ts), and `packDraft` (what is typed in *Create a pack* and not yet added,
 * lib/packs/builder.ts's PackDraft, so leaving the page loses nothing). `feeds` and `packDraft` need no
 * migration: an absent value means no feeds and no draft, which is exactly what an older store holds. The
 * draft is this device's unfinished typing, like `notified`: not in backups, kept by a restore.
 */
export const KEYS = {
  schema: 'schema',
  settings: 'settings',
  packIndex: 'packIndex',
  notified: 'notified',
  progress: (packId: string) => `${PROGRESS_PREFIX}${packId}`,
  feeds: 'feeds',
  packDraft: 'packDraft',
  pack: (id: string) => `${PACK_PREFIX}${id}`,
} as const;

export const PROGRESS_PREFIX = 'progress:';
export const PACK_PREFIX = 'pack:';

/** The pack id of a `progress:<id>` key, else undefined. */
export const progressKeyPackId = (key: string): string | undefined =>
  key.startsWith(PROGRESS_PREFIX) ? key.slice(PROGRESS_PREFIX.length) : undefined;

/** Notification id → when it was shown. */
export type NotifiedLog = Record<string, number>;

/** How long a shown notification's id is remembered; far longer than any notification stays due. */
export const NOTIFIED_MEMORY_MS = 30 * DAY_MS;

export type ProgressByPack = Record<string, PackProgress>;

export interface PackIndexEntry {
  title: string;
  importedAt: number;
}
export type PackIndex = Record<string, PackIndexEntry>;

export interface Snapshot {
  schema: number;
  settings: Settings;
  /** The progress of the packs that were read: every pack for the options page, the shown ones for a view. */
  progress: ProgressByPack;
  packIndex: PackIndex;
}

/** What a view needs to choose which packs (and whose progress) to read. */
export type SnapshotHead = Omit<Snapshot, 'progress'>;

export const HEAD_KEYS = [KEYS.schema, KEYS.settings, KEYS.packIndex];

/** The head from the stored values of HEAD_KEYS, in that order; absent values read as defaults. */
export function headOf([schema, settings, packIndex]: unknown[]): SnapshotHead {
  return {
    schema: typeof schema === 'number' ? schema : SCHEMA_VERSION,
    settings: (settings as Settings | undefined) ?? defaultSettings(),
    packIndex: (packIndex as PackIndex | undefined) ?? {},
  };
}

/** The progress records read for `packIds` (undefined where a pack has none), by pack. */
export function progressOf(packIds: readonly string[], values: readonly unknown[]): ProgressByPack {
  const progress: ProgressByPack = {};
  packIds.forEach((id, i) => {
    if (values[i] !== undefined) progress[id] = values[i] as PackProgress;
  });
  return progress;
}
