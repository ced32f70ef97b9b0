import { render, type VNode } from 'preact';
import { loadViewState } from '@/lib/remote-store';
import type { TrackerState } from '@/lib/tracker-state';

/**
 * Reads the store, then renders the view once, with its data: no skeleton frame, nothing jumps.
 * If the read fails the view renders without data, reads again itself and shows the error.
 */
export function mountWithState(view: (initial: TrackerState | undefined) => VNode, root = document.getElementById('app')!): void {
  void loadViewState().then(
    (state) => render(view(state), root),
    () => render(view(undefined), root),
  );
}
