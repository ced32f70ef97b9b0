// The background's wiring: every event that can change the badge or bring a notification due leads to
// one refresh from stored data.
import { browser } from 'wxt/browser';
import { onWakeUpAlarm } from './alarm-adapter';
import { refreshBadge } from './wake-up';
import { listenForNotificationClicks } from '../notifications/notification-adapter';
import { serveViews } from '../storage/remote-store';
import { ensureSchema } from '../storage/store-adapter';
import { onStoreChange } from '../storage/messaging-adapter';

export type Clock = () => number;

export function startBackground(clock: Clock): { ready: Promise<unknown> } {
  const migrated = ensureSchema().catch((error: unknown) => console.error('migration failed', error));
  let queue: Promise<unknown> = migrated;
  // Refreshes run one after another, so a slow one never overwrites a newer badge.
  const refresh = () => {
    queue = queue.then(() => refreshBadge(clock())).catch((error: unknown) => console.error('badge refresh failed', error));
    return queue;
  };

  browser.runtime.onInstalled.addListener(refresh);
  browser.runtime.onStartup.addListener(refresh);
  onWakeUpAlarm(refresh);
  onStoreChange(refresh);
  // Views that cannot open IndexedDB themselves (Firefox private windows) read and write through here.
  serveViews(migrated, refresh);
  // Registered at start-up so that a click on a notification wakes a stopped worker.
  listenForNotificationClicks();

  // A worker woken by any event starts here: recompute at once, so a stopped worker or a sleeping laptop heals now.
  return { ready: refresh() };
}
