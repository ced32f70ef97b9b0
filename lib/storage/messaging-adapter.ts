// After a write, the writer tells the other views and the background, which re-read the store.
// Messages carry plain data only; a message nobody listens to is not an error.
// The same messenger carries the requests of a view that cannot open IndexedDB itself (lib/storage/remote-store.ts).
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { Pack } from '../packs/types';
import type { Recording } from './writes';
import type { Snapshot } from './store-adapter';

export type StoreChange =
  | { what: 'progress'; packId: string }
  | { what: 'settings' }
  | { what: 'packs'; packId: string }
  | { what: 'everything' };

/** What the background reads for such a view: the snapshot and the visible imported packs. */
export interface StoreData {
  snapshot: Snapshot;
  packs: Pack[];
}

/** Requests only the background answers. */
export interface BackgroundProtocol {
  readStore(): StoreData;
  recordChange(recording: Recording): void;
}

interface SyncProtocol extends BackgroundProtocol {
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

/** Asks the background; rejects with the background's error, or when no background answers. */
export const askBackground = {
  readStore: (): Promise<StoreData> => messaging.sendMessage('readStore', undefined),
  recordChange: (recording: Recording): Promise<void> => messaging.sendMessage('recordChange', recording),
};

/** The background's answers to those requests; call once per context (one listener per type). */
export function answerViews(answers: { readStore(): Promise<StoreData>; recordChange(recording: Recording): Promise<void> }): void {
  messaging.onMessage('readStore', () => answers.readStore());
  messaging.onMessage('recordChange', ({ data }) => answers.recordChange(data));
}
