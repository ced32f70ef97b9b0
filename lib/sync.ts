// After a write, the writer tells the other views and the background, which re-read the store.
// Messages carry plain data only; a message nobody listens to is not an error.
import { defineExtensionMessaging } from '@webext-core/messaging';

export type StoreChange =
  | { what: 'progress'; packId: string }
  | { what: 'settings' }
  | { what: 'packs'; packId: string }
  | { what: 'everything' };

interface SyncProtocol {
  storeChanged(change: StoreChange): void;
}

const messaging = defineExtensionMessaging<SyncProtocol>();
const listeners = new Set<(change: StoreChange) => unknown>();
let removeRootListener: (() => void) | undefined;

export async function announceChange(change: StoreChange): Promise<void> {
  try {
    await messaging.sendMessage('storeChanged', change);
  } catch {
    // No other view open and the worker asleep: they re-read the store when they start.
  }
}

/** Calls `listener` for every change another context announces. Returns the unsubscribe function. */
export function onStoreChange(listener: (change: StoreChange) => unknown): () => void {
  // The messaging library allows one listener per message type per context, so fan out from one.
  // Answering only after every listener is done lets a writer (and a test) wait for the others to catch up.
  removeRootListener ??= messaging.onMessage('storeChanged', async ({ data }) => {
    await Promise.all([...listeners].map((each) => each(data)));
  });
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      removeRootListener?.();
      removeRootListener = undefined;
    }
  };
}
