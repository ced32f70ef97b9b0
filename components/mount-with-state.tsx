import { render, type VNode } from 'preact';
import { prepareLocalFormats } from '@/lib/format/local-time';
import { loadViewState } from '@/lib/storage/remote-store';
import { provideUpgrade } from '@/lib/storage/upgrade-loader';
import { dropViewSnapshot, readViewSnapshot, type SnapshotModel } from '@/lib/storage/view-snapshot-adapter';
import type { TrackerState } from '@/lib/views/tracker-state';
import { applyStyles } from './apply-styles';

/** How a view starts: with the stored state, or painted from its snapshot while the store is still read. */
export interface ViewStart<M extends SnapshotModel> {
  /** The state read from the store; absent when the read failed or is still under way. */
  initial?: TrackerState | undefined;
  /** The read under way when the first frame came from the snapshot. */
  reading?: Promise<TrackerState> | undefined;
  /** The model the view last showed (lib/storage/view-snapshot-adapter.ts), shown until the read is in. */
  snapshot?: M | undefined;
}

/**
 * Starts reading the store, then paints the view at once from its snapshot when one can be trusted, else
 * once, with the stored data: no skeleton frame, nothing jumps. The stored data replaces the snapshot as
 * soon as it is read. If the read fails the view renders without data, reads again itself and shows the
 * error. `styles` (the page's CSS, imported with ?inline) go into the document while the store is read.
 * Returns the read, which settles when the stored data is in.
 */
export function mountWithState<M extends SnapshotModel>(
  view: (start: ViewStart<M>) => VNode,
  styles: string[],
  snapshotKey: string,
  root = document.getElementById('app')!,
): Promise<TrackerState> {
  // A store in an older layout is upgraded by whichever context reads it first: here, from a lazy chunk.
  provideUpgrade(() => import('@/lib/storage/upgrade-adapter'));
  const reading = loadViewState();
  applyStyles(...styles);
  // The page only waits for the database now: meanwhile, build the date and number formats it will show.
  prepareLocalFormats();
  const snapshot = readViewSnapshot<M>(snapshotKey, Date.now());
  if (snapshot) {
    try {
      render(view({ reading, snapshot }), root);
      return reading;
    } catch {
      // A snapshot this view cannot show: forget it, and start again in a clean root from the store.
      dropViewSnapshot(snapshotKey);
      const clean = root.cloneNode(false) as HTMLElement;
      root.replaceWith(clean);
      root = clean;
    }
  }
  void reading.then(
    (state) => render(view({ initial: state }), root),
    () => render(view({}), root),
  );
  return reading;
}
