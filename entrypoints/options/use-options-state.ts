import { loadOptionsState } from '@/lib/storage/load';
import type { OptionsState } from '@/lib/views/options-state';
import { useStoredState, type StoredStateHandle } from './use-stored-state';

export type OptionsStateHandle = StoredStateHandle<OptionsState>;

/** Every installed pack with its settings and progress, re-read whenever another view announces a change. */
export const useOptionsState = (): OptionsStateHandle => useStoredState(loadOptionsState);
