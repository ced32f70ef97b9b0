// Instants and numbers for people, in the user's locale and time zone through Intl. Formatters are
// built once and reused: building an Intl.DateTimeFormat costs far more than formatting with one.

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let made = formatters.get(key);
  if (!made) formatters.set(key, (made = new Intl.DateTimeFormat(undefined, options)));
  return made;
}

/** `13:00` */
export const localTime = (at: number): string => formatter('time', { hour: '2-digit', minute: '2-digit' }).format(at);

/** `Wed 15 Nov` */
export const localDay = (at: number): string =>
  formatter('day', { weekday: 'short', day: 'numeric', month: 'short' }).format(at);

/** `Wed 15 Nov, 13:00` */
export const localDayTime = (at: number): string =>
  formatter('day-time', { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(at);

/** `15 Nov 2023` */
export const localDate = (at: number): string => formatter('date', { dateStyle: 'medium' }).format(at);

/** `15 Nov 2023, 00:00 UTC`, for hover titles beside local times. */
export const utcDateTime = (at: number): string =>
  `${formatter('utc', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC', hourCycle: 'h23' }).format(at)} UTC`;

/** Whether two instants fall on the same local calendar day. */
export function sameLocalDay(a: number, b: number): boolean {
  const da = new Date(a);
  const db = new Date(b);
  return da.getFullYear() === db.getFullYear() && da.getMonth() === db.getMonth() && da.getDate() === db.getDate();
}

/** `Wed 15 Nov, 00:00 – 23:00`, or with both days when the range crosses midnight. */
export function localRange(start: number, end: number): string {
  if (sameLocalDay(start, end)) return `${localDayTime(start)} – ${localTime(end)}`;
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
