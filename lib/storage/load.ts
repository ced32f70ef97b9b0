// What the views and the background read on open: one transaction for the snapshot, the progress of the
// packs they show and those packs, then the built-in pack's file only when the store shows that pack.
// A store not yet in the current layout is upgraded first; one this version cannot read is reported.
import { BUILTIN_PACK_ID, loadBuiltinPack } from '../packs/builtin';
import type { Pack } from '../packs/types';
import { optionsState, type OptionsState } from '../views/options-state';
import { builtinHidden, importedPackIds, trackerState, visiblePackIds, type TrackerState } from '../views/tracker-state';
import { StoreDamaged } from './damage';
import { extensionStore, readPacks, readSnapshot, readSnapshotAndPacks, StoreNotCurrent, type PacksToRead } from './store-adapter';
import type { Snapshot, SnapshotHead } from './stored-data';
import { loadUpgrade } from './upgrade-loader';

/**
 * Runs `read`; when the store is not in the current layout, upgrades it and reads once more. Rejects
 * with StoreDamaged when the store cannot be read, leaving it as it is.
 */
export async function readUpgraded<T>(read: () => Promise<T>, store = extensionStore()): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (!(error instanceof StoreNotCurrent)) throw error;
  }
  // The upgrade code is loaded only when a store needs it (lib/storage/upgrade-loader.ts).
  const outcome = await (await loadUpgrade()).migrate(store);
  if (!outcome.ok) throw new StoreDamaged(outcome.damage);
  try {
    return await read();
  } catch (error) {
    throw error instanceof StoreNotCurrent ? new StoreDamaged(error.message) : error;
  }
}

/**
 * The state from a snapshot and its visible imported packs, read here or elsewhere (the background
 * reads them for a private view), with the built-in pack when the snapshot shows it: only then is
 * its file read (lib/packs/builtin.ts).
 */
export async function trackerStateWithBuiltin(snapshot: Snapshot, imported: Array<Pack | undefined>): Promise<TrackerState> {
  return trackerState(snapshot, imported, builtinHidden(snapshot) ? undefined : await loadBuiltinPack());
}

/** The visible imported packs, and the progress of those and of the built-in pack unless it is hidden. */
export function shownPacks(head: SnapshotHead, everyCommander = false): PacksToRead {
  const packs = visiblePackIds(head);
  return { packs, progress: builtinHidden(head) ? packs : [BUILTIN_PACK_ID, ...packs], everyCommander };
}

/**
 * Reads the store once (one transaction), then the built-in pack's file if the store shows that pack: the
 * progress of the Commander the views show, or with `everyCommander` of every one (the badge).
 */
export async function loadTrackerState(store = extensionStore(), everyCommander = false): Promise<TrackerState> {
  const { snapshot, packs } = await readUpgraded(() => readSnapshotAndPacks((head) => shownPacks(head, everyCommander), store), store);
  return trackerStateWithBuiltin(snapshot, packs);
}

/** Every installed pack (hidden ones too) with its settings and progress, for the options page. */
export async function loadOptionsState(store = extensionStore()): Promise<OptionsState> {
  const snapshot = await readUpgraded(() => readSnapshot(store), store);
  return optionsState(snapshot, await readPacks(importedPackIds(snapshot), store));
}
