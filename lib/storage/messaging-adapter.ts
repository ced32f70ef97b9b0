// After a write, the writer tells the other views and the background, which re-read the store.
// Messages carry plain data only; a message nobody listens to is not an error.
// The same messenger carries the requests of a view that cannot open IndexedDB itself (lib/storage/remote-store.ts).
import type { ExtensionMessagingConfig, ExtensionMessenger } from '@webext-core/messaging';
import type { OverlayCornerRecording, Recording, StoreChange, StoreData } from './changes';

/**
 * @webext-core/messaging with the library loaded on first use instead of with the page: the same API.
 * The popup's and the side panel's first render shows what they read from the store and needs no
 * message; their first use is the store-change listener, registered right after that render (the
 * library is 1.4 KB gzip of the popup's script). In the background the bundler inlines the import (a
 * worker loads no lazy chunks), so its listeners are still registered while it starts.
 */
export function deferredMessaging<TProtocolMap extends Record<string, any> = Record<string, any>>(
  config?: ExtensionMessagingConfig,
): ExtensionMessenger<TProtocolMap> {
  type Messenger = ExtensionMessenger<TProtocolMap>;
  let loading: Promise<Messenger> | undefined;
  const messenger = () =>
    (loading ??= import('@webext-core/messaging').then((library) => library.defineExtensionMessaging<TProtocolMap>(config)));

  const sendMessage = (...args: Parameters<Messenger['sendMessage']>) => messenger().then((loaded) => loaded.sendMessage(...args));

  // Bumped by removeAllListeners(), so that it also cancels listeners still waiting for the library.
  let generation = 0;

  const onMessage = (...args: Parameters<Messenger['onMessage']>) => {
    let remove: (() => void) | undefined;
    let removed = false;
    const registeredIn = generation;
    messenger().then(
      (loaded) => {
        if (!removed && registeredIn === generation) remove = loaded.onMessage(...args);
      },
      (error: unknown) => console.error('messaging could not be loaded', error),
    );
    return () => {
      removed = true;
      remove?.();
    };
  };

  return {
    sendMessage: sendMessage as Messenger['sendMessage'],
    onMessage: onMessage as Messenger['onMessage'],
    removeAllListeners: () => {
      generation++;
      void messenger().then((loaded) => loaded.removeAllListeners());
    },
  };
}

/** Requests only the background answers. */
export interface BackgroundProtocol {
  readStore(): StoreData;
  recordChange(recording: Recording | OverlayCornerRecording): void;
}

interface SyncProtocol extends BackgroundProtocol {
  storeChanged(change: StoreChange): void;
  viewOpened(): void;
}

// Loaded on first use (deferredMessaging above): the views' first render sends nothing.
const messaging = deferredMessaging<SyncProtocol>();
const listeners = new Set<(change: StoreChange) => unknown>();
let removeRootListener: (() => void) | undefined;

export async function announceChange(change: StoreChange): Promise<void> {
  try {
    await messaging.sendMessage('storeChanged', change);
  } catch {
    // No other view open and the worker asleep: they re-read the store when they start.
  }
}

/**
 * Tells the background a view opened, so it recomputes the badge: after the clock was moved back, an
 * alarm waits for wall-clock time, and the Commander opening a view is when a right badge matters.
 */
export async function announceViewOpened(): Promise<void> {
  try {
    await messaging.sendMessage('viewOpened', undefined);
  } catch {
    // No background answering (being restarted): it recomputes when it starts.
  }
}

/** The background's side of announceViewOpened; call once per context. */
export function onViewOpened(listener: () => unknown): void {
  messaging.onMessage('viewOpened', async () => {
    await listener();
  });
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
  recordChange: (recording: Recording | OverlayCornerRecording): Promise<void> => messaging.sendMessage('recordChange', recording),
};

/** Who sent a request (runtime.MessageSender's fields that say it): a content script's has its tab. */
export interface RequestSender {
  id?: string | undefined;
  url?: string | undefined;
  tab?: unknown;
}

/** The background's answers to those requests; call once per context (one listener per type). */
export function answerViews(answers: {
  readStore(sender: RequestSender): Promise<StoreData>;
  recordChange(recording: Recording | OverlayCornerRecording, sender: RequestSender): Promise<void>;
}): void {
  messaging.onMessage('readStore', ({ sender }) => answers.readStore(sender));
  messaging.onMessage('recordChange', ({ data, sender }) => answers.recordChange(data, sender));
}

/** Tells the overlay card in one tab (a content script, which runtime messages do not reach) that the store changed. */
export const announceToTab = (tabId: number, change: StoreChange): Promise<void> =>
  // Rejected when the tab has no card (the overlay is off, or the page is loading): nothing to tell.
  messaging.sendMessage('storeChanged', change, tabId).catch(() => undefined);
