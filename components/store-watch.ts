import { viewLive } from '@/lib/storage/remote-store';
import { onStoreClosed } from '@/lib/storage/store-adapter';

/** What a page shows of the store. */
export interface StoredView<T> {
  /** Undefined until the first read finishes, and after a read finds the store damaged. */
  state: T | undefined;
  /** A storage error to show instead of failing silently (e.g. storage refused by the browser). */
  error: string | undefined;
  /** The store holds data this version cannot read: the page offers the options page's restore. */
  damaged: boolean;
}

export interface StoreWatch {
  /** Re-reads the store; call after this page's own writes (a page does not hear its own announcements). */
  reload(): Promise<void>;
  /** Stops listening (the page is closing). */
  stop(): void;
}

/**
 * Reads the store with `load` (unless `initial` is given, or `reading`, a read already under way), and again
 * whenever another view or the background announces a change or the database is deleted under the page;
 * every outcome goes to `show`. Plain code, so a class component (the popup, which does without the hooks
 * library) and a hook (the options page) share it.
 */
export function watchStore<T>(
  load: () => Promise<T>,
  show: (view: StoredView<T>) => void,
  { initial, reading }: { initial?: T | undefined; reading?: Promise<T> | undefined } = {},
): StoreWatch {
  let state = initial;
  let stopped = false;
  // Reads can finish out of order (two clicks in a row each re-read): only the newest one started is shown,
  // so an older read can never put back what a newer write already changed.
  let newest = 0;
  const settle = async (read: Promise<T>) => {
    const mine = ++newest;
    try {
      const value = await read;
      if (mine !== newest) return;
      state = value;
      if (!stopped) show({ state, error: undefined, damaged: false });
    } catch (cause) {
      const { isStoreDamaged, storageErrorMessage } = await viewLive();
      if (mine !== newest) return;
      const damaged = isStoreDamaged(cause);
      // What was shown before is no longer what is stored.
      if (damaged) state = undefined;
      if (!stopped) show({ state, error: storageErrorMessage(cause), damaged });
    }
  };
  const reload = () => settle(load());
  if (state === undefined) void (reading ? settle(reading) : reload());
  // The messages between contexts come with the live layer, right after the first paint.
  let stopListening: (() => void) | undefined;
  void viewLive().then((live) => {
    if (!stopped) stopListening = live.onStoreChange(() => reload());
  });
  // Cleared or deleted (by the browser or another page): show what is left, an empty store.
  const stopWatching = onStoreClosed(() => reload());
  return {
    reload,
    stop() {
      stopped = true;
      stopListening?.();
      stopWatching();
    },
  };
}
