import { localDate, localDayTime, localRange, localTime, utcDateTime } from '@/lib/format/local-time';

interface Props {
  at: number;
  /** `time` 13:00, `day-time` Wed 15 Nov, 13:00, `date` 15 Nov 2023. */
  format?: 'time' | 'day-time' | 'date';
  /** With `until`, a range: Wed 15 Nov, 00:00 – Thu 16 Nov, 00:00. */
  until?: number;
  /** Adds the short zone name (`13:00 CET`): a view sets it on the first time it shows, and on no other. */
  withZone?: boolean;
  /** Shows the time in this zone (the server's) instead of the computer's. */
  timeZone?: string | undefined;
}

const FORMATS = { time: localTime, 'day-time': localDayTime, date: localDate };

/** A time as people read it (the locale's hour format), with the UTC time on hover. */
export function LocalTime({ at, format = 'day-time', until, withZone = false, timeZone }: Props) {
  const style = { withZone, timeZone };
  const text = until === undefined ? FORMATS[format](at, style) : localRange(at, until, style);
  const utc = until === undefined ? utcDateTime(at) : `${utcDateTime(at)} – ${utcDateTime(until)}`;
  return (
    // Not a tab stop: a panel of milestones would add one per time; the title is the time's description.
    <time class="local-time" dateTime={new Date(at).toISOString()} title={utc}>
      {text}
    </time>
  );
}
