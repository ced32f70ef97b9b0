import { useEffect, useState } from 'preact/hooks';
import { type OptionsState } from '@/lib/views/options-state';
import { loadOptionsState } from '@/lib/storage/load';
import { onStoreChange } from '@/lib/storage/messaging-adapter';
import { storageErrorMessage } from '@/components/use-tracker-state';

export interface OptionsStateHandle {
  state: OptionsState | undefined;
  error: string | undefined;
  /** Re-reads the store; call after this page's own writes (a page does not hear its own announcements). */
  reload: () => Promise<void>;
}

/** Every installed pack with its settings and progress, re-read whenever another view announces a change. */
export function useOptionsState(): OptionsStateHandle {
  const [state, setState] = useState<OptionsState | undefined>();
  const [error, setError] = useState<string | undefined>();

  const reload = async () => {
    try {
      setState(await loadOptionsState());
      setError(undefined);
    } catch (cause) {
      setError(storageErrorMessage(cause));
    }
  };

  useEffect(() => {
    void reload();
    return onStoreChange(() => reload());
  }, []);

  return { state, error, reload };
}
