// What is stored, under which key, in which schema: the layout every reader and writer of the store
// shares. Pure: the IndexedDB code is lib/storage/store-adapter.ts.
import type { PackProgress } from '../commander/progress';
import { defaultSettings, type Settings } from '../commander/settings';
import { DAY_MS } from '../schedule/units';

export const SCHEMA_VERSION = 1;

/**
 * The keys, in one place: `schema`, `settings`, `progress` (all packs), `packIndex` (which packs are
 * imported, so views know what to load without reading every pack), one `pack:<id>` per imported pack,
 * `notified` (which notifications this device has shown, so a restarted worker never repeats one), and
 * `feeds` (the subscribed feeds by address, lib/feeds/feed-record.ts). `feeds` came after schema 1 without
 * a migration: an absent value means no feeds, which is exactly what an older store holds.
 */
export const KEYS = {
  schema: 'schema',
  settings: 'settings',
  progress: 'progress',
  packIndex: 'packIndex',
  notified: 'notified',
  feeds: 'feeds',
  pack: (id: string) => `pack:${id}`,
} as const;

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
  progress: ProgressByPack;
  packIndex: PackIndex;
}

export const SNAPSHOT_KEYS = [KEYS.schema, KEYS.settings, KEYS.progress, KEYS.packIndex];

/** The snapshot from the stored values of SNAPSHOT_KEYS, in that order; absent values read as defaults. */
export function snapshotOf([schema, settings, progress, packIndex]: unknown[]): Snapshot {
  return {
    schema: typeof schema === 'number' ? schema : SCHEMA_VERSION,
    settings: (settings as Settings | undefined) ?? defaultSettings(),
    progress: (progress as ProgressByPack | undefined) ?? {},
    packIndex: (packIndex as PackIndex | undefined) ?? {},
  };
}

