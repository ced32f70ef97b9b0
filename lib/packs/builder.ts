// The "Create a pack" form as data: what the Commander typed, turned into a pack-format value and then
// read by the same reader as an imported file. Pure; the caller passes the time-zone offset.
import { TZDate } from '@date-fns/tz';
import { addDays, format } from 'date-fns';
import { readPackKeyed, type KeyedProblem } from './reader';
import type { Pack } from './types';

export type MilestoneTiming = 'day' | 'exact';

/** One milestone as typed. Text fields hold exactly what the inputs hold. */
export interface MilestoneDraft {
  name: string;
  points: string;
  /** `day`: live for one day from the daily reset on `day`; `exact`: from `start` to `end`. */
  timing: MilestoneTiming;
  /** `YYYY-MM-DD`, as an `<input type="date">` gives it. */
  day: string;
  /** `YYYY-MM-DDTHH:MM` in the Commander's local time, as an `<input type="datetime-local">` gives it. */
  start: string;
  end: string;
  /** One objective per line; blank lines are ignored. */
  objectives: string;
  /** One reward per line; none at all means "not published". */
  rewards: string;
}

export interface TrackDraft {
  name: string;
  role: string;
  milestones: MilestoneDraft[];
}

export interface PackDraft {
  /** Blank: made from the title. */
  id: string;
  title: string;
  /** `HH:MM` in UTC, as an `<input type="time">` gives it; blank: the format's default, 00:00 UTC. */
  dailyReset: string;
  tracks: TrackDraft[];
}

/** Minutes east of UTC of the Commander's time zone at a local date and time (`YYYY-MM-DDTHH:MM`). */
export type ZoneOffset = (localDateTime: string) => number;

export const emptyMilestone = (day = ''): MilestoneDraft => ({
  name: '',
  points: '100',
  timing: 'day',
  day,
  start: '',
  end: '',
  objectives: '',
  rewards: '',
});

export const emptyTrack = (day = ''): TrackDraft => ({ name: '', role: '', milestones: [emptyMilestone(day)] });

export const emptyDraft = (day = ''): PackDraft => ({ id: '', title: '', dailyReset: '', tracks: [emptyTrack(day)] });

/** `Défense du Port!` → `defense-du-port`; `fallback` when nothing is left. Always a valid pack id. */
export function slugify(text: string, fallback: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, 64)
    .replace(/-+$/, '');
  return slug || fallback;
}

/** Ids from names, made unique by a suffix (`dock`, `dock-2`), so the reader never sees a duplicate. */
function uniqueIds(names: string[], fallback: (index: number) => string): string[] {
  const used = new Set<string>();
  return names.map((name, index) => {
    const base = slugify(name, fallback(index));
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base.slice(0, 60)}-${n}`;
    used.add(id);
    return id;
  });
}

const lines = (text: string): string[] =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;

/** The calendar day after `YYYY-MM-DD`, or undefined when it is not a date. */
export function nextDay(day: string): string | undefined {
  const match = DATE.exec(day);
  if (!match) return undefined;
  // Calendar days of the pack's own dates, counted in UTC so that no local DST change or skipped day shifts them.
  const next = addDays(new TZDate(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 'UTC'), 1);
  return Number.isNaN(next.getTime()) ? undefined : format(next, 'yyyy-MM-dd');
}

/** The milestone added below `above`: the day after it, and its points, since an arc's days usually share them. */
export function followingMilestone(above: MilestoneDraft | undefined): MilestoneDraft {
  const milestone = emptyMilestone(above?.timing === 'day' ? (nextDay(above.day) ?? '') : '');
  if (above) milestone.points = above.points;
  return milestone;
}

/** `count` one-day milestones on consecutive days from `firstDay`, all worth `points`; none when the date is not a date. */
export function dailyMilestones(firstDay: string, count: number, points = '100'): MilestoneDraft[] {
  const days: MilestoneDraft[] = [];
  let day: string | undefined = DATE.test(firstDay) ? firstDay : undefined;
  for (let i = 0; i < Math.min(count, 400) && day !== undefined; i++) {
    days.push({ ...emptyMilestone(day), points });
    day = nextDay(day);
  }
  return days;
}

/** A milestone nobody has typed into yet, which generated days may replace. */
const untouched = (m: MilestoneDraft): boolean => m.name.trim() === '' && m.objectives.trim() === '' && m.rewards.trim() === '';

/** The track with generated days: they replace untouched milestones and follow the typed ones. */
export function withDailyMilestones(track: TrackDraft, days: MilestoneDraft[]): TrackDraft {
  return { ...track, milestones: [...track.milestones.filter((m) => !untouched(m)), ...days] };
}

/** A new track with the same days, points, objectives and rewards; its own name and role are left to type. */
export function copyOfTrack(track: TrackDraft): TrackDraft {
  return { name: '', role: '', milestones: structuredClone(track.milestones) };
}

/** `2024-05-01T13:00` at UTC+2 → `2024-05-01T13:00+02:00`: the wall time the Commander typed, with its offset. */
export function localToPackTime(local: string, offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${local.slice(0, 16)}${sign}${hh}:${mm}`;
}

function points(text: string): number | undefined {
  const trimmed = text.trim();
  return trimmed === '' ? undefined : Number(trimmed);
}

/** A local date-time input as a pack time; blank stays absent so the reader says "missing". */
function exactTime(local: string, zoneOffset: ZoneOffset): string | undefined {
  if (local.trim() === '') return undefined;
  return LOCAL.test(local) ? localToPackTime(local, zoneOffset(local)) : local;
}

/** The pack-format value the draft describes, before any checking. */
export function packValueFromDraft(draft: PackDraft, zoneOffset: ZoneOffset): Record<string, unknown> {
  const trackIds = uniqueIds(draft.tracks.map((t) => t.name), (i) => `track-${i + 1}`);
  const value: Record<string, unknown> = {
    format: 'stfc-milestone-pack',
    version: 1,
    id: draft.id.trim() || slugify(draft.title, 'my-pack'),
    title: draft.title.trim(),
  };
  if (draft.dailyReset.trim() !== '') value.dailyReset = `${draft.dailyReset.trim().slice(0, 5)}Z`;
  value.tracks = draft.tracks.map((track, t) => {
    const milestoneIds = uniqueIds(track.milestones.map((m) => m.name), (i) => `milestone-${i + 1}`);
    const out: Record<string, unknown> = { id: trackIds[t], name: track.name.trim() };
    if (track.role.trim() !== '') out.role = track.role.trim();
    out.milestones = track.milestones.map((m, i) => {
      const objectiveTexts = lines(m.objectives);
      const objectiveIds = uniqueIds(objectiveTexts, (o) => `objective-${o + 1}`);
      const day = m.day.trim();
      const milestone: Record<string, unknown> = {
        id: milestoneIds[i],
        name: m.name.trim(),
        points: points(m.points),
        start: m.timing === 'day' ? day || undefined : exactTime(m.start, zoneOffset),
        end: m.timing === 'day' ? (day ? (nextDay(day) ?? day) : undefined) : exactTime(m.end, zoneOffset),
        objectives: objectiveTexts.map((text, o) => ({ id: objectiveIds[o], text })),
      };
      const rewards = lines(m.rewards);
      if (rewards.length > 0) milestone.rewards = rewards;
      return milestone;
    });
    return out;
  });
  return value;
}

export type BuiltPack = { ok: true; pack: Pack } | { ok: false; problem: KeyedProblem; message: string };

/** Builds the pack and reads it with the import reader; a problem is described in the form's words. */
export function buildPack(draft: PackDraft, zoneOffset: ZoneOffset): BuiltPack {
  const read = readPackKeyed(packValueFromDraft(draft, zoneOffset));
  if (read.ok) return { ok: true, pack: read.value };
  return { ok: false, problem: read.problem, message: describeDraftProblem(draft, read.problem) };
}

/** `Track 1 › Milestone 3 › End: must end after start (tracks[0].milestones[2].end)`. */
export function describeDraftProblem(draft: PackDraft, problem: KeyedProblem): string {
  const steps = problem.keys;
  const words: string[] = [];
  let track: TrackDraft | undefined;
  let milestone: MilestoneDraft | undefined;
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i];
    const index = typeof steps[i + 1] === 'number' ? (steps[i + 1] as number) : undefined;
    if (step === 'tracks' && index !== undefined) {
      track = draft.tracks[index];
      words.push(`Track ${index + 1}`);
      i++;
    } else if (step === 'milestones' && index !== undefined) {
      milestone = track?.milestones[index];
      words.push(`Milestone ${index + 1}`);
      i++;
    } else if (step === 'objectives' && index !== undefined) {
      words.push(`Objective ${index + 1}`);
      i++;
    } else if (step === 'rewards' && index !== undefined) {
      words.push(`Reward ${index + 1}`);
      i++;
    } else if (typeof step === 'string') {
      words.push(fieldLabel(step, milestone));
    }
  }
  const where = words.filter((w) => w !== '').join(' › ');
  const what = where ? `${where}: ${problem.message}` : problem.message;
  return problem.path ? `${what} (${problem.path})` : what;
}

function fieldLabel(field: string, milestone: MilestoneDraft | undefined): string {
  switch (field) {
    case 'id':
      return milestone ? 'Name (used as its id)' : 'Id';
    case 'name':
      return 'Name';
    case 'title':
      return 'Title';
    case 'points':
      return 'Points';
    case 'start':
      return milestone?.timing === 'day' ? 'Day' : 'Start';
    case 'end':
      return milestone?.timing === 'day' ? 'Day' : 'End';
    case 'dailyReset':
      return 'Daily reset';
    case 'role':
      return 'Role';
    case 'text':
      return '';
    case 'tracks':
      return 'Tracks';
    case 'milestones':
      return 'Milestones';
    case 'objectives':
      return 'Objectives';
    case 'rewards':
      return 'Rewards';
    default:
      return field;
  }
}
