// Which notifications are due, and when the next one is: pure functions of the followed tracks,
// the Commander's notification settings and `now`. lib/notifications/notification-adapter.ts shows them.
import { formatDuration } from '../schedule/duration';
import { isCompleted } from '../commander/progress';
import type { FollowedTrack, TimedMilestone } from '../schedule/schedule';
import type { NotificationSettings } from '../commander/settings';
import type { TimeFormatter } from '../badge/rules';
import { MINUTE_MS as MINUTE } from '../schedule/units';
import { localWeekdayTime } from '../format/local-time';

/**
 * A "has started" notification is still worth showing this long after the start. After a longer
 * sleep (laptop lid closed) it is dropped rather than shown late, in a pile with others.
 */
export const STALE_START_MS = 15 * MINUTE;

/** The longest lead the settings accept: one day. */
export const MAX_MINUTES_BEFORE_END = 1440;

export type NotificationKind = 'ending' | 'start';

export interface DueNotification {
  /** Stable for one milestone and kind, e.g. `my-arc/heroes/day-3/ending`: the key that makes each one fire once. */
  id: string;
  kind: NotificationKind;
  packId: string;
  trackId: string;
  milestoneId: string;
  /** When it became due. */
  at: number;
  title: string;
  message: string;
}

export const notificationId = (packId: string, trackId: string, milestoneId: string, kind: NotificationKind): string =>
  `${packId}/${trackId}/${milestoneId}/${kind}`;

/** With two or more Commanders, whose notification it is: named in the title, and part of the id, so each fires once per Commander. */
export interface NotifiedCommander {
  id: string;
  name: string;
}

function leadMs(settings: NotificationSettings): number {
  const minutes = Number.isInteger(settings.minutesBeforeEnd) ? settings.minutesBeforeEnd : 0;
  return Math.min(Math.max(minutes, 0), MAX_MINUTES_BEFORE_END) * MINUTE;
}

/** The instant the "ends soon" notification of a milestone is due: the lead before its end, but not before it starts. */
function endingAt(timed: TimedMilestone, lead: number): number {
  return Math.max(timed.start, timed.end - lead);
}

/** A notification is read on its own, so its one time names its zone. */
const notificationTime: TimeFormatter = (at) => localWeekdayTime(at, { withZone: true });

/**
 * Notifications due at `now` for milestones of followed tracks, whether or not they were shown
 * already (the caller remembers ids). "Ends soon": from the lead before the end until the end, while
 * not completed. "Has started": from the start for STALE_START_MS, while live and not completed.
 */
export function dueNotifications(
  followed: FollowedTrack[],
  settings: NotificationSettings,
  now: number,
  formatTime: TimeFormatter = notificationTime,
  commander?: NotifiedCommander,
): DueNotification[] {
  if (!settings.enabled) return [];
  const lead = leadMs(settings);
  const due: DueNotification[] = [];
  const idOf = (packId: string, trackId: string, milestoneId: string, kind: NotificationKind) =>
    `${commander ? `${commander.id}/` : ''}${notificationId(packId, trackId, milestoneId, kind)}`;
  const titled = (title: string) => (commander ? `${commander.name}: ${title}` : title);
  for (const { schedule, progress } of followed) {
    const track = schedule.track;
    for (const timed of schedule.milestones) {
      const { milestone, start, end } = timed;
      if (now < start || now >= end || isCompleted(progress, milestone.id)) continue;
      const base = { packId: schedule.packId, trackId: track.id, milestoneId: milestone.id };
      const points = `${milestone.points} points`;
      if (settings.onStart && now < start + STALE_START_MS) {
        due.push({
          ...base,
          id: idOf(schedule.packId, track.id, milestone.id, 'start'),
          kind: 'start',
          at: start,
          title: titled(`${milestone.name} has started`),
          message: `${track.name} · ${points} · ends ${formatTime(end)} (in ${formatDuration(end - now)})`,
        });
      }
      if (lead > 0 && now >= endingAt(timed, lead)) {
        due.push({
          ...base,
          id: idOf(schedule.packId, track.id, milestone.id, 'ending'),
          kind: 'ending',
          at: endingAt(timed, lead),
          title: titled(`${milestone.name} ends in ${formatDuration(end - now)}`),
          message: `${track.name} · not completed yet · ${points} · ends ${formatTime(end)}`,
        });
      }
    }
  }
  return due.sort((a, b) => a.at - b.at);
}

/** The first instant after `now` at which a notification becomes due; Infinity when none will. */
export function nextNotificationAt(followed: FollowedTrack[], settings: NotificationSettings, now: number): number {
  if (!settings.enabled) return Number.POSITIVE_INFINITY;
  const lead = leadMs(settings);
  let next = Number.POSITIVE_INFINITY;
  const consider = (instant: number) => {
    if (instant > now && instant < next) next = instant;
  };
  for (const { schedule, progress } of followed) {
    for (const timed of schedule.milestones) {
      if (timed.end <= now || isCompleted(progress, timed.milestone.id)) continue;
      if (settings.onStart) consider(timed.start);
      if (lead > 0) consider(endingAt(timed, lead));
    }
  }
  return next;
}
