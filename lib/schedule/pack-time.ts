// Pack times and daily resets, resolved to epoch milliseconds. Pure: no clock, no local time zone.
import { HOUR_MS, MINUTE_MS, SECOND_MS } from './units';
import { gameDayStart, isDailyReset, type DailyReset } from './daily-reset';

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

/**
 * A daily reset as date-only times use it: a pack's fixed-offset string (`11:00Z`, `05:00+02:00`) or a
 * wall clock in a time zone (a Commander's), which keeps its hour across daylight-saving changes.
 */
export type ResetRule = string | DailyReset;

/**
 * Who set the daily reset in force: the Commander (their reset), the Commander for this pack (the pack
 * setting override), the pack itself, or nobody (the format's 00:00 UTC).
 */
export type DailyResetSource = 'commander' | 'settings' | 'pack' | 'default';

/**
 * The reset in force and where it comes from: the Commander's reset (when given), else the pack setting
 * override, else the pack's `dailyReset`, else 00:00 UTC. Invalid ones are skipped.
 */
export function dailyResetInForce(
  userReset: string | undefined,
  packReset: string | undefined,
): { reset: string; source: Exclude<DailyResetSource, 'commander'> };
export function dailyResetInForce(
  userReset: string | undefined,
  packReset: string | undefined,
  commanderReset: DailyReset | undefined,
): { reset: ResetRule; source: DailyResetSource };
export function dailyResetInForce(
  userReset: string | undefined,
  packReset: string | undefined,
  commanderReset?: DailyReset,
): { reset: ResetRule; source: DailyResetSource } {
  if (commanderReset !== undefined && isDailyReset(commanderReset)) return { reset: commanderReset, source: 'commander' };
  if (userReset !== undefined && parseDailyReset(userReset) !== undefined) return { reset: userReset, source: 'settings' };
  if (packReset !== undefined && parseDailyReset(packReset) !== undefined) return { reset: packReset, source: 'pack' };
  return { reset: DEFAULT_DAILY_RESET, source: 'default' };
}

const SOURCE_WORDS: Record<DailyResetSource, string> = {
  commander: 'your reset',
  settings: 'your reset',
  pack: 'this pack’s reset',
  default: 'default 00:00 UTC',
};

/**
 * Which reset applies, in the words the UI shows: “your reset”, “this pack’s reset” or “default 00:00 UTC”,
 * with the reset itself and its source (same precedence as dailyResetInForce).
 */
export function whichResetApplies(
  userReset: string | undefined,
  packReset: string | undefined,
  commanderReset?: DailyReset,
): { reset: ResetRule; source: DailyResetSource; words: string } {
  const { reset, source } = dailyResetInForce(userReset, packReset, commanderReset);
  return { reset, source, words: SOURCE_WORDS[source] };
}

/** The reset string in force (see dailyResetInForce). */
export const effectiveDailyReset = (userReset: string | undefined, packReset: string | undefined): string =>
  dailyResetInForce(userReset, packReset).reset;

/** Epoch ms of a pack time; a date means the daily reset on that date. Throws on text the reader would refuse. */
export function resolvePackTime(text: string, dailyReset: ResetRule = DEFAULT_DAILY_RESET): number {
  const parsed = parsePackTime(text);
  if (!parsed) throw new RangeError(`not a pack time: ${text}`);
  if (parsed.kind === 'instant') return parsed.at;
  if (typeof dailyReset !== 'string') return gameDayStart(text, dailyReset);
  const resetMs = parseDailyReset(dailyReset) ?? 0;
  return parsed.dayStartUtc + resetMs;
}

/**
 * A pack's reset string as a DailyReset, where one says the same: `11:00Z` → 11:00 UTC, a whole-hour
 * offset → its `Etc/GMT` zone (`04:00-07:00` → 04:00 Etc/GMT+7, POSIX signs). Undefined for other
 * offsets (`+05:30` has no zone of its own) and for text that is not a reset.
 */
export function dailyResetOfPack(text: string): DailyReset | undefined {
  const match = RESET.exec(text);
  if (!match || parseDailyReset(text) === undefined) return undefined;
  const time = `${match[1]}:${match[2]}`;
  const east = offsetMinutes(match[3]!)!;
  if (east === 0) return { time, zone: 'UTC' };
  if (east % 60 !== 0) return undefined;
  const hours = east / 60;
  return { time, zone: `Etc/GMT${hours > 0 ? '-' : '+'}${Math.abs(hours)}` };
}

/** The time zone a reset is counted in, for showing times as the server does; other offsets show as UTC. */
export function resetZone(reset: ResetRule): string {
  if (typeof reset !== 'string') return reset.zone;
  return dailyResetOfPack(reset)?.zone ?? 'UTC';
}
