// The background's wiring: every event that can change the badge or bring a notification due leads to
// one refresh from stored data.
import { browser } from 'wxt/browser';
import { feedCheckScheduledAt, onFeedCheckAlarm, onWakeUpAlarm, scheduleFeedCheck } from './alarm-adapter';
import { cacheWorkerScripts, loadFeedCheck, loadStoreUpgrade, type FeedCheck } from './worker-scripts';
import { provideUpgrade, type Upgrade } from '../storage/upgrade-loader';
import { refreshBadge } from './wake-up';
import { nextCheckAt } from '../feeds/check-schedule';
import { listenForNotificationClicks } from '../notifications/notification-adapter';
import { serveViews, tellOverlays } from '../storage/serve-views';
import { ensureSchema, extensionStore, onStoreClosed, readFeeds, storagePersisted } from '../storage/store-adapter';
import { onStoreChange, onViewOpened } from '../storage/messaging-adapter';

export type Clock = () => number;

/**
 * Browser activity refreshes at most this often: a refresh is one small read, but tab switches come in bursts.
 * Measured both ways, so a clock moved back cannot hold refreshes off.
 */
export const ACTIVITY_REFRESH_MS = 20_000;

/**
 * Sets the feeds' daily check. An alarm already set is kept (every worker start would otherwise draw a
 * new random minute and could keep pushing the check back), unless `reschedule` says a check just ran.
 */
export async function planFeedCheck(now: number, random: () => number, reschedule = false): Promise<number | undefined> {
  const at = nextCheckAt(await readFeeds(), now, random());
  const set = await feedCheckScheduledAt();
  if (at === undefined || reschedule || set === undefined) await scheduleFeedCheck(at);
  return at === undefined ? undefined : ((await feedCheckScheduledAt()) ?? at);
}

/**
 * `feedCheck` gives the daily check's code, which is loaded only when the check runs, and `upgrade` the
 * store's upgrade, loaded only when the stored layout is older (lib/background/worker-scripts.ts).
 */
export function startBackground(
  clock: Clock,
  random: () => number = Math.random,
  feedCheck: () => Promise<FeedCheck> = loadFeedCheck,
  upgrade: () => Promise<Upgrade> = loadStoreUpgrade,
): { ready: Promise<unknown>; feedsChecked: () => Promise<unknown> } {
  // Registered in the worker's first evaluation, as the install event must be.
  cacheWorkerScripts();
  provideUpgrade(upgrade);
  // Always settles (a damaged store is an outcome, not a pending promise): the badge never waits on it.
  const migrated = ensureSchema().then(
    (outcome) => (outcome.ok ? undefined : console.error('the store cannot be read:', outcome.damage)),
    (error: unknown) => console.error('migration failed', error),
  );
  // Firefox's background page can ask for persistent storage before any view opens.
  void storagePersisted();
  let queue: Promise<unknown> = migrated;
  // Refreshes run one after another, so a slow one never overwrites a newer badge.
  const refresh = () => {
    queue = queue.then(() => refreshBadge(clock())).catch((error: unknown) => console.error('badge refresh failed', error));
    return queue;
  };
  let lastActivityRefresh = Number.NaN;
  const refreshOnActivity = () => {
    const now = clock();
    if (Math.abs(now - lastActivityRefresh) < ACTIVITY_REFRESH_MS) return queue;
    lastActivityRefresh = now;
    return refresh();
  };

  // Feed checks run one after another too, beside the badge's queue (a slow server never delays the badge).
  let feedQueue: Promise<unknown> = migrated;
  const planFeeds = (reschedule: boolean) =>
    (feedQueue = feedQueue.then(() => planFeedCheck(clock(), random, reschedule)).catch((error: unknown) => console.error('feed schedule failed', error)));
  const checkDue = () => {
    // A worker does not hear its own announcements: the badge is refreshed here after packs changed.
    feedQueue = feedQueue
      .then(() => feedCheck())
      .then((checkFeeds) => checkFeeds(clock(), undefined, extensionStore()))
      .then(() => {
        // An updated pack reaches the overlay cards too: the check's announcement goes to the extension's pages only.
        void tellOverlays({ what: 'everything' });
        return refresh();
      }, (error: unknown) => console.error('feed check failed', error));
    return planFeeds(true);
  };

  browser.runtime.onInstalled.addListener(refresh);
  browser.runtime.onStartup.addListener(refresh);
  onWakeUpAlarm(refresh);
  onFeedCheckAlarm(checkDue);
  onStoreChange((change) => {
    if (change.what === 'feeds' || change.what === 'everything') void planFeeds(false);
    // The overlay cards on the official pages hear of it from here: a runtime message does not reach a tab.
    void tellOverlays(change);
    return refresh();
  });
  // A view opening, and the Commander using the browser, recompute the badge: an alarm waits for wall-clock
  // time, so after the clock is moved back only these put the badge right before the alarm fires.
  onViewOpened(refresh);
  browser.windows.onFocusChanged.addListener(refreshOnActivity);
  browser.tabs.onActivated.addListener(refreshOnActivity);
  // The database deleted or cleared under the worker: its connection gave way; show what is left (nothing).
  onStoreClosed(refresh);
  // Views that cannot open IndexedDB themselves (Firefox private windows) read and write through here.
  serveViews(migrated, refresh);
  // Registered at start-up so that a click on a notification wakes a stopped worker.
  listenForNotificationClicks();

  // A worker woken by any event starts here: recompute at once, so a stopped worker or a sleeping laptop heals now.
  void planFeeds(false);
  return { ready: refresh(), feedsChecked: () => feedQueue };
}
