// The background's badge: recompute from stored data, show it, and sleep until the next change.
import { browser } from 'wxt/browser';
import { BADGE_COLOURS, badgeAt, nextBadgeChange, type Badge } from './badge';
import { followedTracks, loadTrackerState } from './tracker-state';
import { extensionStore } from './store';

export const BADGE_ALARM = 'badge';

/**
 * The longest the worker sleeps even when the badge will not change sooner: a missed alarm or a
 * clock moved by hand is healed within this time, at the cost of one wake-up an hour in long gaps.
 */
export const MAX_SLEEP_MS = 60 * 60_000;

export function nextWakeUp(changeAt: number, now: number): number | undefined {
  if (!Number.isFinite(changeAt)) return undefined;
  return Math.min(changeAt, now + MAX_SLEEP_MS);
}

export async function showBadge(badge: Badge): Promise<void> {
  await Promise.all([
    browser.action.setBadgeText({ text: badge.text }),
    browser.action.setTitle({ title: badge.title }),
    badge.colour ? browser.action.setBadgeBackgroundColor({ color: BADGE_COLOURS[badge.colour] }) : undefined,
    badge.colour && browser.action.setBadgeTextColor ? browser.action.setBadgeTextColor({ color: '#ffffff' }) : undefined,
  ]);
}

/** Recomputes the badge at `now` and schedules exactly one alarm for its next change. Returns that instant. */
export async function refreshBadge(now: number, store = extensionStore()): Promise<number | undefined> {
  const followed = followedTracks(await loadTrackerState(store));
  await showBadge(badgeAt(followed, now));
  const wakeAt = nextWakeUp(nextBadgeChange(followed, now), now);
  // create() replaces the alarm of the same name, so there is never more than one.
  if (wakeAt === undefined) await browser.alarms.clear(BADGE_ALARM);
  else await browser.alarms.create(BADGE_ALARM, { when: wakeAt });
  return wakeAt;
}
