// The background's side of lib/storage/remote-store.ts: the reads and writes of views that cannot open
// IndexedDB themselves (Firefox's private windows), and of the overlay card on the official STFC pages
// (a content script, which cannot open the extension's IndexedDB at all).
import { announceToTab, answerViews, type RequestSender } from './messaging-adapter';
import { loadTrackerState } from './load';
import { record, recordSettings } from './writes';
import type { OverlayCornerRecording, Recording, StoreChange } from './changes';
import { officialPageTabs, ownExtension, type OwnExtension } from './overlay-tabs-adapter';
import { isOfficialPage } from '../overlay/official-pages';
import { isOverlayCorner } from '../overlay/corner';

/**
 * Whether to answer `sender`, for `recording` when it asks to write: the extension's own pages (no tab, or a tab
 * showing one of them) get every answer; its content script on an official STFC page (the overlay card) gets the
 * store read and records only a completed switch or its corner (no restore, packs, settings); anyone else nothing.
 */
export function accepted(sender: RequestSender, own: OwnExtension, recording?: Recording | OverlayCornerRecording): boolean {
  const url = sender.url ?? '';
  if (!sender.tab || url.startsWith(own.pages)) return true;
  return (
    sender.id === own.id &&
    isOfficialPage(url) &&
    (!recording || (recording.what === 'progress' ? recording.change.kind === 'completed' : recording.what === 'overlayCorner' && isOverlayCorner(recording.corner)))
  );
}

/** Tells the overlay cards on the official pages that the store changed. */
export async function tellOverlays(change: StoreChange): Promise<void> {
  for (const { id } of await officialPageTabs()) if (id) void announceToTab(id, change);
}

/**
 * The background's side: answers reads and records writes for such views, once `ready` (migrated).
 * `afterWrite` runs after each write, since the background does not receive its own announcement.
 */
export function serveViews(ready: Promise<unknown>, afterWrite: () => unknown): void {
  const own = ownExtension();
  answerViews({
    async readStore(sender) {
      if (!accepted(sender, own)) throw new Error('refused');
      await ready;
      const state = await loadTrackerState();
      return { snapshot: state.snapshot, packs: state.packs.filter((entry) => !entry.builtin).map((entry) => entry.pack) };
    },
    async recordChange(recording, sender) {
      if (!accepted(sender, own, recording)) throw new Error('refused');
      await ready;
      await (recording.what === 'overlayCorner'
        ? recordSettings((settings) => ({ ...settings, overlayCorner: recording.corner }))
        : record(recording));
      await afterWrite();
      // A write made here is announced to the extension's pages only (lib/storage/writes.ts).
      void tellOverlays({ what: 'everything' });
    },
  });
}
