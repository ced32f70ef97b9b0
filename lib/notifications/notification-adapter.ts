// The notifications adapter: shows the due notifications once each, and opens the tracker when one is clicked.
import { browser } from 'wxt/browser';
import { dueNotifications, type DueNotification, type NotifiedCommander } from './plan';
import type { FollowedTrack } from '../schedule/schedule';
import type { NotificationSettings } from '../commander/settings';
import { extensionStore } from '../storage/store-adapter';
import { claimNotifications } from '../storage/store-writes-adapter';

/** The notifications API exists only while the optional `notifications` permission is granted. */
export function notificationsAvailable(): boolean {
  return typeof browser.notifications?.create === 'function';
}

/**
 * Shows every due notification that no worker has shown before. Ids are claimed in the store before
 * the notification is created, so a worker stopped in between loses one notification rather than
 * repeating it. Returns the notifications shown.
 */
export async function sendDueNotifications(
  groups: Array<{ followed: FollowedTrack[]; commander?: NotifiedCommander | undefined }>,
  settings: NotificationSettings,
  now: number,
  store = extensionStore(),
): Promise<DueNotification[]> {
  if (!settings.enabled || !notificationsAvailable()) return [];
  const due = groups.flatMap((group) => dueNotifications(group.followed, settings, now, undefined, group.commander)).sort((a, b) => a.at - b.at);
  if (due.length === 0) return [];
  const claimed = new Set(await claimNotifications(due.map((n) => n.id), now, store));
  const shown = due.filter((n) => claimed.has(n.id));
  for (const n of shown) {
    try {
      await browser.notifications.create(n.id, {
        type: 'basic',
        iconUrl: browser.runtime.getURL('/icon/128.png'),
        title: n.title,
        message: n.message,
      });
    } catch (error) {
      console.error('notification refused', n.id, error);
    }
  }
  return shown;
}

/**
 * A click opens the popup's content in a tab. Chrome's sidePanel.open() and Firefox's
 * sidebarAction.open() need a user gesture, and a notification click does not reliably count as one
 * (and never in Firefox), so a tab is the one behaviour that works the same everywhere.
 */
export async function openFromNotification(notificationId: string): Promise<void> {
  await Promise.allSettled([
    browser.notifications?.clear(notificationId),
    browser.tabs.create({ url: browser.runtime.getURL('/popup.html'), active: true }).then((tab) =>
      // The browser window may be behind the game: bring it forward.
      tab.windowId === undefined ? undefined : browser.windows?.update(tab.windowId, { focused: true }),
    ),
  ]);
}

let listening = false;

/**
 * Listens for notification clicks once per worker. Called at start-up (so a click wakes a stopped
 * worker) and after each refresh, because the API only appears once the permission is granted.
 */
export function listenForNotificationClicks(): void {
  if (listening || !notificationsAvailable()) return;
  browser.notifications.onClicked.addListener((id) => void openFromNotification(id));
  listening = true;
}
