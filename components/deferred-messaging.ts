// @webext-core/messaging as the popup and the side panel get it: the same library and API, loaded
// on first use instead of with the page. wxt.config.ts points their `@webext-core/messaging` import
// (lib/storage/messaging-adapter.ts) here. Their first render shows what they read from the store and needs no message;
// the first use is the store-change listener, registered right after that render, or the read of a
// private window's view, which goes through the background anyway. The library is 1.4 KB gzip of
// the popup's script. The background, the options page and the tests use the library directly.
import type { ExtensionMessagingConfig, ExtensionMessenger } from '@webext-core/messaging';

export function defineExtensionMessaging<TProtocolMap extends Record<string, any> = Record<string, any>>(
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
