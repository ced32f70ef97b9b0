// The background's two alarms: the badge's, set for the next wake-up lib/background/wake-up.ts works out,
// and the feeds' daily check (lib/feeds/check-schedule.ts), each cleared when it has nothing to wait for.
import { browser } from 'wxt/browser';

export const BADGE_ALARM = 'badge';
export const FEED_ALARM = 'feeds';

/** create() replaces the alarm of the same name, so there is never more than one. */
export async function scheduleWakeUp(at: number | undefined): Promise<void> {
  if (at === undefined) await browser.alarms.clear(BADGE_ALARM);
  else await browser.alarms.create(BADGE_ALARM, { when: at });
}

export function onWakeUpAlarm(listener: () => unknown): void {
  browser.alarms.onAlarm.addListener((alarm) => (alarm.name === BADGE_ALARM ? listener() : undefined));
}

export async function scheduleFeedCheck(at: number | undefined): Promise<void> {
  if (at === undefined) await browser.alarms.clear(FEED_ALARM);
  else await browser.alarms.create(FEED_ALARM, { when: at });
}

/** When the feed check is set for, if it is. */
export async function feedCheckScheduledAt(): Promise<number | undefined> {
  return (await browser.alarms.get(FEED_ALARM))?.scheduledTime;
}

export function onFeedCheckAlarm(listener: () => unknown): void {
  browser.alarms.onAlarm.addListener((alarm) => (alarm.name === FEED_ALARM ? listener() : undefined));
}
