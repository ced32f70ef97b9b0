import { useEffect, useState } from 'preact/hooks';
import { loadViewState } from '@/lib/storage/remote-store';
import { onStoreChange } from '@/lib/storage/messaging-adapter';
import type { TrackerState } from '@/lib/views/tracker-state';

export interface TrackerStateHandle {
  /** Undefined until the first read finishes. */
  state: TrackerState | undefined;
  /** A storage error to show instead of failing silently (e.g. storage refused by the browser). */
  error: string | undefined;
  /** Re-reads the store; call after this view's own writes. */
  reload: () => Promise<void>;
}

/**
 * Reads the store once on open, and again whenever another view or the background announces a change;
 * through the background where this view cannot open the store itself (lib/storage/remote-store.ts).
 */
export function useTrackerState(initial?: TrackerState): TrackerStateHandle {
  const [state, setState] = useState<TrackerState | undefined>(initial);
  const [error, setError] = useState<string | undefined>();

  const reload = async () => {
    try {
      setState(await loadViewState());
      setError(undefined);
    } catch (cause) {
      setError(storageErrorMessage(cause));
    }
  };

  useEffect(() => {
    if (!initial) void reload();
    return onStoreChange(() => reload());
  }, []);

  return { state, error, reload };
}

export function storageErrorMessage(cause: unknown): string {
  const detail = cause instanceof Error ? cause.message : String(cause);
  return `This browser refused the extension's storage, so progress cannot be read or kept (${detail}). In Firefox, check that history is remembered and that the extension may store data.`;
}
