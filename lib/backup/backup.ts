// Backups: everything a Commander would miss (progress, settings, imported packs) as one JSON file with a
// format version. Pure; lib/backup/reader.ts checks a file, lib/storage/writes.ts exports and restores.
import { defaultSettings, type Settings } from '../commander/settings';
import type { Pack } from '../packs/types';
import type { FeedRecords } from '../feeds/feed-record';
import { KEYS, PACK_PREFIX, progressKeyPackId, SCHEMA_VERSION, type PackIndex, type ProgressByPack } from '../storage/stored-data';
import type { PackProgress } from '../commander/progress';

export const BACKUP_FORMAT = 'stfc-milestone-backup';
export const BACKUP_VERSION = 1;
export { MAX_BACKUP_BYTES } from '../storage/limits';

export interface BackupEntries {
  settings: Settings;
  /**
   * Progress by pack id. The store keeps one `progress:<id>` key per pack since schema 2; the file keeps
   * them together, as schema 1 did, so backups of both schemas have the same shape.
   */
  progress: ProgressByPack;
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
  const progress: ProgressByPack = {};
  for (const [key, value] of Object.entries(everything)) {
    if (key.startsWith(PACK_PREFIX)) packs[key.slice(PACK_PREFIX.length)] = value as Pack;
    const progressOf = progressKeyPackId(key);
    if (progressOf !== undefined) progress[progressOf] = value as PackProgress;
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

/**
 * The store entries a backup restores to, in the current layout (lib/storage/stored-data.ts) whichever
 * schema the backup names: its progress by pack becomes one `progress:<id>` key per pack.
 */
export function storeEntriesOf(backup: Backup): Record<string, unknown> {
  const entries: Record<string, unknown> = {
    [KEYS.schema]: SCHEMA_VERSION,
    [KEYS.settings]: backup.entries.settings,
    [KEYS.packIndex]: backup.entries.packIndex,
  };
  for (const [id, progress] of Object.entries(backup.entries.progress)) entries[KEYS.progress(id)] = progress;
  for (const [id, pack] of Object.entries(backup.entries.packs)) entries[KEYS.pack(id)] = pack;
  if (backup.entries.feeds) entries[KEYS.feeds] = backup.entries.feeds;
  return entries;
}

/** What a backup holds, for the confirmation before a restore. */
export function backupSummary(backup: Backup): { packs: number; completed: number; exportedAt: string } {
  let completed = 0;
  for (const pack of Object.values(backup.entries.progress)) {
    for (const track of Object.values(pack.tracks)) {
      for (const milestone of Object.values(track.milestones)) if (milestone.completedAt !== undefined) completed++;
    }
  }
  return { packs: Object.keys(backup.entries.packs).length, completed, exportedAt: backup.exportedAt };
}

