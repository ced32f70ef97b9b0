// Instants and numbers for people, in the user's locale and time zone through Intl. Formatters are
// built once and reused: building an Intl.DateTimeFormat costs far more than formatting with one.
import { DAY_MS } from '../schedule/units';

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * How a time is shown: `withZone` adds the short zone name (`13:00 CET`), for the first time a view shows;
 * `timeZone` shows it in that zone (the server's) instead of the computer's.
 */
export interface TimeStyle {
  withZone?: boolean | undefined;
  timeZone?: string | undefined;
}

/** The one hour format everywhere: the locale's own (`1:00 PM` in en-US, `13:00` in en-GB). */
export const HOUR_FORMAT = { hour: 'numeric', minute: '2-digit' } as const satisfies Intl.DateTimeFormatOptions;

function formatter(name: string, options: Intl.DateTimeFormatOptions, style: TimeStyle = {}): Intl.DateTimeFormat {
  const key = `${name}|${style.timeZone ?? ''}|${style.withZone ? 'zone' : ''}`;
  let made = formatters.get(key);
  if (!made) {
    const full: Intl.DateTimeFormatOptions = { ...options };
    if (style.timeZone !== undefined) full.timeZone = style.timeZone;
    if (style.withZone) full.timeZoneName = 'short';
    formatters.set(key, (made = new Intl.DateTimeFormat(undefined, full)));
  }
  return made;
}

const DAY_TIME = { weekday: 'short', day: 'numeric', month: 'short', ...HOUR_FORMAT } as const;
const DATE_TIME = { day: 'numeric', month: 'short', year: 'numeric', ...HOUR_FORMAT } as const;

/** `13:00` */
export const localTime = (at: number, style?: TimeStyle): string => formatter('time', HOUR_FORMAT, style).format(at);

/** `Wed 15 Nov, 13:00` */
export const localDayTime = (at: number, style?: TimeStyle): string => formatter('day-time', DAY_TIME, style).format(at);

/**
 * `13:00`: the local time of a daily reset given as ms after 00:00 UTC, on the UTC day of `now` (so that
 * day's DST applies). A UTC day is always DAY_MS long, so its start needs no calendar.
 */
export const localResetTime = (msAfterMidnight: number, now: number, style?: TimeStyle): string =>
  localTime(Math.floor(now / DAY_MS) * DAY_MS + msAfterMidnight, style);

/** `15 Nov 2023, 13:00`: badge tooltips, backup dates. */
export const localDateTime = (at: number, style?: TimeStyle): string => formatter('date-time', DATE_TIME, style).format(at);

/** `Wed 13:00`: notifications, which are read within a day or two. */
export const localWeekdayTime = (at: number, style?: TimeStyle): string =>
  formatter('weekday-time', { weekday: 'short', ...HOUR_FORMAT }, style).format(at);

/** `Wed, 15 Nov 2023`: the days a pack spans. */
export const localDayWithYear = (at: number): string =>
  formatter('day-year', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }).format(at);

/** `15 Nov 2023` */
export const localDate = (at: number, style?: TimeStyle): string => formatter('date', { dateStyle: 'medium' }, { ...style, withZone: false }).format(at);

/** `15 Nov 2023, 00:00 UTC`, for hover titles beside local times. */
export const utcDateTime = (at: number): string => localDateTime(at, { timeZone: 'UTC', withZone: true });

/** `15 Nov 2023, 00:00 UTC – 18 Nov 2023, 00:00 UTC`: the hover title of a pack's span. */
export const utcDateTimeRange = (start: number, end: number): string => `${utcDateTime(start)} – ${utcDateTime(end)}`;

const dayKey = (at: number, style?: TimeStyle): string =>
  formatter('day-key', { year: 'numeric', month: 'numeric', day: 'numeric' }, { ...style, withZone: false }).format(at);

/**
 * `Wed 15 Nov, 00:00 – 23:00`, or with both days when the range crosses midnight (in the zone shown);
 * a zone name goes on the end, which reads as the zone of both.
 */
export function localRange(start: number, end: number, style: TimeStyle = {}): string {
  const first = { ...style, withZone: false };
  if (dayKey(start, style) === dayKey(end, style)) return `${localDayTime(start, first)} – ${localTime(end, style)}`;
  return `${localDayTime(start, first)} – ${localDayTime(end, style)}`;
}

/**
 * A time zone for people: `America/New York`; a fixed-offset `Etc/` zone by its offset (`Etc/GMT+7` is
 * `GMT-7`: POSIX signs are the other way round), as it reads at `at`.
 */
export function zoneLabel(zone: string, at: number): string {
  if (!zone.startsWith('Etc/')) return zone.replace(/_/g, ' ');
  const parts = formatter('zone-name', { timeZoneName: 'short' }, { timeZone: zone }).formatToParts(at);
  return parts.find((part) => part.type === 'timeZoneName')?.value ?? zone;
}

/**
 * `13:00 Europe/Berlin` (`1:00 PM Europe/Berlin` in en-US): a daily reset as set, a wall clock in its zone,
 * in the one hour format; the same on every computer, whatever its own zone.
 */
export function resetLabel(reset: { time: string; zone: string }, now: number): string {
  const wallClock = Date.UTC(2000, 0, 1, Number(reset.time.slice(0, 2)), Number(reset.time.slice(3, 5)));
  return `${localTime(wallClock, { timeZone: 'UTC' })} ${zoneLabel(reset.zone, now)}`;
}

let numbers: Intl.NumberFormat | undefined;

/** `8,925` */
export const localNumber = (n: number): string => (numbers ??= new Intl.NumberFormat()).format(n);

/**
 * Builds and runs once the formats a first render shows (local times, UTC titles, numbers), so that
 * a view can have that done while it waits for the store instead of after.
 */
export function prepareLocalFormats(): void {
  localTime(0);
  localDayTime(0);
  localDayTime(0, { withZone: true });
  utcDateTime(0);
  localNumber(0);
}
