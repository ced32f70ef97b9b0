import { useEffect, useState } from 'preact/hooks';
import { viewLive } from '@/lib/storage/remote-store';
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
 * What a page shows of the store, read with `load` on open (unless `initial` is given, or `reading`, a read
 * already under way) and again whenever another view or the background announces a change or the database
 * is deleted under it.
 */
export function useStoredState<T>(load: () => Promise<T>, initial?: T, reading?: Promise<T>): StoredStateHandle<T> {
  const [state, setState] = useState<T | undefined>(initial);
  const [error, setError] = useState<string | undefined>();
  const [damaged, setDamaged] = useState(false);

  const show = async (read: Promise<T>) => {
    try {
      setState(await read);
      setError(undefined);
      setDamaged(false);
    } catch (cause) {
      const { isStoreDamaged, storageErrorMessage } = await viewLive();
      setError(storageErrorMessage(cause));
      setDamaged(isStoreDamaged(cause));
      // What was shown before is no longer what is stored.
      if (isStoreDamaged(cause)) setState(undefined);
    }
  };
  const reload = () => show(load());

  useEffect(() => {
    // A page painted from its snapshot passes the read it started before that paint.
    if (initial === undefined) void (reading ? show(reading) : reload());
    // The messages between contexts come with the live layer, right after the first paint.
    let stopListening: (() => void) | undefined;
    let unmounted = false;
    void viewLive().then((live) => {
      if (!unmounted) stopListening = live.onStoreChange(() => reload());
    });
    // Cleared or deleted (by the browser or another page): show what is left, an empty store.
    const stopWatching = onStoreClosed(() => reload());
    return () => {
      unmounted = true;
      stopListening?.();
      stopWatching();
    };
  }, []);

  return { state, error, damaged, reload };
}
