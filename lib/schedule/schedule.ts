// The schedule engine: when each milestone is live, its status, and the points that follow. Pure; `now` is passed in.
import type { Milestone, Pack, ServerEvent, Track } from '../packs/types';
import { dailyResetInForce, resolvePackTime, type DailyResetSource, type ResetRule } from './pack-time';
import type { DailyReset } from './daily-reset';
import { isCompleted, own, type PackProgress, type TrackProgress } from '../commander/progress';

export type MilestoneStatus = 'upcoming' | 'live' | 'done' | 'missed';

export interface TimedMilestone {
  milestone: Milestone;
  /** Epoch ms, inclusive. */
  start: number;
  /** Epoch ms, exclusive. */
  end: number;
}

export interface TrackSchedule {
  packId: string;
  track: Track;
  /** Milestones in time order (start, then end, then pack order). */
  milestones: TimedMilestone[];
  server?: { event: ServerEvent; start: number; end: number };
  /** The reset that date-only times were resolved with, e.g. `00:00Z` or 13:00 in Europe/Berlin. */
  dailyReset: ResetRule;
  /** Who set `dailyReset`, so a view can say which reset applies. */
  resetSource: DailyResetSource;
  /** Possible points of the solo event: the sum of every milestone's points. */
  possible: number;
}

/**
 * Resolves every time of a track once, so the views and the badge never re-parse strings. Date-only
 * times start at the Commander's reset, else the pack setting override, else the pack's, else 00:00 UTC.
 */
export function scheduleTrack(pack: Pack, track: Track, userDailyReset?: string, commanderReset?: DailyReset): TrackSchedule {
  const { reset: dailyReset, source: resetSource } = dailyResetInForce(userDailyReset, pack.dailyReset, commanderReset);
  const milestones = track.milestones
    .map((milestone) => ({
      milestone,
      start: resolvePackTime(milestone.start, dailyReset),
      end: resolvePackTime(milestone.end, dailyReset),
    }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const server = track.server && {
    event: track.server,
    start: resolvePackTime(track.server.start, dailyReset),
    end: resolvePackTime(track.server.end, dailyReset),
  };
  const possible = track.milestones.reduce((sum, m) => sum + m.points, 0);
  return { packId: pack.id, track, milestones, dailyReset, resetSource, possible, ...(server ? { server } : {}) };
}

export function milestoneStatus(timed: TimedMilestone, progress: TrackProgress | undefined, now: number): MilestoneStatus {
  if (isCompleted(progress, timed.milestone.id)) return 'done';
  if (now < timed.start) return 'upcoming';
  if (now < timed.end) return 'live';
  return 'missed';
}

export const isLive = (timed: TimedMilestone, now: number): boolean => timed.start <= now && now < timed.end;

/** Milestones live at `now`, ending first first. */
export function liveMilestones(schedule: TrackSchedule, now: number): TimedMilestone[] {
  return schedule.milestones.filter((m) => isLive(m, now)).sort((a, b) => a.end - b.end);
}

/** The first milestone that starts after `now`, if any. */
export function nextMilestone(schedule: TrackSchedule, now: number): TimedMilestone | undefined {
  return schedule.milestones.find((m) => m.start > now);
}

export interface PointsSummary {
  earned: number;
  /** Earned plus every milestone that is neither done nor ended. */
  reachable: number;
  possible: number;
}

export function trackPoints(schedule: TrackSchedule, progress: TrackProgress | undefined, now: number): PointsSummary {
  let earned = 0;
  let stillOpen = 0;
  for (const timed of schedule.milestones) {
    if (isCompleted(progress, timed.milestone.id)) earned += timed.milestone.points;
    else if (now < timed.end) stillOpen += timed.milestone.points;
  }
  return { earned, reachable: earned + stillOpen, possible: schedule.possible };
}

export type ArcPhase = 'upcoming' | 'running' | 'over';

/** Whether the track's milestones have not begun, are under way (live or between two), or are all over. */
export function arcPhase(schedule: TrackSchedule, now: number): ArcPhase {
  const first = schedule.milestones[0];
  if (!first || now < first.start) return first ? 'upcoming' : 'over';
  const lastEnd = Math.max(...schedule.milestones.map((m) => m.end));
  return now < lastEnd ? 'running' : 'over';
}

export interface ServerGoalGap {
  goal: number;
  seen: number;
  /** Points the server still needs; 0 once the goal is reached. */
  needed: number;
  /** At least this many Commanders completing every milestone of the track would close the gap. */
  fullCompletions: number;
}

export function serverGoalGap(schedule: TrackSchedule, progress: TrackProgress | undefined): ServerGoalGap | undefined {
  if (!schedule.server) return undefined;
  const goal = schedule.server.event.goal;
  const seen = progress?.server?.points ?? 0;
  const needed = Math.max(0, goal - seen);
  const fullCompletions = schedule.possible > 0 ? Math.ceil(needed / schedule.possible) : 0;
  return { goal, seen, needed, fullCompletions };
}

export interface FollowedTrack {
  schedule: TrackSchedule;
  progress: TrackProgress | undefined;
}

export function trackProgress(progress: PackProgress | undefined, trackId: string): TrackProgress | undefined {
  return own(progress?.tracks, trackId);
}
