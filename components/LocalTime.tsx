import { localDate, localDayTime, localRange, localTime, utcDateTime } from '@/lib/format/local-time';

interface Props {
  at: number;
  /** `time` 13:00, `day-time` Wed 15 Nov, 13:00, `date` 15 Nov 2023. */
  format?: 'time' | 'day-time' | 'date';
  /** With `until`, a range: Wed 15 Nov, 00:00 – Thu 16 Nov, 00:00. */
  until?: number;
}

const FORMATS = { time: localTime, 'day-time': localDayTime, date: localDate };

/** A local time, with the UTC time on hover. */
export function LocalTime({ at, format = 'day-time', until }: Props) {
  const text = until === undefined ? FORMATS[format](at) : localRange(at, until);
  const utc = until === undefined ? utcDateTime(at) : `${utcDateTime(at)} – ${utcDateTime(until)}`;
  return (
    <time dateTime={new Date(at).toISOString()} title={utc}>
      {text}
    </time>
  );
}
