import { useEffect, useRef, useState } from 'preact/hooks';
import { watchStore, type StoredView, type StoreWatch } from '@/components/store-watch';

export interface StoredStateHandle<T> extends StoredView<T> {
  /** Re-reads the store; call after this page's own writes (a page does not hear its own announcements). */
  reload: () => Promise<void>;
}

/** The options page's view of the store (components/store-watch.ts), as a hook. */
export function useStoredState<T>(load: () => Promise<T>): StoredStateHandle<T> {
  const [view, setView] = useState<StoredView<T>>({ state: undefined, error: undefined, damaged: false });
  const watch = useRef<StoreWatch | undefined>(undefined);
  useEffect(() => {
    watch.current = watchStore(load, setView);
    return () => watch.current?.stop();
  }, []);
  return { ...view, reload: () => watch.current?.reload() ?? Promise.resolve() };
}
