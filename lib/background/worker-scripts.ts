// Code the worker runs rarely is not in background.js: the daily feed check (lib/background/feed-updates.ts
// with the pack and catalogue readers and valibot, most of the worker's bytes, run once a day) and the
// store's upgrade (lib/storage/upgrade-adapter.ts, run once after an update that changes the stored
// layout). Each is its own script (entrypoints/feed-check.ts, entrypoints/store-upgrade.ts) that leaves
// its code in a global, loaded when it is needed. A Chrome service worker cannot import() and may
// importScripts() a new script only while it installs: it imports every script once then, which keeps
// them in the worker's script cache, and each later start loads one from there only when it runs.
// Firefox's background is a page: it adds a <script>.
import type { checkFeeds } from './feed-updates';
import type { Upgrade } from '../storage/upgrade-loader';

export type FeedCheck = typeof checkFeeds;

/** A script built from an unlisted entrypoint (WXT names its output after it) and the global it sets. */
export interface WorkerScript<T> {
  file: string;
  global: string;
  /** For errors: what the script holds. */
  what: string;
  /** Only for the type. */
  readonly holds?: T;
}

export const FEED_CHECK: WorkerScript<FeedCheck> = { file: '/feed-check.js', global: 'stfcFeedCheck', what: 'the feed check' };
export const STORE_UPGRADE: WorkerScript<Upgrade> = { file: '/store-upgrade.js', global: 'stfcStoreUpgrade', what: 'the store upgrade' };

const WORKER_SCRIPTS: ReadonlyArray<WorkerScript<unknown>> = [FEED_CHECK, STORE_UPGRADE];

type Scope = typeof globalThis & {
  importScripts?: (url: string) => void;
} & Record<string, unknown>;

const scope = () => globalThis as Scope;

/**
 * In a service worker, imports every worker script while the worker installs, so that importScripts()
 * may load them again at any later start. Must be called during the script's first evaluation.
 */
export function cacheWorkerScripts(): void {
  const worker = scope();
  if (typeof worker.importScripts !== 'function') return;
  worker.addEventListener('install', () => {
    for (const script of WORKER_SCRIPTS) {
      try {
        worker.importScripts!(script.file);
      } catch (error) {
        console.error(`${script.what} could not be cached`, error);
      }
    }
  });
}

/** What a worker script holds, loading the script the first time. */
export async function loadWorkerScript<T>(script: WorkerScript<T>): Promise<T> {
  const context = scope();
  if (!context[script.global]) {
    if (typeof context.importScripts === 'function') {
      context.importScripts(script.file);
    } else {
      await new Promise<void>((resolve, reject) => {
        const element = document.createElement('script');
        element.src = script.file;
        element.onload = () => resolve();
        element.onerror = () => reject(new Error(`${script.file} did not load`));
        document.head.append(element);
      });
    }
  }
  const held = context[script.global];
  if (!held) throw new Error(`${script.file} did not define ${script.what}`);
  return held as T;
}

/** The feed check, loading its script the first time. */
export const loadFeedCheck = (): Promise<FeedCheck> => loadWorkerScript(FEED_CHECK);

/** The store's upgrade, loading its script the first time. */
export const loadStoreUpgrade = (): Promise<Upgrade> => loadWorkerScript(STORE_UPGRADE);
