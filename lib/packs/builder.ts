// The "Create a pack" form as data: what the Commander typed, turned into a pack-format value and then
// read by the same reader as an imported file. Pure; the caller passes the time-zone offset.
import { TZDate } from '@date-fns/tz';
import { addDays, format } from 'date-fns';
import { DEFAULT_DAILY_RESET, isDateOnly, parseDailyReset, resolvePackTime } from '../schedule/pack-time';
import { readPackKeyed, type KeyedProblem } from './reader';
import type { Pack } from './types';

/** `day`: one day from the daily reset on `day`; `days`: from the reset on `day` to the reset on `endDay`; `exact`: from `start` to `end`. */
export type MilestoneTiming = 'day' | 'days' | 'exact';
export type EventTiming = Exclude<MilestoneTiming, 'day'>;

/** When something is live, as typed. A pack's own time string is kept for each local time shown (`given`), so an unchanged field writes it back as it was. */
interface TimesDraft {
  /** `YYYY-MM-DD`, as an `<input type="date">` gives it. */
  day: string;
  /** `YYYY-MM-DD`: the last day's daily reset ends it (`days`). */
  endDay: string;
  /** `YYYY-MM-DDTHH:MM` in the Commander's local time, as an `<input type="datetime-local">` gives it. */
  start: string;
  end: string;
  /** Local time shown → the pack time it came from (pack → draft only). */
  given?: Record<string, string>;
}

/** One milestone as typed. Text fields hold exactly what the inputs hold. */
export interface MilestoneDraft extends TimesDraft {
  /** Kept from an installed pack, so an edit keeps the progress recorded under it; absent: made from the name. */
  id?: string;
  name: string;
  points: string;
  timing: MilestoneTiming;
  /** One objective per line; blank lines are ignored. */
  objectives: string;
  /** The ids of the objectives by line, kept from an installed pack (a corrected text keeps its progress). */
  objectiveIds?: string[];
  /** One reward per line; none at all means "not published". */
  rewards: string;
  notes: string;
}

/** The server-wide event (IMS); all blank: the track has none. */
export interface ServerDraft extends TimesDraft {
  name: string;
  goal: string;
  timing: EventTiming;
  rewards: string;
}

/** The solo event (SMS); all blank: the track has none. */
export interface SoloDraft {
  name: string;
  rewards: string;
}

export interface TrackDraft {
  /** Kept from an installed pack; absent: made from the name. */
  id?: string;
  name: string;
  role: string;
  server: ServerDraft;
  solo: SoloDraft;
  notes: string;
  milestones: MilestoneDraft[];
}

export interface PackDraft {
  /** Blank: made from the title. */
  id: string;
  title: string;
  /** `HH:MM` in UTC, as an `<input type="time">` gives it; blank: the format's default, 00:00 UTC. */
  dailyReset: string;
  /** The pack's own reset when it had an offset (`03:00+02:00` shown as `01:00`), written back while unchanged. */
  givenReset?: { shown: string; text: string };
  /** One per line. */
  requirements: string;
  sources: string;
  notes: string;
  tracks: TrackDraft[];
}

/** Minutes east of UTC of the Commander's time zone at a local date and time (`YYYY-MM-DDTHH:MM`). */
export type ZoneOffset = (localDateTime: string) => number;

/** An instant as the Commander's local `YYYY-MM-DDTHH:MM`, for a datetime-local input. */
export type LocalOf = (at: number) => string;

export const emptyMilestone = (day = ''): MilestoneDraft => ({
  name: '',
  points: '100',
  timing: 'day',
  day,
  endDay: '',
  start: '',
  end: '',
  objectives: '',
  rewards: '',
  notes: '',
});

export const emptyServer = (): ServerDraft => ({ name: '', goal: '', timing: 'days', day: '', endDay: '', start: '', end: '', rewards: '' });

export const emptyTrack = (day = ''): TrackDraft => ({
  name: '',
  role: '',
  server: emptyServer(),
  solo: { name: '', rewards: '' },
  notes: '',
  milestones: [emptyMilestone(day)],
});

export const emptyDraft = (day = ''): PackDraft => ({
  id: '',
  title: '',
  dailyReset: '',
  requirements: '',
  sources: '',
  notes: '',
  tracks: [emptyTrack(day)],
});

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

/**
 * Ids from names, made unique by a suffix (`dock`, `dock-2`), so the reader never sees a duplicate. An id
 * kept from an installed pack stays as it was and is never given to another name.
 */
function uniqueIds(names: string[], fallback: (index: number) => string, kept: ReadonlyArray<string | undefined> = []): string[] {
  const used = new Set(kept.filter((id): id is string => id !== undefined));
  return names.map((name, index) => {
    const keptId = kept[index];
    if (keptId !== undefined) return keptId;
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
const untouched = (m: MilestoneDraft): boolean =>
  m.id === undefined && [m.name, m.objectives, m.rewards, m.notes].every((text) => text.trim() === '');

/** The track with generated days: they replace untouched milestones and follow the typed ones. */
export function withDailyMilestones(track: TrackDraft, days: MilestoneDraft[]): TrackDraft {
  return { ...track, milestones: [...track.milestones.filter((m) => !untouched(m)), ...days] };
}

/**
 * A new track with the same days, points, objectives and rewards, and the server event's dates and goal
 * (both sides of an arc usually share them); its own names, role, notes and ids are left to make.
 */
export function copyOfTrack(track: TrackDraft): TrackDraft {
  const milestones = structuredClone(track.milestones).map(({ id: _id, objectiveIds: _objectiveIds, ...milestone }) => ({ ...milestone, notes: '' }));
  const server = { ...structuredClone(track.server), name: '', rewards: '' };
  return { name: '', role: '', server, solo: { name: '', rewards: '' }, notes: '', milestones };
}

/** `2024-05-01T13:00` at UTC+2 → `2024-05-01T13:00+02:00`: the wall time the Commander typed, with its offset. */
export function localToPackTime(local: string, offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${local.slice(0, 16)}${sign}${hh}:${mm}`;
}

function whole(text: string): number | undefined {
  const trimmed = text.trim();
  return trimmed === '' ? undefined : Number(trimmed);
}

/** A local date-time input as a pack time (the pack's own text while unchanged); blank stays absent so the reader says "missing". */
function exactTime(local: string, times: TimesDraft, zoneOffset: ZoneOffset): string | undefined {
  if (local.trim() === '') return undefined;
  const given = times.given && Object.hasOwn(times.given, local) ? times.given[local] : undefined;
  if (given !== undefined) return given;
  return LOCAL.test(local) ? localToPackTime(local, zoneOffset(local)) : local;
}

const dayOrAbsent = (day: string): string | undefined => (day.trim() === '' ? undefined : day.trim());

/** `start` and `end` of a milestone or event as typed. */
function timesFromDraft(times: TimesDraft & { timing: MilestoneTiming }, zoneOffset: ZoneOffset): { start?: string; end?: string } {
  const day = dayOrAbsent(times.day);
  switch (times.timing) {
    case 'day':
      return { start: day, end: day ? (nextDay(day) ?? day) : undefined };
    case 'days':
      return { start: day, end: dayOrAbsent(times.endDay) };
    case 'exact':
      return { start: exactTime(times.start, times, zoneOffset), end: exactTime(times.end, times, zoneOffset) };
  }
}

/** Sets `key` to the lines of `text`, or leaves it out when there are none. */
function putLines(out: Record<string, unknown>, key: string, text: string): void {
  const items = lines(text);
  if (items.length > 0) out[key] = items;
}

function putText(out: Record<string, unknown>, key: string, text: string): void {
  if (text.trim() !== '') out[key] = text.trim();
}

const blank = (...texts: string[]): boolean => texts.every((text) => text.trim() === '');

function serverValue(server: ServerDraft, zoneOffset: ZoneOffset): Record<string, unknown> | undefined {
  const times = timesFromDraft(server, zoneOffset);
  if (blank(server.name, server.goal, server.rewards) && times.start === undefined && times.end === undefined) return undefined;
  const out: Record<string, unknown> = { name: server.name.trim(), ...times, goal: whole(server.goal) };
  putLines(out, 'rewards', server.rewards);
  return out;
}

function soloValue(solo: SoloDraft): Record<string, unknown> | undefined {
  if (blank(solo.name, solo.rewards)) return undefined;
  const out: Record<string, unknown> = { name: solo.name.trim() };
  putLines(out, 'rewards', solo.rewards);
  return out;
}

/** The pack-format value the draft describes, before any checking. */
export function packValueFromDraft(draft: PackDraft, zoneOffset: ZoneOffset): Record<string, unknown> {
  const trackIds = uniqueIds(draft.tracks.map((t) => t.name), (i) => `track-${i + 1}`, draft.tracks.map((t) => t.id));
  const value: Record<string, unknown> = {
    format: 'stfc-milestone-pack',
    version: 1,
    id: draft.id.trim() || slugify(draft.title, 'my-pack'),
    title: draft.title.trim(),
  };
  const reset = draft.dailyReset.trim();
  if (reset !== '') value.dailyReset = draft.givenReset?.shown === reset ? draft.givenReset.text : `${reset.slice(0, 5)}Z`;
  putLines(value, 'requirements', draft.requirements);
  putLines(value, 'sources', draft.sources);
  putText(value, 'notes', draft.notes);
  value.tracks = draft.tracks.map((track, t) => {
    const milestoneIds = uniqueIds(track.milestones.map((m) => m.name), (i) => `milestone-${i + 1}`, track.milestones.map((m) => m.id));
    const out: Record<string, unknown> = { id: trackIds[t], name: track.name.trim() };
    putText(out, 'role', track.role);
    const server = serverValue(track.server, zoneOffset);
    if (server) out.server = server;
    const solo = soloValue(track.solo);
    if (solo) out.solo = solo;
    putText(out, 'notes', track.notes);
    out.milestones = track.milestones.map((m, i) => {
      const objectiveTexts = lines(m.objectives);
      const objectiveIds = uniqueIds(objectiveTexts, (o) => `objective-${o + 1}`, objectiveTexts.map((_, o) => m.objectiveIds?.[o]));
      const milestone: Record<string, unknown> = {
        id: milestoneIds[i],
        name: m.name.trim(),
        points: whole(m.points),
        ...timesFromDraft(m, zoneOffset),
        objectives: objectiveTexts.map((text, o) => ({ id: objectiveIds[o], text })),
      };
      putLines(milestone, 'rewards', m.rewards);
      putText(milestone, 'notes', m.notes);
      return milestone;
    });
    return out;
  });
  return value;
}

/** Local time shown for a pack time, with the pack time remembered so an unchanged field writes it back as it was. */
function localTimes(times: string[], reset: string, localOf: LocalOf): { shown: string[]; given: Record<string, string> } {
  const given: Record<string, string> = {};
  const shown = times.map((time) => {
    const local = localOf(resolvePackTime(time, reset));
    given[local] = time;
    return local;
  });
  return { shown, given };
}

/** The fields for a start and end: a day, days, or exact local times. */
function timesToDraft(start: string, end: string, reset: string, localOf: LocalOf, oneDay: boolean): TimesDraft & { timing: MilestoneTiming } {
  if (isDateOnly(start) && isDateOnly(end)) {
    if (oneDay && nextDay(start) === end) return { timing: 'day', day: start, endDay: '', start: '', end: '' };
    return { timing: 'days', day: start, endDay: end, start: '', end: '' };
  }
  const { shown, given } = localTimes([start, end], reset, localOf);
  return { timing: 'exact', day: '', endDay: '', start: shown[0]!, end: shown[1]!, given };
}

/** `03:00+02:00` → `01:00`, the UTC wall time an `<input type="time">` in UTC shows. */
function resetInUtc(reset: string): string {
  const ms = parseDailyReset(reset) ?? 0;
  const minutes = (((Math.round(ms / 60_000)) % 1440) + 1440) % 1440;
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * An installed pack in the form, for *Edit*: every field it has, its ids kept (so saving it is a re-import
 * that keeps the progress), exact times shown in the Commander's local time. `packValueFromDraft` of the
 * result gives the pack back.
 */
export function draftFromPack(pack: Pack, localOf: LocalOf): PackDraft {
  const reset = pack.dailyReset ?? DEFAULT_DAILY_RESET;
  const draft: PackDraft = {
    id: pack.id,
    title: pack.title,
    dailyReset: pack.dailyReset === undefined ? '' : resetInUtc(pack.dailyReset),
    requirements: (pack.requirements ?? []).join('\n'),
    sources: (pack.sources ?? []).join('\n'),
    notes: pack.notes ?? '',
    tracks: pack.tracks.map((track) => ({
      id: track.id,
      name: track.name,
      role: track.role ?? '',
      server: track.server
        ? {
            name: track.server.name,
            goal: String(track.server.goal),
            ...(timesToDraft(track.server.start, track.server.end, reset, localOf, false) as TimesDraft & { timing: EventTiming }),
            rewards: (track.server.rewards ?? []).join('\n'),
          }
        : emptyServer(),
      solo: { name: track.solo?.name ?? '', rewards: (track.solo?.rewards ?? []).join('\n') },
      notes: track.notes ?? '',
      milestones: track.milestones.map((m) => ({
        id: m.id,
        name: m.name,
        points: String(m.points),
        ...timesToDraft(m.start, m.end, reset, localOf, true),
        objectives: m.objectives.map((o) => o.text).join('\n'),
        objectiveIds: m.objectives.map((o) => o.id),
        rewards: (m.rewards ?? []).join('\n'),
        notes: m.notes ?? '',
      })),
    })),
  };
  if (pack.dailyReset !== undefined && !pack.dailyReset.endsWith('Z')) draft.givenReset = { shown: draft.dailyReset, text: pack.dailyReset };
  return draft;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const textOf = (value: unknown, fallback = ''): string => (typeof value === 'string' ? value : fallback);
const givenOf = (value: unknown): Record<string, string> | undefined =>
  isRecord(value) && Object.values(value).every((v) => typeof v === 'string') ? (value as Record<string, string>) : undefined;
const timingOf = <T extends string>(value: unknown, allowed: readonly T[], fallback: T): T => (allowed.includes(value as T) ? (value as T) : fallback);

function timesOf(value: Record<string, unknown>): TimesDraft {
  const given = givenOf(value.given);
  return { day: textOf(value.day), endDay: textOf(value.endDay), start: textOf(value.start), end: textOf(value.end), ...(given ? { given } : {}) };
}

function storedMilestone(value: unknown): MilestoneDraft {
  const m = isRecord(value) ? value : {};
  const ids = Array.isArray(m.objectiveIds) && m.objectiveIds.every((id) => typeof id === 'string') ? (m.objectiveIds as string[]) : undefined;
  return {
    ...emptyMilestone(),
    ...timesOf(m),
    ...(typeof m.id === 'string' ? { id: m.id } : {}),
    name: textOf(m.name),
    points: textOf(m.points, '100'),
    timing: timingOf(m.timing, ['day', 'days', 'exact'], 'day'),
    objectives: textOf(m.objectives),
    ...(ids ? { objectiveIds: ids } : {}),
    rewards: textOf(m.rewards),
    notes: textOf(m.notes),
  };
}

function storedTrack(value: unknown): TrackDraft {
  const t = isRecord(value) ? value : {};
  const server = isRecord(t.server) ? t.server : {};
  const solo = isRecord(t.solo) ? t.solo : {};
  const milestones = Array.isArray(t.milestones) && t.milestones.length > 0 ? t.milestones.slice(0, 400).map(storedMilestone) : [emptyMilestone()];
  return {
    ...(typeof t.id === 'string' ? { id: t.id } : {}),
    name: textOf(t.name),
    role: textOf(t.role),
    server: {
      ...timesOf(server),
      name: textOf(server.name),
      goal: textOf(server.goal),
      timing: timingOf(server.timing, ['days', 'exact'], 'days'),
      rewards: textOf(server.rewards),
    },
    solo: { name: textOf(solo.name), rewards: textOf(solo.rewards) },
    notes: textOf(t.notes),
    milestones,
  };
}

/**
 * The draft kept in the store (lib/storage KEYS.packDraft), as the form can show it: a field of the wrong
 * type reads as empty, so a value this version did not write never breaks the form. Undefined when there is none.
 */
export function storedPackDraft(value: unknown): PackDraft | undefined {
  if (!isRecord(value) || !Array.isArray(value.tracks)) return undefined;
  const reset = isRecord(value.givenReset) && typeof value.givenReset.shown === 'string' && typeof value.givenReset.text === 'string' ? value.givenReset : undefined;
  return {
    id: textOf(value.id),
    title: textOf(value.title),
    dailyReset: textOf(value.dailyReset),
    ...(reset ? { givenReset: { shown: reset.shown as string, text: reset.text as string } } : {}),
    requirements: textOf(value.requirements),
    sources: textOf(value.sources),
    notes: textOf(value.notes),
    tracks: value.tracks.length > 0 ? value.tracks.slice(0, 8).map(storedTrack) : [emptyTrack()],
  };
}

/** Whether the draft has anything typed in it, beyond the day the form starts from (worth keeping, or asking before replacing). */
export function draftHasTyping(draft: PackDraft): boolean {
  const fresh = emptyDraft(draft.tracks[0]?.milestones[0]?.day ?? '');
  return JSON.stringify(draft) !== JSON.stringify(fresh);
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
  // What the times in the path belong to, for "Day" or "Start" as the form calls them.
  let timed: { timing: MilestoneTiming } | undefined;
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i];
    const index = typeof steps[i + 1] === 'number' ? (steps[i + 1] as number) : undefined;
    const listItem = (label: string) => {
      words.push(`${label} ${index! + 1}`);
      i++;
    };
    if (step === 'tracks' && index !== undefined) {
      track = draft.tracks[index];
      listItem('Track');
    } else if (step === 'milestones' && index !== undefined) {
      timed = track?.milestones[index];
      listItem('Milestone');
    } else if (step === 'objectives' && index !== undefined) listItem('Objective');
    else if (step === 'rewards' && index !== undefined) listItem('Reward');
    else if (step === 'requirements' && index !== undefined) listItem('Requirement');
    else if (step === 'sources' && index !== undefined) listItem('Source');
    else if (typeof step === 'string') {
      if (step === 'server') timed = track?.server;
      words.push(fieldLabel(step, timed, track !== undefined));
    }
  }
  const where = words.filter((w) => w !== '').join(' › ');
  const what = where ? `${where}: ${problem.message}` : problem.message;
  return problem.path ? `${what} (${problem.path})` : what;
}

function fieldLabel(field: string, timed: { timing: MilestoneTiming } | undefined, inTrack: boolean): string {
  switch (field) {
    case 'id':
      return inTrack ? 'Name (used as its id)' : 'Id';
    case 'name':
      return 'Name';
    case 'title':
      return 'Title';
    case 'points':
      return 'Points';
    case 'goal':
      return 'Goal';
    case 'start':
      return timed?.timing === 'day' ? 'Day' : timed?.timing === 'days' ? 'Starts (daily reset of)' : 'Start';
    case 'end':
      return timed?.timing === 'day' ? 'Day' : timed?.timing === 'days' ? 'Ends (daily reset of)' : 'End';
    case 'dailyReset':
      return 'Daily reset';
    case 'role':
      return 'Role';
    case 'server':
      return 'Server goal (IMS)';
    case 'solo':
      return 'Solo event (SMS)';
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
    case 'requirements':
      return 'Requirements';
    case 'sources':
      return 'Sources';
    case 'notes':
      return 'Notes';
    default:
      return field;
  }
}
