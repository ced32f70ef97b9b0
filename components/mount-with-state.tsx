import { render, type VNode } from 'preact';
import { prepareLocalFormats } from '@/lib/format/local-time';
import { loadViewState } from '@/lib/storage/remote-store';
import type { TrackerState } from '@/lib/views/tracker-state';
import { applyStyles } from './apply-styles';

/**
 * Reads the store, then renders the view once, with its data: no skeleton frame, nothing jumps.
 * If the read fails the view renders without data, reads again itself and shows the error.
 * `styles` (the page's CSS, imported with ?inline) go into the document while the store is read.
 */
export function mountWithState(
  view: (initial: TrackerState | undefined) => VNode,
  styles: string[] = [],
  root = document.getElementById('app')!,
): void {
  const reading = loadViewState();
  // The page only waits for the database now: meanwhile, parse its styles and build the date and
  // number formats it will show.
  applyStyles(...styles);
  prepareLocalFormats();
  void reading.then(
    (state) => render(view(state), root),
    () => render(view(undefined), root),
  );
}
