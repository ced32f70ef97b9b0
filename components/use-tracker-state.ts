import { useEffect, useState } from 'preact/hooks';
import { loadViewState } from '@/lib/storage/remote-store';
import { announceViewOpened, onStoreChange } from '@/lib/storage/messaging-adapter';
import { onStoreClosed } from '@/lib/storage/store-adapter';
import type { TrackerState } from '@/lib/views/tracker-state';

export interface TrackerStateHandle {
  /** Undefined until the first read finishes. */
  state: TrackerState | undefined;
  /** A storage error to show instead of failing silently (e.g. storage refused by the browser). */
  error: string | undefined;
  /** The store holds data this version cannot read: the view offers the options page's restore. */
  damaged: boolean;
  /** Re-reads the store; call after this view's own writes. */
  reload: () => Promise<void>;
}

/**
 * Reads the store once on open, and again whenever another view or the background announces a change
 * or the database is deleted under it; through the background where this view cannot open the store
 * itself (lib/storage/remote-store.ts). Tells the background it opened, so the badge is recomputed.
 */
export function useTrackerState(initial?: TrackerState): TrackerStateHandle {
  const [state, setState] = useState<TrackerState | undefined>(initial);
  const [error, setError] = useState<string | undefined>();
  const [damaged, setDamaged] = useState(false);

  const reload = async () => {
    try {
      setState(await loadViewState());
      setError(undefined);
      setDamaged(false);
    } catch (cause) {
      setError(storageErrorMessage(cause));
      setDamaged(isStoreDamaged(cause));
      // What was shown before is no longer what is stored.
      if (isStoreDamaged(cause)) setState(undefined);
    }
  };

  useEffect(() => {
    if (!initial) void reload();
    void announceViewOpened();
    const stopListening = onStoreChange(() => reload());
    // Cleared or deleted (by the browser or another page): show what is left, an empty store.
    const stopWatching = onStoreClosed(() => reload());
    return () => {
      stopListening();
      stopWatching();
    };
  }, []);

  return { state, error, damaged, reload };
}

/** StoreDamaged from this view's read, or as the background's answer carries it (by name). */
export const isStoreDamaged = (cause: unknown): boolean => cause instanceof Error && cause.name === 'StoreDamaged';

export function storageErrorMessage(cause: unknown): string {
  const detail = cause instanceof Error ? cause.message : String(cause);
  if (isStoreDamaged(cause)) {
    return `The stored progress cannot be read (${detail}). It was left as it is: restore a backup to go on.`;
  }
  const advice = import.meta.env.FIREFOX
    ? 'In Firefox, check that history is remembered and that the extension may store data.'
    : 'In Chrome, check that the disk is not full and that sites may save data on your device (Settings › Privacy and security › Site settings).';
  return `This browser refused the extension's storage, so progress cannot be read or kept (${detail}). ${advice}`;
}
