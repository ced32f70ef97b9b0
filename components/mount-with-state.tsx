import { render, type VNode } from 'preact';
import { prepareLocalFormats } from '@/lib/local-time';
import { loadViewState } from '@/lib/remote-store';
import type { TrackerState } from '@/lib/tracker-state';

/**
 * Reads the store, then renders the view once, with its data: no skeleton frame, nothing jumps.
 * If the read fails the view renders without data, reads again itself and shows the error.
 */
export function mountWithState(view: (initial: TrackerState | undefined) => VNode, root = document.getElementById('app')!): void {
  const reading = loadViewState();
  // The page only waits for the database now: meanwhile, build the date and number formats it will show.
  prepareLocalFormats();
  void reading.then(
    (state) => render(view(state), root),
    () => render(view(undefined), root),
  );
}
