// The daily feed check's code (lib/background/feed-updates.ts with the pack and catalogue readers and
// valibot) is most of the worker's bytes but runs once a day, so it is not in background.js: it is its
// own script, /feed-check.js (entrypoints/feed-check.ts), loaded when the check runs. A Chrome service
// worker cannot import() and may importScripts() a new script only while it installs: it imports the
// script once then, which keeps it in the worker's script cache, and each later start loads it from
// there only when the feeds' alarm fires. Firefox's background is a page: it adds a <script>.
import type { checkFeeds } from './feed-updates';

export type FeedCheck = typeof checkFeeds;

/** Where the feed check is built to (WXT names an unlisted script's output after its entrypoint). */
export const FEED_CHECK_SCRIPT = '/feed-check.js';
/** The global the script leaves its checkFeeds in. */
export const FEED_CHECK_GLOBAL = 'stfcFeedCheck';

type Scope = typeof globalThis & {
  importScripts?: (url: string) => void;
  [FEED_CHECK_GLOBAL]?: FeedCheck;
};

const scope = () => globalThis as Scope;

/**
 * In a service worker, imports the feed check while the worker installs, so that importScripts() may
 * load it again at any later start. Must be called during the script's first evaluation.
 */
export function cacheFeedCheck(): void {
  const worker = scope();
  if (typeof worker.importScripts !== 'function') return;
  worker.addEventListener('install', () => {
    try {
      worker.importScripts!(FEED_CHECK_SCRIPT);
    } catch (error) {
      console.error('the feed check could not be cached', error);
    }
  });
}

/** The feed check, loading its script the first time. */
export async function loadFeedCheck(): Promise<FeedCheck> {
  const context = scope();
  if (!context[FEED_CHECK_GLOBAL]) {
    if (typeof context.importScripts === 'function') {
      context.importScripts(FEED_CHECK_SCRIPT);
    } else {
      await new Promise<void>((resolve, reject) => {
        const script = document.createElement('script');
        script.src = FEED_CHECK_SCRIPT;
        script.onload = () => resolve();
        script.onerror = () => reject(new Error(`${FEED_CHECK_SCRIPT} did not load`));
        document.head.append(script);
      });
    }
  }
  const check = context[FEED_CHECK_GLOBAL];
  if (!check) throw new Error(`${FEED_CHECK_SCRIPT} did not define the feed check`);
  return check;
}
