// Every write the extension makes: one transaction, then tell the other views and the background.
import { backupOf, storeEntriesOf } from '../backup/backup';
import { backupFileText, readBackupFile, type BackupFileResult } from '../backup/backup-file';
import { BUILTIN_PACK_ID } from '../packs/builtin';
import type { Pack } from '../packs/types';
import { KEYS } from './stored-data';
import { applyProgressChange, type ProgressChange } from '../commander/progress';
import { withPackSettings, type PackSettings, type Settings } from '../commander/settings';
import type { FeedRecord, FeedRecords } from '../feeds/feed-record';
import { StoreDamaged } from './migrations';
import { ensureSchema, extensionStore, installPack, readEverything, removeKeptProgress, removePack, replaceEverything, updateFeeds, updatePackProgress, updateSettings } from './store-adapter';
import type { Recording } from './changes';
import { announceChange } from './messaging-adapter';

export async function recordProgress(packId: string, change: ProgressChange, store = extensionStore()): Promise<void> {
  await updatePackProgress(packId, (progress) => applyProgressChange(progress, change), store);
  await announceChange({ what: 'progress', packId });
}

export async function recordPackSettings(packId: string, change: Partial<PackSettings>, store = extensionStore()): Promise<void> {
  await updateSettings((settings) => withPackSettings(settings, packId, change), store);
  await announceChange({ what: 'settings' });
}

export async function recordSettings(change: (settings: Settings) => Settings, store = extensionStore()): Promise<void> {
  await updateSettings(change, store);
  await announceChange({ what: 'settings' });
}

export function record(recording: Recording, store = extensionStore()): Promise<void> {
  return recording.what === 'progress'
    ? recordProgress(recording.packId, recording.change, store)
    : recordPackSettings(recording.packId, recording.change, store);
}

/** Stores a prepared pack (replacing one with its id), follows a track if none is followed, and tells the views. */
export async function commitImport(
  prepared: { pack: Pack; followTrackId: string },
  now: number,
  store = extensionStore(),
  feed?: FeedRecord,
): Promise<void> {
  await installPack(prepared.pack, { importedAt: now, followTrackId: prepared.followTrackId, ...(feed ? { feed } : {}) }, store);
  await announceChange({ what: 'packs', packId: prepared.pack.id });
}

/** Changes the feed records (one transaction) and tells the other views and the background. */
export async function recordFeeds(change: (feeds: FeedRecords) => FeedRecords, store = extensionStore()): Promise<FeedRecords> {
  const next = await updateFeeds(change, store);
  await announceChange({ what: 'feeds' });
  return next;
}

/** Removes an imported pack with its progress and settings (the built-in pack can only be hidden), and tells the views. */
export async function removeImportedPack(packId: string, store = extensionStore()): Promise<void> {
  if (packId === BUILTIN_PACK_ID) throw new Error('the built-in pack can be hidden, not removed');
  await removePack(packId, store);
  await announceChange({ what: 'packs', packId });
}

/** Deletes the progress kept for a pack that is not installed (the built-in pack always is), and tells the views. */
export async function deleteKeptProgress(packId: string, store = extensionStore()): Promise<void> {
  if (packId === BUILTIN_PACK_ID) throw new Error('the built-in pack is always installed; its progress stays');
  await removeKeptProgress(packId, store);
  await announceChange({ what: 'progress', packId });
}

/** The text of a backup of everything stored now (upgraded to the current layout first). */
export async function exportBackup(now: number, store = extensionStore()): Promise<string> {
  const outcome = await ensureSchema(store);
  if (!outcome.ok) throw new StoreDamaged(outcome.damage);
  return backupFileText(backupOf(await readEverything(store), now));
}

/**
 * Restores a backup given as JSON text: checks its digest and all of it, then replaces the store in one
 * transaction, in the current layout, and tells the views. A refused file changes nothing.
 */
export async function restoreBackup(text: string, store = extensionStore()): Promise<BackupFileResult> {
  const read = await readBackupFile(text);
  if (!read.ok) return read;
  await replaceEverything(storeEntriesOf(read.value), store, [KEYS.notified]);
  await announceChange({ what: 'everything' });
  return read;
}
