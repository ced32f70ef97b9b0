// The background's one alarm: set for the next wake-up lib/background/wake-up.ts works out, or cleared.
import { browser } from 'wxt/browser';

export const BADGE_ALARM = 'badge';

/** create() replaces the alarm of the same name, so there is never more than one. */
export async function scheduleWakeUp(at: number | undefined): Promise<void> {
  if (at === undefined) await browser.alarms.clear(BADGE_ALARM);
  else await browser.alarms.create(BADGE_ALARM, { when: at });
}

export function onWakeUpAlarm(listener: () => unknown): void {
  browser.alarms.onAlarm.addListener((alarm) => (alarm.name === BADGE_ALARM ? listener() : undefined));
}
