import { useEffect, useState } from 'preact/hooks';
import { onStoreChange } from '@/lib/storage/messaging-adapter';
import { onStoreClosed } from '@/lib/storage/store-adapter';

export interface StoredStateHandle<T> {
  /** Undefined until the first read finishes, and after a read finds the store damaged. */
  state: T | undefined;
  /** A storage error to show instead of failing silently (e.g. storage refused by the browser). */
  error: string | undefined;
  /** The store holds data this version cannot read: the page offers the options page's restore. */
  damaged: boolean;
  /** Re-reads the store; call after this page's own writes (a page does not hear its own announcements). */
  reload: () => Promise<void>;
}

/**
 * What a page shows of the store, read with `load` on open (unless `initial` is given) and again whenever
 * another view or the background announces a change or the database is deleted under it.
 */
export function useStoredState<T>(load: () => Promise<T>, initial?: T): StoredStateHandle<T> {
  const [state, setState] = useState<T | undefined>(initial);
  const [error, setError] = useState<string | undefined>();
  const [damaged, setDamaged] = useState(false);

  const reload = async () => {
    try {
      setState(await load());
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
    if (initial === undefined) void reload();
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
  // A write refused at a limit (lib/storage/limits.ts) already says why, in the Commander's words.
  if (cause instanceof Error && cause.name === 'LimitReached') return `Not recorded: ${detail}.`;
  if (isStoreDamaged(cause)) {
    return `The stored progress cannot be read (${detail}). It was left as it is: restore a backup to go on.`;
  }
  const advice = import.meta.env.FIREFOX
    ? 'In Firefox, check that history is remembered and that the extension may store data.'
    : 'In Chrome, check that the disk is not full and that sites may save data on your device (Settings › Privacy and security › Site settings).';
  return `This browser refused the extension's storage, so progress cannot be read or kept (${detail}). ${advice}`;
}
