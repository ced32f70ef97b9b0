// Backups: everything a Commander would miss (progress, settings, imported packs) as one JSON file with a
// format version. Pure; lib/backup/reader.ts checks a file, lib/storage/writes.ts exports and restores.
import { defaultSettings, type Settings } from '../commander/settings';
import type { Pack } from '../packs/types';
import type { FeedRecords } from '../feeds/feed-record';
import { KEYS, PACK_PREFIX, progressKeyIds, SCHEMA_VERSION, type PackIndex, type ProgressByCommander, type ProgressByPack } from '../storage/stored-data';
import type { PackProgress } from '../commander/progress';
import { defaultCommanders, type Commanders } from '../commander/commanders';
import { createFirstCommander } from '../storage/migrations';

export const BACKUP_FORMAT = 'stfc-milestone-backup';
export const BACKUP_VERSION = 1;
export { MAX_BACKUP_BYTES } from '../storage/limits';

export interface BackupEntries {
  settings: Settings;
  /** Every Commander with its followed tracks, and the active one. */
  commanders: Commanders;
  /**
   * Progress by Commander id, then pack id. The store keeps one `progress:<commanderId>:<packId>` key
   * each; the file keeps them together.
   */
  progress: ProgressByCommander;
  packIndex: PackIndex;
  /** Imported packs by id; the built-in pack ships with the extension and is never in a backup. */
  packs: Record<string, Pack>;
  /** Subscribed feeds by address; absent in backups made before feeds existed, and when there are none. */
  feeds?: FeedRecords;
}

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  /** ISO 8601 instant, for people; restore does not depend on it. */
  exportedAt: string;
  /** The store's schema version the entries follow. */
  schema: number;
  entries: BackupEntries;
}

/**
 * The backup of a store's contents (as readEverything returns them). The notification log is left
 * out: it is this device's memory of what it has shown, not the Commander's data.
 */
export function backupOf(everything: Record<string, unknown>, now: number): Backup {
  const packs: Record<string, Pack> = {};
  const progress: ProgressByCommander = {};
  for (const [key, value] of Object.entries(everything)) {
    if (key.startsWith(PACK_PREFIX)) packs[key.slice(PACK_PREFIX.length)] = value as Pack;
    const ids = progressKeyIds(key);
    if (ids) (progress[ids.commanderId] ??= {})[ids.packId] = value as PackProgress;
  }
  const schema = everything[KEYS.schema];
  const feeds = everything[KEYS.feeds] as FeedRecords | undefined;
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date(now).toISOString(),
    schema: typeof schema === 'number' ? schema : SCHEMA_VERSION,
    entries: {
      settings: (everything[KEYS.settings] as Settings | undefined) ?? defaultSettings(),
      commanders: (everything[KEYS.commanders] as Commanders | undefined) ?? defaultCommanders(),
      progress,
      packIndex: (everything[KEYS.packIndex] as PackIndex | undefined) ?? {},
      packs,
      ...(feeds && Object.keys(feeds).length > 0 ? { feeds } : {}),
    },
  };
}

/** Compact (no indentation): indenting a pack's deep JSON made five 1 MB packs a 20.8 MB file, over MAX_BACKUP_BYTES. */
export function serialiseBackup(backup: Backup): string {
  return `${JSON.stringify(backup)}\n`;
}

/** `stfc-milestone-backup-2024-05-01.json` (the UTC date of `now`). */
export const backupFileName = (now: number): string => `stfc-milestone-backup-${new Date(now).toISOString().slice(0, 10)}.json`;

/** The entries of a backup made before Commanders (schemas 1 and 2): progress by pack, followed tracks in the settings. */
export interface SingleCommanderEntries extends Omit<BackupEntries, 'commanders' | 'progress' | 'settings'> {
  settings: { packs: Record<string, Settings['packs'][string] & { followedTrackId?: string }>; notifications: Settings['notifications'] };
  progress: ProgressByPack;
}

/**
 * A backup from before Commanders, as one Commander: the same step as the store's upgrade from schema 2
 * (lib/storage/migrations.ts), run on the file's entries in memory.
 */
export function withFirstCommander(entries: SingleCommanderEntries): BackupEntries {
  const { progress, settings, ...rest } = entries;
  const stored = new Map<string, unknown>([[KEYS.settings, settings]]);
  for (const [packId, pack] of Object.entries(progress)) stored.set(`progress:${packId}`, pack);
  const step = createFirstCommander(stored);
  const upgraded = new Map(step.put);
  const byPack: ProgressByCommander = {};
  for (const [key, value] of upgraded) {
    const ids = progressKeyIds(key);
    if (ids) (byPack[ids.commanderId] ??= {})[ids.packId] = value as PackProgress;
  }
  return {
    ...rest,
    settings: upgraded.get(KEYS.settings) as Settings,
    commanders: upgraded.get(KEYS.commanders) as Commanders,
    progress: byPack,
  };
}

/**
 * The store entries a backup restores to, in the current layout (lib/storage/stored-data.ts): its
 * progress becomes one `progress:<commanderId>:<packId>` key each.
 */
export function storeEntriesOf(backup: Backup): Record<string, unknown> {
  const entries: Record<string, unknown> = {
    [KEYS.schema]: SCHEMA_VERSION,
    [KEYS.settings]: backup.entries.settings,
    [KEYS.commanders]: backup.entries.commanders,
    [KEYS.packIndex]: backup.entries.packIndex,
  };
  for (const [commanderId, byPack] of Object.entries(backup.entries.progress)) {
    for (const [packId, progress] of Object.entries(byPack)) entries[KEYS.progress(commanderId, packId)] = progress;
  }
  for (const [id, pack] of Object.entries(backup.entries.packs)) entries[KEYS.pack(id)] = pack;
  if (backup.entries.feeds) entries[KEYS.feeds] = backup.entries.feeds;
  return entries;
}

/** What a backup holds, for the confirmation before a restore. */
export function backupSummary(backup: Backup): { packs: number; commanders: number; completed: number; exportedAt: string } {
  let completed = 0;
  for (const byPack of Object.values(backup.entries.progress)) {
    for (const pack of Object.values(byPack)) {
      for (const track of Object.values(pack.tracks)) {
        for (const milestone of Object.values(track.milestones)) if (milestone.completedAt !== undefined) completed++;
      }
    }
  }
  return { packs: Object.keys(backup.entries.packs).length, commanders: backup.entries.commanders.list.length, completed, exportedAt: backup.exportedAt };
}

