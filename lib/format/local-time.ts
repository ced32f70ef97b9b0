// Instants and numbers for people, in the user's locale and time zone through Intl. Formatters are
// built once and reused: building an Intl.DateTimeFormat costs far more than formatting with one.
import { isSameDay } from 'date-fns';
import { DAY_MS } from '../schedule/units';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let made = formatters.get(key);
  if (!made) formatters.set(key, (made = new Intl.DateTimeFormat(undefined, options)));
  return made;
}

/** `13:00` */
export const localTime = (at: number): string => formatter('time', { hour: '2-digit', minute: '2-digit' }).format(at);

/** `Wed 15 Nov, 13:00` */
export const localDayTime = (at: number): string =>
  formatter('day-time', { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(at);

/**
 * `13:00`: the local time of a daily reset given as ms after 00:00 UTC, on the UTC day of `now` (so that
 * day's DST applies). A UTC day is always DAY_MS long, so its start needs no calendar.
 */
export const localResetTime = (msAfterMidnight: number, now: number): string =>
  localTime(Math.floor(now / DAY_MS) * DAY_MS + msAfterMidnight);

/** `15 Nov 2023, 13:00`: badge tooltips, backup dates. */
export const localDateTime = (at: number): string => formatter('date-time', { dateStyle: 'medium', timeStyle: 'short' }).format(at);

/** `Wed 1:00 PM`: notifications, which are read within a day or two. */
export const localWeekdayTime = (at: number): string =>
  formatter('weekday-time', { weekday: 'short', hour: 'numeric', minute: '2-digit' }).format(at);

/** `Wed, 15 Nov 2023`: the days a pack spans. */
export const localDayWithYear = (at: number): string =>
  formatter('day-year', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }).format(at);

/** `15 Nov 2023` */
export const localDate = (at: number): string => formatter('date', { dateStyle: 'medium' }).format(at);

/** `15 Nov 2023, 12:00 AM – 18 Nov 2023, 12:00 AM UTC`: the hover title of a pack's span. */
export const utcDateTimeRange = (start: number, end: number): string => {
  const utc = formatter('utc-range', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
  return `${utc.format(start)} – ${utc.format(end)} UTC`;
};

/** `15 Nov 2023, 00:00 UTC`, for hover titles beside local times. */
export const utcDateTime = (at: number): string =>
  `${formatter('utc', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC', hourCycle: 'h23' }).format(at)} UTC`;

/** `Wed 15 Nov, 00:00 – 23:00`, or with both days when the range crosses midnight. */
export function localRange(start: number, end: number): string {
  if (isSameDay(start, end)) return `${localDayTime(start)} – ${localTime(end)}`;
  return `${localDayTime(start)} – ${localDayTime(end)}`;
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
  utcDateTime(0);
  localNumber(0);
}
