// What the views and the background read on open: one transaction for the snapshot and the packs they
// show, then the built-in pack's file only when the store shows that pack.
import { loadBuiltinPack } from '../packs/builtin';
import type { Pack } from '../packs/types';
import { optionsState, type OptionsState } from '../views/options-state';
import { builtinHidden, importedPackIds, trackerState, visiblePackIds, type TrackerState } from '../views/tracker-state';
import { extensionStore, readPacks, readSnapshot, readSnapshotAndPacks } from './store-adapter';
import type { Snapshot } from './stored-data';

/**
 * The state from a snapshot and its visible imported packs, read here or elsewhere (the background
 * reads them for a private view), with the built-in pack when the snapshot shows it: only then is
 * its file read (lib/packs/builtin.ts).
 */
export async function trackerStateWithBuiltin(snapshot: Snapshot, imported: Array<Pack | undefined>): Promise<TrackerState> {
  return trackerState(snapshot, imported, builtinHidden(snapshot) ? undefined : await loadBuiltinPack());
}

/** Reads the store once (one transaction), then the built-in pack's file if the store shows that pack. */
export async function loadTrackerState(store = extensionStore()): Promise<TrackerState> {
  const { snapshot, packs } = await readSnapshotAndPacks(visiblePackIds, store);
  return trackerStateWithBuiltin(snapshot, packs);
}

/** Every installed pack (hidden ones too) with its settings and progress, for the options page. */
export async function loadOptionsState(store = extensionStore()): Promise<OptionsState> {
  const snapshot = await readSnapshot(store);
  return optionsState(snapshot, await readPacks(importedPackIds(snapshot), store));
}
