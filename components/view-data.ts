// A view's data layer: everything between the store and the view's model (the read, its upgrade, the
// watch for changes, the writes behind a click). The popup and the side panel load it as a lazy chunk the
// moment they open (each page's own data module adds its model: entrypoints/popup/popup-data.ts,
// entrypoints/sidepanel/sidepanel-data.ts), so their first frame, painted from the snapshot, waits only for
// the rendering code while the chunk and the IndexedDB read come in beside it (components/mount-with-state.tsx).
import { loadViewState } from '@/lib/storage/remote-store';
import { provideUpgrade } from '@/lib/storage/upgrade-loader';
import type { TrackerState } from '@/lib/views/tracker-state';

export { viewLive } from '@/lib/storage/remote-store';
export { watchStore } from './store-watch';
export { trackerActions } from './tracker-actions';
export { loadViewState };

/** The store read a view starts on open; a store in an older layout is first upgraded, from a lazy chunk of its own. */
export function startReading(): Promise<TrackerState> {
  provideUpgrade(() => import('@/lib/storage/upgrade-adapter'));
  return loadViewState();
}

/** What every page's data module offers (each adds the function that makes its model). */
export type ViewData = typeof import('./view-data');
