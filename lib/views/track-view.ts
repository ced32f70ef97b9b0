// View-model parts that the popup and the side panel share. Pure; `now` is passed in.
import type { Milestone } from '../packs/types';
import { isObjectiveChecked, type TrackProgress } from '../commander/progress';
import type { TrackSchedule } from '../schedule/schedule';
import { isDateOnly, type DailyResetSource, type ResetRule } from '../schedule/pack-time';
import type { PackState } from './tracker-state';
import { trackLabel } from '../format/labels';

export interface ObjectiveView {
  id: string;
  text: string;
  checked: boolean;
}

export interface TrackChoice {
  id: string;
  name: string;
  role?: string;
  /** `Defenders of Peace · Hero`: what the Commander picks by. */
  label: string;
}

/** Which daily reset turned the pack's dates into instants, and who said so. */
export interface ResetAssumption {
  /** As stored, e.g. `00:00Z` or 13:00 in Europe/Berlin. */
  reset: ResetRule;
  /** For people, e.g. `00:00 UTC`, `05:00 UTC+02:00` or `13:00 Europe/Berlin`. */
  label: string;
  source: DailyResetSource;
  /** One instant that is a reset, so a view can show the reset in local time. */
  example: number;
}

export function trackChoices(entry: PackState): TrackChoice[] {
  return entry.pack.tracks.map((track) => ({
    id: track.id,
    name: track.name,
    label: trackLabel(track),
    ...(track.role ? { role: track.role } : {}),
  }));
}

export function objectiveViews(milestone: Milestone, progress: TrackProgress | undefined): ObjectiveView[] {
  return milestone.objectives.map((objective) => ({
    id: objective.id,
    text: objective.text,
    checked: isObjectiveChecked(progress, milestone.id, objective.id),
  }));
}

export function resetLabel(reset: ResetRule): string {
  if (typeof reset !== 'string') return reset.zone === 'UTC' ? `${reset.time} UTC` : `${reset.time} ${reset.zone.replace(/_/g, ' ')}`;
  const time = reset.slice(0, 5);
  const offset = reset.slice(5);
  return offset === 'Z' || offset === '+00:00' || offset === '-00:00' ? `${time} UTC` : `${time} UTC${offset}`;
}

/**
 * The reset assumption behind `milestones`, or undefined when every one of them is a full instant
 * (then no reset was assumed and there is nothing to say).
 */
export function resetAssumption(
  schedule: TrackSchedule,
  milestones: TrackSchedule['milestones'] = schedule.milestones,
): ResetAssumption | undefined {
  const dated = milestones.find((m) => isDateOnly(m.milestone.start));
  const datedEnd = dated ? undefined : milestones.find((m) => isDateOnly(m.milestone.end));
  const example = dated?.start ?? datedEnd?.end;
  if (example === undefined) return undefined;
  return { reset: schedule.dailyReset, label: resetLabel(schedule.dailyReset), source: schedule.resetSource, example };
}
