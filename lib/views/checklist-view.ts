// What the side panel shows at `now`: one pack's whole arc for the followed track as a checklist, with
// points, the server goal, the solo event and the requirements. Pure; `now` is passed in.
import type { ServerPointsSeen } from '../commander/progress';
import {
  arcPhase,
  milestoneStatus,
  serverGoalGap,
  trackPoints,
  trackProgress,
  type ArcPhase,
  type MilestoneStatus,
  type PointsSummary,
  type TrackSchedule,
} from '../schedule/schedule';
import { resetZone } from '../schedule/pack-time';
import type { PackState, TrackerState } from './tracker-state';
import {
  objectiveViews,
  resetAssumption,
  trackChoices,
  type ObjectiveView,
  type ResetAssumption,
  type TrackChoice,
} from './track-view';

export interface ChecklistMilestone {
  id: string;
  name: string;
  points: number;
  start: number;
  end: number;
  status: MilestoneStatus;
  /** Empty when the pack publishes none. */
  objectives: ObjectiveView[];
  /**
   * Whether the objectives are shown unfolded: while live, and for the next few upcoming milestones.
   * Ended milestones fold theirs away (nothing scores any more), and so do far-off ones, which keeps
   * a 400-milestone arc quick to open.
   */
  objectivesOpen: boolean;
  /** Absent when the pack publishes none. */
  rewards?: string[];
  notes?: string;
}

/** How many upcoming milestones show their objectives unfolded. */
export const UNFOLDED_UPCOMING = 7;

export interface ChecklistServerGoal {
  name: string;
  start: number;
  end: number;
  goal: number;
  rewards?: string[];
  /** The server's points as the Commander last typed them, with when. */
  seen?: ServerPointsSeen;
  /** Points the server still needs; 0 once the goal is reached. */
  needed: number;
  /** At least this many Commanders completing every milestone of the track would close the gap. */
  fullCompletions: number;
  /** Points of one full completion: every milestone of the track. */
  perCompletion: number;
}

export interface ChecklistTrack {
  trackId: string;
  name: string;
  role?: string;
  notes?: string;
  phase: ArcPhase;
  milestones: ChecklistMilestone[];
  points: PointsSummary;
  reset?: ResetAssumption;
  /** The zone the reset in force is counted in (the server's clock), for the side panel's “Server time”. */
  serverZone: string;
  server?: ChecklistServerGoal;
  solo?: { name: string; rewards?: string[] };
}

export interface ChecklistPack {
  packId: string;
  title: string;
  tracks: TrackChoice[];
  /** Undefined until the Commander chooses a track. */
  track?: ChecklistTrack;
  requirements?: string[];
  notes?: string;
  sources?: string[];
}

export interface ChecklistViewModel {
  now: number;
  /** Every visible pack, for choosing which one the panel shows. */
  packs: Array<{ id: string; title: string }>;
  /** The pack shown; undefined only when no pack is visible. */
  shown?: ChecklistPack;
  /** The instants at which a shown countdown or status changes. */
  targets: number[];
}

/** The pack to show when the Commander has not picked one: live or between milestones, else upcoming, else the first. */
export function defaultChecklistPack(state: TrackerState, now: number): string | undefined {
  let best: { id: string; rank: number } | undefined;
  for (const entry of state.packs) {
    const { schedule } = entry;
    const phase = schedule ? arcPhase(schedule, now) : 'upcoming';
    const rank = phase === 'running' ? 0 : phase === 'upcoming' ? 1 : 2;
    if (!best || rank < best.rank) best = { id: entry.pack.id, rank };
  }
  return best?.id;
}

function checklistTrack(state: TrackerState, entry: PackState, schedule: TrackSchedule, now: number): ChecklistTrack {
  const progress = trackProgress(entry.progress, schedule.track.id);
  const { track } = schedule;
  const reset = resetAssumption(schedule);
  const gap = serverGoalGap(schedule, progress);
  let upcomingShown = 0;
  const server: ChecklistServerGoal | undefined =
    schedule.server && gap
      ? {
          name: schedule.server.event.name,
          start: schedule.server.start,
          end: schedule.server.end,
          goal: gap.goal,
          ...(schedule.server.event.rewards ? { rewards: schedule.server.event.rewards } : {}),
          ...(progress?.server ? { seen: progress.server } : {}),
          needed: gap.needed,
          fullCompletions: gap.fullCompletions,
          perCompletion: schedule.possible,
        }
      : undefined;
  return {
    trackId: track.id,
    name: track.name,
    ...(track.role ? { role: track.role } : {}),
    ...(track.notes ? { notes: track.notes } : {}),
    phase: arcPhase(schedule, now),
    serverZone: resetZone(schedule.dailyReset),
    milestones: schedule.milestones.map((timed) => ({
      id: timed.milestone.id,
      name: timed.milestone.name,
      points: timed.milestone.points,
      start: timed.start,
      end: timed.end,
      status: milestoneStatus(timed, progress, now),
      objectives: objectiveViews(timed.milestone, progress),
      objectivesOpen: timed.end > now && (timed.start <= now || upcomingShown++ < UNFOLDED_UPCOMING),
      ...(timed.milestone.rewards ? { rewards: timed.milestone.rewards } : {}),
      ...(timed.milestone.notes ? { notes: timed.milestone.notes } : {}),
    })),
    points: trackPoints(schedule, progress, now),
    ...(reset ? { reset } : {}),
    ...(server ? { server } : {}),
    ...(track.solo ? { solo: { name: track.solo.name, ...(track.solo.rewards ? { rewards: track.solo.rewards } : {}) } } : {}),
  };
}

/** The next instant after `now` at which a milestone of the schedule starts or ends. */
function nextBoundary(schedule: TrackSchedule, now: number): number | undefined {
  let next: number | undefined;
  for (const { start, end } of schedule.milestones) {
    if (start > now && (next === undefined || start < next)) next = start;
    if (end > now && (next === undefined || end < next)) next = end;
  }
  return next;
}

function shownPack(state: TrackerState, now: number, packId: string | undefined): PackState | undefined {
  const wanted = state.packs.some((e) => e.pack.id === packId) ? packId : defaultChecklistPack(state, now);
  return state.packs.find((e) => e.pack.id === wanted);
}

/** The instants at which the checklist next changes by itself: a start or an end. Cheaper than the whole view. */
export function checklistTargets(state: TrackerState, now: number, packId?: string): number[] {
  const entry = shownPack(state, now, packId);
  const schedule = entry?.schedule;
  const boundary = schedule && nextBoundary(schedule, now);
  return boundary === undefined ? [] : [boundary];
}

export function checklistView(state: TrackerState, now: number, packId?: string): ChecklistViewModel {
  const packs = state.packs.map((entry) => ({ id: entry.pack.id, title: entry.pack.title }));
  const entry = shownPack(state, now, packId);
  if (!entry) return { now, packs, targets: [] };
  const { schedule } = entry;
  const { pack } = entry;
  const shown: ChecklistPack = {
    packId: pack.id,
    title: pack.title,
    tracks: trackChoices(entry),
    ...(schedule ? { track: checklistTrack(state, entry, schedule, now) } : {}),
    ...(pack.requirements ? { requirements: pack.requirements } : {}),
    ...(pack.notes ? { notes: pack.notes } : {}),
    ...(pack.sources ? { sources: pack.sources } : {}),
  };
  const boundary = schedule && nextBoundary(schedule, now);
  return { now, packs, shown, targets: boundary === undefined ? [] : [boundary] };
}

const MAX_SERVER_POINTS = 1_000_000_000_000;

/** Server points as typed from the game: whole digits, optionally in groups of three (`4 200`, `4,200`, `4.200`). */
export function parseServerPoints(text: string): number | undefined {
  const typed = text.trim();
  if (!/^(\d+|\d{1,3}([\s,.'’]\d{3})+)$/.test(typed)) return undefined;
  const points = Number(typed.replace(/\D/g, ''));
  return points <= MAX_SERVER_POINTS ? points : undefined;
}
