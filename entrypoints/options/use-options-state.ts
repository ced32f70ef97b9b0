import { useEffect, useState } from 'preact/hooks';
import { type OptionsState } from '@/lib/views/options-state';
import { loadOptionsState } from '@/lib/storage/load';
import { onStoreChange } from '@/lib/storage/messaging-adapter';
import { isStoreDamaged, storageErrorMessage } from '@/components/use-tracker-state';
import { onStoreClosed } from '@/lib/storage/store-adapter';

export interface OptionsStateHandle {
  state: OptionsState | undefined;
  error: string | undefined;
  /** The store cannot be read: the page offers only a restore. */
  damaged: boolean;
  /** Re-reads the store; call after this page's own writes (a page does not hear its own announcements). */
  reload: () => Promise<void>;
}

/** Every installed pack with its settings and progress, re-read whenever another view announces a change. */
export function useOptionsState(): OptionsStateHandle {
  const [state, setState] = useState<OptionsState | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [damaged, setDamaged] = useState(false);

  const reload = async () => {
    try {
      setState(await loadOptionsState());
      setError(undefined);
      setDamaged(false);
    } catch (cause) {
      setError(storageErrorMessage(cause));
      setDamaged(isStoreDamaged(cause));
      if (isStoreDamaged(cause)) setState(undefined);
    }
  };

  useEffect(() => {
    void reload();
    const stopListening = onStoreChange(() => reload());
    const stopWatching = onStoreClosed(() => reload());
    return () => {
      stopListening();
      stopWatching();
    };
  }, []);

  return { state, error, damaged, reload };
}
