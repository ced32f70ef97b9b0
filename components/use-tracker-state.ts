import { useEffect } from 'preact/hooks';
import { loadViewState, viewLive } from '@/lib/storage/remote-store';
import type { TrackerState } from '@/lib/views/tracker-state';
import { useStoredState, type StoredStateHandle } from './use-stored-state';

export type TrackerStateHandle = StoredStateHandle<TrackerState>;

/**
 * The popup's and the side panel's state: through the background where this view cannot open the store
 * itself (lib/storage/remote-store.ts). Tells the background it opened, so the badge is recomputed.
 */
export function useTrackerState(initial?: TrackerState, reading?: Promise<TrackerState>): TrackerStateHandle {
  const handle = useStoredState(loadViewState, initial, reading);
  useEffect(() => void viewLive().then((live) => live.announceViewOpened()), []);
  return handle;
}
