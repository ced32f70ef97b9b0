// The background's wiring: every event that can change the badge or bring a notification due leads to
// one refresh from stored data.
import { browser } from 'wxt/browser';
import { feedCheckScheduledAt, onFeedCheckAlarm, onWakeUpAlarm, scheduleFeedCheck } from './alarm-adapter';
import { checkFeeds } from './feed-updates';
import { refreshBadge } from './wake-up';
import { nextCheckAt } from '../feeds/check-schedule';
import { readFeeds } from '../storage/store-adapter';
import { listenForNotificationClicks } from '../notifications/notification-adapter';
import { serveViews } from '../storage/remote-store';
import { ensureSchema } from '../storage/store-adapter';
import { onStoreChange } from '../storage/messaging-adapter';

export type Clock = () => number;

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

export function startBackground(clock: Clock, random: () => number = Math.random): { ready: Promise<unknown>; feedsChecked: () => Promise<unknown> } {
  const migrated = ensureSchema().catch((error: unknown) => console.error('migration failed', error));
  let queue: Promise<unknown> = migrated;
  // Refreshes run one after another, so a slow one never overwrites a newer badge.
  const refresh = () => {
    queue = queue.then(() => refreshBadge(clock())).catch((error: unknown) => console.error('badge refresh failed', error));
    return queue;
  };

  // Feed checks run one after another too, beside the badge's queue (a slow server never delays the badge).
  let feedQueue: Promise<unknown> = migrated;
  const planFeeds = (reschedule: boolean) =>
    (feedQueue = feedQueue.then(() => planFeedCheck(clock(), random, reschedule)).catch((error: unknown) => console.error('feed schedule failed', error)));
  const checkDue = () => {
    // A worker does not hear its own announcements: the badge is refreshed here after packs changed.
    feedQueue = feedQueue.then(() => checkFeeds(clock())).then(refresh, (error: unknown) => console.error('feed check failed', error));
    return planFeeds(true);
  };

  browser.runtime.onInstalled.addListener(refresh);
  browser.runtime.onStartup.addListener(refresh);
  onWakeUpAlarm(refresh);
  onFeedCheckAlarm(checkDue);
  onStoreChange((change) => {
    if (change.what === 'feeds' || change.what === 'everything') void planFeeds(false);
    return refresh();
  });
  // Views that cannot open IndexedDB themselves (Firefox private windows) read and write through here.
  serveViews(migrated, refresh);
  // Registered at start-up so that a click on a notification wakes a stopped worker.
  listenForNotificationClicks();

  // A worker woken by any event starts here: recompute at once, so a stopped worker or a sleeping laptop heals now.
  void planFeeds(false);
  return { ready: refresh(), feedsChecked: () => feedQueue };
}
