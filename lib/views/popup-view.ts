// What the popup shows at `now`: per visible pack, the live milestone of the followed track, or the
// choice of a track on first run. Cheap by design: only the followed track is scanned, and only its
// live milestones' objectives are read, so a pack of 8 × 400 × 20 costs a few microseconds.
import { isCompleted } from '../commander/progress';
import {
  arcPhase,
  liveMilestones,
  nextMilestone,
  trackPoints,
  trackProgress,
  type ArcPhase,
  type PointsSummary,
  type TrackSchedule,
} from '../schedule/schedule';
import { packSettings } from '../commander/settings';
import { commanderById } from '../commander/commanders';
import type { DailyReset } from '../schedule/daily-reset';
import { scheduleTrack } from '../schedule/schedule';
import type { PackState, TrackerState } from './tracker-state';
import {
  objectiveViews,
  resetAssumption,
  trackChoices,
  type ObjectiveView,
  type ResetAssumption,
  type TrackChoice,
} from './track-view';

export interface PopupLiveMilestone {
  id: string;
  name: string;
  points: number;
  start: number;
  end: number;
  completed: boolean;
  objectives: ObjectiveView[];
  notes?: string;
}

export interface PopupNextMilestone {
  id: string;
  name: string;
  start: number;
  end: number;
}

/** A pack whose followed track is known. */
export interface PopupTrackSection {
  kind: 'track';
  packId: string;
  packTitle: string;
  trackId: string;
  trackName: string;
  role?: string;
  /** `upcoming`: the first milestone has not begun; `running`: live or between two; `over`: all ended. */
  phase: ArcPhase;
  /** Live now, ending first first; usually one. */
  live: PopupLiveMilestone[];
  next?: PopupNextMilestone;
  /** End of the last milestone, for "ended on …". */
  arcEnd?: number;
  points: PointsSummary;
  /** Present when the times shown depend on an assumed daily reset. */
  reset?: ResetAssumption;
}

/** First run for a pack: no track followed yet. */
export interface PopupChooseSection {
  kind: 'choose';
  packId: string;
  packTitle: string;
  tracks: TrackChoice[];
}

/** A pack no track of which is followed, whose arc has ended: one line, no side to choose. */
export interface PopupEndedSection {
  kind: 'ended';
  packId: string;
  packTitle: string;
  arcEnd: number;
}

export type PopupSection = PopupTrackSection | PopupChooseSection | PopupEndedSection;

export interface PopupViewModel {
  now: number;
  /** Most pressing first: live, then a track to choose, between milestones, upcoming, over. */
  sections: PopupSection[];
  /** Whether any followed track has a live milestone. */
  anythingLive: boolean;
  /** Every shown pack has a followed track and none is live: time to point at adding a pack. */
  nothingLive: boolean;
  /** No pack has a milestone live or upcoming (or no pack is shown): say so first and offer ways to get one. */
  noArc: boolean;
  /** The instants the shown countdowns count to, so the view redraws exactly when one changes. */
  targets: number[];
  /** The shown Commander's daily reset; absent until they answer the first-run question. */
  commanderReset?: DailyReset;
}

function trackSection(state: TrackerState, entry: PackState, schedule: TrackSchedule, now: number): PopupTrackSection {
  const progress = trackProgress(entry.progress, schedule.track.id);
  const liveNow = liveMilestones(schedule, now);
  const upcoming = nextMilestone(schedule, now);
  const last = schedule.milestones.at(-1);
  const arcEnd = schedule.milestones.reduce((latest, m) => Math.max(latest, m.end), last?.end ?? 0);
  const shown = upcoming ? [...liveNow, upcoming] : liveNow;
  const reset = resetAssumption(schedule, shown.length > 0 ? shown : schedule.milestones.slice(-1));
  return {
    kind: 'track',
    packId: entry.pack.id,
    packTitle: entry.pack.title,
    trackId: schedule.track.id,
    trackName: schedule.track.name,
    ...(schedule.track.role ? { role: schedule.track.role } : {}),
    phase: arcPhase(schedule, now),
    live: liveNow.map(({ milestone, start, end }) => ({
      id: milestone.id,
      name: milestone.name,
      points: milestone.points,
      start,
      end,
      completed: isCompleted(progress, milestone.id),
      objectives: objectiveViews(milestone, progress),
      ...(milestone.notes ? { notes: milestone.notes } : {}),
    })),
    ...(upcoming
      ? { next: { id: upcoming.milestone.id, name: upcoming.milestone.name, start: upcoming.start, end: upcoming.end } }
      : {}),
    ...(last ? { arcEnd } : {}),
    points: trackPoints(schedule, progress, now),
    ...(reset ? { reset } : {}),
  };
}

function rank(section: PopupSection): number {
  if (section.kind === 'choose') return 1;
  if (section.kind === 'ended') return 4;
  if (section.live.length > 0) return 0;
  return section.phase === 'running' ? 2 : section.phase === 'upcoming' ? 3 : 4;
}

export function popupView(state: TrackerState, now: number): PopupViewModel {
  const sections: PopupSection[] = [];
  const commanderReset = commanderById(state.snapshot.commanders, state.commanderId)?.reset;
  for (const entry of state.packs) {
    const { schedule } = entry;
    if (schedule) {
      sections.push(trackSection(state, entry, schedule, now));
      continue;
    }
    // The side is asked only for an arc that is live or upcoming: choosing one in an ended arc helps nobody.
    const reset = packSettings(state.snapshot.settings, entry.pack.id).dailyReset;
    const arcEnd = Math.max(...entry.pack.tracks.flatMap((track) => scheduleTrack(entry.pack, track, reset, commanderReset).milestones.map((m) => m.end)));
    if (arcEnd <= now) sections.push({ kind: 'ended', packId: entry.pack.id, packTitle: entry.pack.title, arcEnd });
    else sections.push({ kind: 'choose', packId: entry.pack.id, packTitle: entry.pack.title, tracks: trackChoices(entry) });
  }
  // Array.prototype.sort is stable, so packs of equal rank keep the store's order.
  sections.sort((a, b) => rank(a) - rank(b));
  const targets: number[] = [];
  let anythingLive = false;
  for (const section of sections) {
    if (section.kind !== 'track') continue;
    for (const live of section.live) targets.push(live.end);
    if (section.next) targets.push(section.next.start);
    anythingLive ||= section.live.length > 0;
  }
  const nothingLive = sections.length > 0 && !anythingLive && sections.every((s) => s.kind === 'track');
  const noArc = sections.every((s) => s.kind === 'ended' || (s.kind === 'track' && s.phase === 'over'));
  return { now, sections, anythingLive, nothingLive, noArc, targets, ...(commanderReset ? { commanderReset } : {}) };
}
