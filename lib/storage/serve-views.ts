// The background's side of lib/storage/remote-store.ts: the reads and writes of views that cannot open
// IndexedDB themselves (Firefox's private windows).
import { answerViews } from './messaging-adapter';
import { loadTrackerState } from './load';
import { record } from './writes';

/**
 * The background's side: answers reads and records writes for such views, once `ready` (migrated).
 * `afterWrite` runs after each write, since the background does not receive its own announcement.
 */
export function serveViews(ready: Promise<unknown>, afterWrite: () => unknown): void {
  answerViews({
    async readStore() {
      await ready;
      const state = await loadTrackerState();
      return { snapshot: state.snapshot, packs: state.packs.filter((entry) => !entry.builtin).map((entry) => entry.pack) };
    },
    async recordChange(recording) {
      await ready;
      await record(recording);
      await afterWrite();
    },
  });
}
