// Every write the extension makes: one transaction, then tell the other views and the background.
import { backupOf, storeEntriesOf } from '../backup/backup';
import { backupFileText, readBackupFile, type BackupFileResult } from '../backup/backup-file';
import { BUILTIN_PACK_ID } from '../packs/builtin';
import type { Pack } from '../packs/types';
import type { PackDraft } from '../packs/builder';
import { KEYS } from './stored-data';
import { applyProgressChange, type ProgressChange } from '../commander/progress-change';
import { withPackSettings, type PackSettings, type Settings } from '../commander/settings';
import type { FeedRecord, FeedRecords } from '../feeds/feed-record';
import { StoreDamaged } from './damage';
import { ensureSchema, extensionStore, readEverything } from './store-adapter';
import {
  installPack,
  removeCommander,
  removeKeptProgress,
  removePack,
  replaceEverything,
  updateCommanders,
  updateFeeds,
  updatePackProgress,
  updateSettings,
  writePackDraft,
} from './store-writes-adapter';
import { type Commanders } from '../commander/commanders';
import { withActiveCommander, withCommanderAdded, withCommanderRenamed, withCommanderReset, withFollowedTrack, type CommanderLabel } from '../commander/commander-changes';
import type { Recording, StoreChange } from './changes';
import { announceChange } from './messaging-adapter';

export const recordProgress = (commanderId: string, packId: string, change: ProgressChange, store = extensionStore()): Promise<void> =>
  record({ what: 'progress', commanderId, packId, change }, store);

/** Changes the Commanders (one transaction) and tells the views; `change` returns them unchanged to refuse. */
export async function recordCommanders(change: (commanders: Commanders) => Commanders, store = extensionStore()): Promise<Commanders> {
  const next = await updateCommanders(change, store);
  await announceChange({ what: 'commanders' });
  return next;
}

/**
 * Adds a Commander (checked against what is stored, inside the write) and tells the views; the refusal
 * in the player's words otherwise, with nothing written.
 */
export async function addCommander(label: CommanderLabel, store = extensionStore()): Promise<{ ok: true; id: string } | { ok: false; problem: string }> {
  let outcome!: { ok: true; id: string } | { ok: false; problem: string };
  await updateCommanders((commanders) => {
    const added = withCommanderAdded(commanders, label);
    outcome = added.ok ? { ok: true, id: added.id } : added;
    return added.ok ? added.commanders : commanders;
  }, store);
  if (outcome.ok) await announceChange({ what: 'commanders' });
  return outcome;
}

/** Renames a Commander (and sets its server label), or says why not, writing nothing. */
export async function renameCommander(id: string, label: CommanderLabel, store = extensionStore()): Promise<{ ok: true } | { ok: false; problem: string }> {
  let outcome!: { ok: true } | { ok: false; problem: string };
  await updateCommanders((commanders) => {
    const renamed = withCommanderRenamed(commanders, id, label);
    outcome = renamed.ok ? { ok: true } : renamed;
    return renamed.ok ? renamed.commanders : commanders;
  }, store);
  if (outcome.ok) await announceChange({ what: 'commanders' });
  return outcome;
}

/** Removes a Commander with all its progress (the last one stays), and tells the views. */
export async function removeCommanderAndProgress(commanderId: string, store = extensionStore()): Promise<void> {
  await removeCommander(commanderId, store);
  await announceChange({ what: 'commanders' });
}

export const recordPackSettings = (packId: string, change: Partial<PackSettings>, store = extensionStore()): Promise<void> =>
  record({ what: 'packSettings', packId, change }, store);

export async function recordSettings(change: (settings: Settings) => Settings, store = extensionStore()): Promise<void> {
  await updateSettings(change, store);
  await announceChange({ what: 'settings' });
}

/**
 * Stores a view's recording (one transaction) and returns the change to announce, without announcing it:
 * a view shows its own click as soon as it is stored (lib/storage/remote-store.ts), while the other views
 * and the badge catch up on the announcement. `record` does both.
 */
export async function storeRecording(recording: Recording, store = extensionStore()): Promise<StoreChange> {
  switch (recording.what) {
    case 'progress':
      await updatePackProgress(recording.commanderId, recording.packId, (progress) => applyProgressChange(progress, recording.change), store);
      return { what: 'progress', packId: recording.packId };
    case 'follow':
      await updateCommanders((commanders) => withFollowedTrack(commanders, recording.commanderId, recording.packId, recording.trackId), store);
      return { what: 'commanders' };
    case 'packSettings':
      await updateSettings((settings) => withPackSettings(settings, recording.packId, recording.change), store);
      return { what: 'settings' };
    case 'activeCommander':
      await updateCommanders((commanders) => withActiveCommander(commanders, recording.commanderId), store);
      return { what: 'commanders' };
    case 'reset':
      await updateCommanders((commanders) => withCommanderReset(commanders, recording.commanderId, recording.reset), store);
      return { what: 'commanders' };
  }
}

/** Stores a recording and tells the other contexts, resolving once they have caught up. */
export async function record(recording: Recording, store = extensionStore()): Promise<void> {
  await announceChange(await storeRecording(recording, store));
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

/**
 * Keeps the *Create a pack* form's unfinished draft, or forgets it (undefined). Not announced: no other
 * view shows a draft, and a message per keystroke would make every open view re-read the store.
 */
export function recordPackDraft(draft: PackDraft | undefined, store = extensionStore()): Promise<void> {
  return writePackDraft(draft, store);
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
  await replaceEverything(storeEntriesOf(read.value), store, [KEYS.notified, KEYS.packDraft]);
  await announceChange({ what: 'everything' });
  return read;
}
