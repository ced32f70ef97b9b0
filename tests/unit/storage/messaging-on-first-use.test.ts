// The messaging lib/storage/messaging-adapter.ts uses: the library's own API, loaded on first use.
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { deferredMessaging } from '../../../lib/storage/messaging-adapter';

interface Protocol {
  ping(n: number): number;
  note(text: string): void;
}

describe('messaging loaded on first use', () => {
  it('answers a message sent before the library was loaded, through a listener registered before it was', async () => {
    const messaging = deferredMessaging<Protocol>();
    messaging.onMessage('ping', ({ data }) => data + 1);
    expect(await messaging.sendMessage('ping', 41)).toBe(42);
  });

  it('talks to a context that uses the library directly', async () => {
    const library = await import('@webext-core/messaging');
    const background = library.defineExtensionMessaging<Protocol>();
    background.onMessage('ping', ({ data }) => data * 2);
    expect(await deferredMessaging<Protocol>().sendMessage('ping', 21)).toBe(42);
  });

  it('never registers a listener that was removed while the library was loading', async () => {
    const messaging = deferredMessaging<Protocol>();
    const heard = vi.fn();
    const remove = messaging.onMessage('note', ({ data }) => heard(data));
    remove();
    // Once loaded (the send below waits for it), nobody listens: the message has no receiver.
    await expect(messaging.sendMessage('note', 'hello')).rejects.toThrow();
    expect(heard).not.toHaveBeenCalled();
    expect(fakeBrowser.runtime.onMessage.hasListeners()).toBe(false);
  });

  it('removes a listener after the library is loaded, and all listeners with removeAllListeners()', async () => {
    const messaging = deferredMessaging<Protocol>();
    const remove = messaging.onMessage('ping', ({ data }) => data);
    expect(await messaging.sendMessage('ping', 1)).toBe(1);
    remove();
    await expect(messaging.sendMessage('ping', 2)).rejects.toThrow();

    messaging.onMessage('ping', ({ data }) => data);
    messaging.removeAllListeners();
    await expect(messaging.sendMessage('ping', 3)).rejects.toThrow();
  });
});
