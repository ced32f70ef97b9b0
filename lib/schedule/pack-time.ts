// Pack times and daily resets, resolved to epoch milliseconds. Pure: no clock, no local time zone.
import { HOUR_MS, MINUTE_MS, SECOND_MS } from './units';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:\d{2})$/;
const RESET = /^(\d{2}):(\d{2})(Z|[+-]\d{2}:\d{2})$/;

export const DEFAULT_DAILY_RESET = '00:00Z';

export type ParsedPackTime =
  | { kind: 'date'; dayStartUtc: number }
  | { kind: 'instant'; at: number };

/** Whether a pack time is a date without a time of day, so the daily reset decides when it starts. */
export const isDateOnly = (time: string): boolean => DATE.test(time);

// Hand-written rather than date-fns's isExists: that one builds a local Date, and a zone that skipped a
// whole day (Pacific/Apia, 30 Dec 2011) would call a real calendar date invalid.
function validCalendarDate(y: number, m: number, d: number): number | undefined {
  const ms = Date.UTC(y, m - 1, d);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) return undefined;
  return ms;
}

/** The offsets real time zones use: from 12 hours west of UTC (−12:00) to 14 hours east (+14:00), in minutes. */
export const MIN_OFFSET_MINUTES = -12 * 60;
export const MAX_OFFSET_MINUTES = 14 * 60;

/** Minutes east of UTC for `Z` or `±HH:MM`; undefined outside −12:00..+14:00. */
function offsetMinutes(offset: string): number | undefined {
  if (offset === 'Z') return 0;
  const sign = offset.startsWith('-') ? -1 : 1;
  const hours = Number(offset.slice(1, 3));
  const minutes = Number(offset.slice(4, 6));
  if (minutes > 59) return undefined;
  const east = sign * (hours * 60 + minutes);
  if (east < MIN_OFFSET_MINUTES || east > MAX_OFFSET_MINUTES) return undefined;
  return east;
}

/** Parses a pack time, or returns undefined when it is neither a real date nor an instant with an offset. */
export function parsePackTime(text: string): ParsedPackTime | undefined {
  const date = DATE.exec(text);
  if (date) {
    const dayStartUtc = validCalendarDate(Number(date[1]), Number(date[2]), Number(date[3]));
    return dayStartUtc === undefined ? undefined : { kind: 'date', dayStartUtc };
  }
  const instant = INSTANT.exec(text);
  if (!instant) return undefined;
  const [, y, mo, d, h, mi, s = '0', frac = '0', offset] = instant;
  const dayStartUtc = validCalendarDate(Number(y), Number(mo), Number(d));
  const offsetMin = offsetMinutes(offset!);
  if (dayStartUtc === undefined || offsetMin === undefined) return undefined;
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return undefined;
  const ms = Number(frac.padEnd(3, '0'));
  const at = dayStartUtc + Number(h) * HOUR_MS + Number(mi) * MINUTE_MS + Number(s) * SECOND_MS + ms - offsetMin * MINUTE_MS;
  return { kind: 'instant', at };
}

/** True when the text looks like a date or an instant but has no offset (a common, dangerous mistake). */
export function isInstantWithoutOffset(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text);
}

/**
 * Milliseconds after 00:00 UTC of a calendar date at which that date's reset happens.
 * `05:00+02:00` → 03:00 UTC; may be negative or past one day for large offsets.
 */
export function parseDailyReset(text: string): number | undefined {
  const match = RESET.exec(text);
  if (!match) return undefined;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  const offsetMin = offsetMinutes(match[3]!);
  if (hours > 23 || minutes > 59 || offsetMin === undefined) return undefined;
  return (hours * 60 + minutes - offsetMin) * MINUTE_MS;
}

/** Who set the daily reset in force: the Commander's setting, the pack, or nobody (the format's 00:00 UTC). */
export type DailyResetSource = 'settings' | 'pack' | 'default';

/** The reset in force and where it comes from: the user's setting, else the pack's, else 00:00 UTC. Invalid strings are skipped. */
export function dailyResetInForce(
  userReset: string | undefined,
  packReset: string | undefined,
): { reset: string; source: DailyResetSource } {
  if (userReset !== undefined && parseDailyReset(userReset) !== undefined) return { reset: userReset, source: 'settings' };
  if (packReset !== undefined && parseDailyReset(packReset) !== undefined) return { reset: packReset, source: 'pack' };
  return { reset: DEFAULT_DAILY_RESET, source: 'default' };
}

/** The reset string in force (see dailyResetInForce). */
export const effectiveDailyReset = (userReset: string | undefined, packReset: string | undefined): string =>
  dailyResetInForce(userReset, packReset).reset;

/** Epoch ms of a pack time; a date means the daily reset on that date. Throws on text the reader would refuse. */
export function resolvePackTime(text: string, dailyReset: string = DEFAULT_DAILY_RESET): number {
  const parsed = parsePackTime(text);
  if (!parsed) throw new RangeError(`not a pack time: ${text}`);
  if (parsed.kind === 'instant') return parsed.at;
  const resetMs = parseDailyReset(dailyReset) ?? 0;
  return parsed.dayStartUtc + resetMs;
}

