// The background's wake-up: recompute the badge from stored data, show it, show any notification that
// has come due, and sleep until the next change of either. One alarm drives both.
import { showBadge } from '../badge/badge-adapter';
import { commandersBadgeAt, commandersNextBadgeChange, damagedStoreBadge } from '../badge/rules';
import { nextNotificationAt } from '../notifications/plan';
import { listenForNotificationClicks, sendDueNotifications } from '../notifications/notification-adapter';
import { defaultSettings } from '../commander/settings';
import { HOUR_MS } from '../schedule/units';
import { everyCommander, followedTracks, type TrackerState } from '../views/tracker-state';
import { StoreDamaged } from '../storage/damage';
import { loadTrackerState } from '../storage/load';
import { extensionStore } from '../storage/store-adapter';
import { scheduleWakeUp } from './alarm-adapter';

/**
 * The longest the worker sleeps even when the badge will not change sooner: a missed alarm or a
 * clock moved by hand is healed within this time, at the cost of one wake-up an hour in long gaps.
 */
export const MAX_SLEEP_MS = HOUR_MS;

export function nextWakeUp(changeAt: number, now: number): number | undefined {
  if (!Number.isFinite(changeAt)) return undefined;
  return Math.min(changeAt, now + MAX_SLEEP_MS);
}

/**
 * Recomputes the badge at `now`, shows the notifications due, and schedules exactly one alarm for the
 * next badge change or notification, whichever comes first. Returns that instant.
 */
export async function refreshBadge(now: number, store = extensionStore()): Promise<number | undefined> {
  let state: TrackerState;
  try {
    // Every Commander's progress: the badge is green only when each one who follows the milestone completed it.
    state = await loadTrackerState(store, true);
  } catch (error) {
    if (!(error instanceof StoreDamaged)) throw error;
    // Nothing to count down from; a view opening or a restore (an announced change) looks again.
    await showBadge(damagedStoreBadge());
    await scheduleWakeUp(undefined);
    return undefined;
  }
  // The badge and the notifications watch every Commander, not only the one the views show.
  const several = state.snapshot.commanders.list.length > 1;
  const groups = everyCommander(state).map(({ commander, state: theirs }) => ({
    name: commander.name,
    followed: followedTracks(theirs),
    ...(several ? { commander: { id: commander.id, name: commander.name } } : {}),
  }));
  const notifications = state.snapshot.settings.notifications ?? defaultSettings().notifications;
  await showBadge(commandersBadgeAt(groups, now));
  try {
    listenForNotificationClicks();
    await sendDueNotifications(groups, notifications, now, store);
  } catch (error) {
    // A refused notification must never cost the badge its next wake-up.
    console.error('notifications failed', error);
  }
  const changeAt = Math.min(commandersNextBadgeChange(groups, now), ...groups.map((group) => nextNotificationAt(group.followed, notifications, now)));
  const wakeAt = nextWakeUp(changeAt, now);
  await scheduleWakeUp(wakeAt);
  return wakeAt;
}
