// What the views call to record a Commander's action: one transaction, then tell the others.
import { applyProgressChange, type ProgressChange } from '../commander/progress';
import { withPackSettings, type PackSettings, type Settings } from '../commander/settings';
import { extensionStore, updatePackProgress, updateSettings } from './store-adapter';
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

/** A view's write as plain data (a message can carry it): a progress change or a pack's settings. */
export type Recording =
  | { what: 'progress'; packId: string; change: ProgressChange }
  | { what: 'packSettings'; packId: string; change: Partial<PackSettings> };

export function record(recording: Recording, store = extensionStore()): Promise<void> {
  return recording.what === 'progress'
    ? recordProgress(recording.packId, recording.change, store)
    : recordPackSettings(recording.packId, recording.change, store);
}
