// The badge rules (README, "How the badge behaves"), in one place: what the badge shows at `now`, and when that next changes.
import { isCompleted } from '../commander/progress';
import type { FollowedTrack, TimedMilestone, TrackSchedule } from '../schedule/schedule';
import { DAY_MS as DAY, HOUR_MS as HOUR, MINUTE_MS as MINUTE } from '../schedule/units';
import { localDateTime } from '../format/local-time';

export type BadgeColour = 'green' | 'red' | 'amber' | 'blue' | 'grey';

/** Badge backgrounds; white text on each keeps a contrast ratio of at least 4.5:1. */
export const BADGE_COLOURS: Record<BadgeColour, string> = {
  green: '#1b7a3a',
  red: '#b91c1c',
  amber: '#a14e00',
  blue: '#1d4ed8',
  grey: '#4b5563',
};

export const DEFAULT_TITLE = 'STFC Milestone Tracker';

export interface Badge {
  /** Empty when nothing is live or upcoming. */
  text: string;
  colour: BadgeColour | undefined;
  title: string;
}

/**
 * The store holds what this version cannot read: a red `!` rather than no badge, so the Commander
 * learns now, not when a milestone has been missed; the tooltip says where to restore.
 */
export function damagedStoreBadge(): Badge {
  return { text: '!', colour: 'red', title: `${DEFAULT_TITLE}: the stored progress is damaged. Open Options › Backup and restore.` };
}

/** `2d` from 48 h (days down), `5h` from 1 h (hours down), else `42m` (minutes up, never `0m`). */
export function countdownText(remaining: number): string {
  if (remaining >= 2 * DAY) return `${Math.floor(remaining / DAY)}d`;
  if (remaining >= HOUR) return `${Math.floor(remaining / HOUR)}h`;
  return `${Math.max(1, Math.ceil(remaining / MINUTE))}m`;
}

/** The first instant after `now` at which countdownText(target - t) differs from its value at `now`. */
export function nextCountdownChange(target: number, now: number): number {
  const remaining = target - now;
  if (remaining <= 0) return Number.POSITIVE_INFINITY;
  // In the floored ranges the text k holds down to remaining = k·unit, and changes 1 ms later.
  if (remaining >= 2 * DAY) return target - Math.floor(remaining / DAY) * DAY + 1;
  if (remaining >= HOUR) return target - Math.floor(remaining / HOUR) * HOUR + 1;
  // Minutes round up: the text k holds while remaining > (k-1)·minute.
  const minutes = Math.ceil(remaining / MINUTE);
  return target - (minutes - 1) * MINUTE;
}

export type TimeFormatter = (instant: number) => string;

/** The followed tracks of one Commander, named for the tooltip. */
export interface CommanderTracks {
  name: string;
  followed: FollowedTrack[];
}

interface Candidate {
  schedule: TrackSchedule;
  timed: TimedMilestone;
  /** By every Commander who follows it. */
  completed: boolean;
}

/** The same milestone of the same track, at the same times, is one candidate however many Commanders follow it. */
const candidateKey = (schedule: TrackSchedule, timed: TimedMilestone) =>
  `${schedule.packId}/${schedule.track.id}/${timed.milestone.id}@${timed.start}-${timed.end}`;

function liveCandidates(groups: CommanderTracks[], now: number): Candidate[] {
  const candidates = new Map<string, Candidate>();
  for (const group of groups) {
    for (const entry of group.followed) {
      for (const timed of entry.schedule.milestones) {
        if (timed.start > now || now >= timed.end) continue;
        const done = isCompleted(entry.progress, timed.milestone.id);
        const key = candidateKey(entry.schedule, timed);
        const known = candidates.get(key);
        if (known) known.completed &&= done;
        else candidates.set(key, { schedule: entry.schedule, timed, completed: done });
      }
    }
  }
  return [...candidates.values()];
}

/** The live milestone that ends first among the followed tracks (one some Commander has not completed wins a tie). */
function badgeMilestone(groups: CommanderTracks[], now: number): Candidate | undefined {
  let best: Candidate | undefined;
  for (const candidate of liveCandidates(groups, now)) {
    if (
      !best ||
      candidate.timed.end < best.timed.end ||
      (candidate.timed.end === best.timed.end && best.completed && !candidate.completed)
    ) {
      best = candidate;
    }
  }
  return best;
}

/** The milestone that starts next among the followed tracks. */
function upcomingMilestone(groups: CommanderTracks[], now: number): Omit<Candidate, 'completed'> | undefined {
  let best: Omit<Candidate, 'completed'> | undefined;
  for (const group of groups) {
    for (const entry of group.followed) {
      for (const timed of entry.schedule.milestones) {
        if (timed.start > now && (!best || timed.start < best.timed.start)) best = { schedule: entry.schedule, timed };
      }
    }
  }
  return best;
}

/** One tooltip line per Commander: the shown milestone's state, or their own live one's, or that nothing is live for them. */
function commanderLines(groups: CommanderTracks[], shown: Candidate, now: number): string[] {
  return groups.map((group) => {
    const own = badgeMilestone([group], now);
    if (!own) return `${group.name}: nothing live`;
    const state = own.completed ? 'completed' : 'not completed';
    return candidateKey(own.schedule, own.timed) === candidateKey(shown.schedule, shown.timed)
      ? `${group.name}: ${state}`
      : `${group.name}: ${own.timed.milestone.name} ${state}`;
  });
}

function liveColour(remaining: number, completed: boolean): BadgeColour {
  if (completed) return 'green';
  if (remaining <= HOUR) return 'red';
  if (remaining <= 3 * HOUR) return 'amber';
  return 'blue';
}

/** A tooltip is read on its own, so its one time names its zone. */
const tooltipTime: TimeFormatter = (at) => localDateTime(at, { withZone: true });

export function badgeAt(followed: FollowedTrack[], now: number, formatTime: TimeFormatter = tooltipTime): Badge {
  return commandersBadgeAt([{ name: '', followed }], now, formatTime);
}

/**
 * The badge for every Commander at once: the live milestone that ends first among all their followed
 * tracks, green only when every Commander who follows it has completed it; with two or more
 * Commanders the tooltip names each one's state.
 */
export function commandersBadgeAt(groups: CommanderTracks[], now: number, formatTime: TimeFormatter = tooltipTime): Badge {
  const live = badgeMilestone(groups, now);
  if (live) {
    const remaining = live.timed.end - now;
    const name = live.timed.milestone.name;
    const state = live.completed ? ' (completed)' : '';
    const head = `${name}${state} · ${live.schedule.track.name} · ends ${formatTime(live.timed.end)}`;
    return {
      text: countdownText(remaining),
      colour: liveColour(remaining, live.completed),
      title: groups.length > 1 ? [head, ...commanderLines(groups, live, now)].join('\n') : head,
    };
  }
  const next = upcomingMilestone(groups, now);
  if (next) {
    return {
      text: countdownText(next.timed.start - now),
      colour: 'grey',
      title: `Next: ${next.timed.milestone.name} · ${next.schedule.track.name} · starts ${formatTime(next.timed.start)}`,
    };
  }
  return { text: '', colour: undefined, title: DEFAULT_TITLE };
}

/**
 * The next instant after `now` at which the badge may change without anyone touching progress:
 * its text or colour, or any milestone of a followed track starting or ending. Infinity when nothing is ahead.
 */
export function nextBadgeChange(followed: FollowedTrack[], now: number): number {
  return commandersNextBadgeChange([{ name: '', followed }], now);
}

export function commandersNextBadgeChange(groups: CommanderTracks[], now: number): number {
  let next = Number.POSITIVE_INFINITY;
  const consider = (instant: number) => {
    if (instant > now && instant < next) next = instant;
  };
  for (const group of groups) {
    for (const entry of group.followed) {
      for (const timed of entry.schedule.milestones) {
        consider(timed.start);
        consider(timed.end);
      }
    }
  }
  const live = badgeMilestone(groups, now);
  if (live) {
    consider(nextCountdownChange(live.timed.end, now));
    if (!live.completed) {
      consider(live.timed.end - 3 * HOUR);
      consider(live.timed.end - HOUR);
    }
    return next;
  }
  const upcoming = upcomingMilestone(groups, now);
  if (upcoming) consider(nextCountdownChange(upcoming.timed.start, now));
  return next;
}
