// A daily reset as a wall-clock time in a time zone (`13:00` in Europe/Berlin), and the instants it gives.
// Pure: `now` is passed in. Zone offsets come from @date-fns/tz (the browser's own zone data through Intl),
// never from the computer's zone, so the same reset gives the same instants on every computer.
import { tzOffset } from '@date-fns/tz/tzOffset';
import { DAY_MS, HOUR_MS, MINUTE_MS } from './units';

/** The server's daily reset: `time` is a wall clock `HH:mm` in `zone`, an IANA zone name or `UTC`. */
export interface DailyReset {
  time: string;
  zone: string;
}

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const knownZones = new Map<string, boolean>();

/** Whether this browser knows `zone` as a time zone (IANA name or `UTC`). */
export function isKnownTimeZone(zone: string): boolean {
  let known = knownZones.get(zone);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      known = zone.trim() !== '';
    } catch {
      known = false;
    }
    knownZones.set(zone, known);
  }
  return known;
}

/** What is wrong with a daily reset, in words, or undefined when it is usable. */
export function dailyResetProblem(reset: DailyReset): string | undefined {
  if (typeof reset.time !== 'string' || !TIME.test(reset.time)) return `“${String(reset.time)}” is not a time of day like 13:00`;
  if (typeof reset.zone !== 'string' || !isKnownTimeZone(reset.zone)) return `“${String(reset.zone)}” is not a time zone this browser knows`;
  return undefined;
}

export const isDailyReset = (reset: DailyReset): boolean => dailyResetProblem(reset) === undefined;

function usable(reset: DailyReset): { hours: number; minutes: number } {
  const problem = dailyResetProblem(reset);
  if (problem) throw new RangeError(`Not a daily reset: ${problem}.`);
  return { hours: Number(reset.time.slice(0, 2)), minutes: Number(reset.time.slice(3, 5)) };
}

const offsetMs = (zone: string, at: number): number => tzOffset(zone, new Date(at)) * MINUTE_MS;

/**
 * The instant a wall-clock time happens in `zone`, the wall clock given as if it were UTC (ms).
 * Twice (clocks set back): the first time. Never (clocks set forward): as far past the gap as the
 * time is into it, as a clock that was not changed would show it (02:30 in a 02:00→03:00 gap is 03:30).
 */
function wallClockInstant(wall: number, zone: string): number {
  // Offsets in force a day either side cover every change near `wall` (zones change at most once a day).
  const before = offsetMs(zone, wall - DAY_MS);
  const after = offsetMs(zone, wall + DAY_MS);
  const fits = [before, after].map((offset) => wall - offset).filter((at) => offsetMs(zone, at) === wall - at);
  return fits.length > 0 ? Math.min(...fits) : wall - before;
}

/** Epoch ms at which the game day `date` (`YYYY-MM-DD`, as pack dates are) starts under `reset`. */
export function gameDayStart(date: string, reset: DailyReset): number {
  const { hours, minutes } = usable(reset);
  const match = DATE.exec(date);
  const midnight = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : Number.NaN;
  if (!match || new Date(midnight).toISOString().slice(0, 10) !== date) throw new RangeError(`Not a date: ${date}.`);
  return wallClockInstant(midnight + hours * HOUR_MS + minutes * MINUTE_MS, reset.zone);
}

/** The first reset strictly after `now` (a reset at exactly `now` has already happened). */
export function nextReset(reset: DailyReset, now: number): number {
  usable(reset);
  const today = Math.floor((now + offsetMs(reset.zone, now)) / DAY_MS) * DAY_MS;
  for (let day = today - DAY_MS; ; day += DAY_MS) {
    const start = gameDayStart(new Date(day).toISOString().slice(0, 10), reset);
    if (start > now) return start;
  }
}
