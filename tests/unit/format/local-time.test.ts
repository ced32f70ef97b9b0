import { describe, expect, it } from 'vitest';
import {
  localDateTime,
  localDayTime,
  localRange,
  localResetTime,
  localTime,
  localWeekdayTime,
  utcDateTime,
  utcDateTimeRange,
  zoneLabel,
} from '../../../lib/format/local-time';
import { DAY_MS, HOUR_MS } from '../../../lib/schedule/units';

const WED_NOON = Date.UTC(2023, 10, 15, 12);

describe('local times', () => {
  it('shows a reset given after 00:00 UTC at its local time on the UTC day of now', () => {
    const midnight = Date.UTC(2023, 10, 15);
    expect(localResetTime(3 * HOUR_MS, WED_NOON)).toBe(localTime(midnight + 3 * HOUR_MS));
    expect(localResetTime(0, midnight)).toBe(localTime(midnight));
    expect(localResetTime(0, midnight - 1)).toBe(localTime(midnight - DAY_MS));
  });
  it('names the day once when a range stays within one local day', () => {
    const start = new Date(2023, 10, 15, 9).getTime();
    const lastMinute = new Date(2023, 10, 15, 23, 59).getTime();
    expect(localRange(start, lastMinute)).toBe(`${localDayTime(start)} – ${localTime(lastMinute)}`);
    const nextMidnight = new Date(2023, 10, 16).getTime();
    expect(localRange(start, nextMidnight)).toBe(`${localDayTime(start)} – ${localDayTime(nextMidnight)}`);
  });
});

/** Whether `text` shows `time` as a whole (`09:05` does not show `9:05`). */
const showsTime = (text: string, time: string): boolean => {
  const at = text.indexOf(time);
  return at >= 0 && !/\d/.test(text.charAt(at - 1));
};

// The zone name each suite's computer shows in November (the unit suite runs under these three).
const SHORT_ZONE: Record<string, string> = { UTC: 'UTC', 'America/Los_Angeles': 'PST', 'Asia/Kolkata': 'GMT+5:30' };

describe('one hour format everywhere', () => {
  const nineOFive = new Date(2023, 10, 15, 9, 5).getTime();
  const time = localTime(nineOFive);

  it('is the locale’s own hour format', () => {
    expect(time).toBe(new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' }).format(nineOFive));
  });
  it('is the same in every format that shows a time', () => {
    const shown = {
      localDayTime: localDayTime(nineOFive),
      localDateTime: localDateTime(nineOFive),
      localWeekdayTime: localWeekdayTime(nineOFive),
      localRange: localRange(nineOFive - 3_600_000, nineOFive),
      localResetTime: localResetTime(nineOFive % DAY_MS, nineOFive),
    };
    for (const [name, text] of Object.entries(shown)) expect(showsTime(text, time), `${name}: ${text}`).toBe(true);
  });
  it('shows UTC titles in the same format, named UTC', () => {
    const utcNine = Date.UTC(2023, 10, 15, 9, 5);
    const utcTime = localTime(utcNine, { timeZone: 'UTC' });
    expect(showsTime(utcDateTime(utcNine), utcTime)).toBe(true);
    expect(utcDateTime(utcNine).endsWith(' UTC')).toBe(true);
    expect(utcDateTimeRange(utcNine, utcNine + DAY_MS)).toBe(`${utcDateTime(utcNine)} – ${utcDateTime(utcNine + DAY_MS)}`);
  });
});

describe('the zone name', () => {
  const zone = SHORT_ZONE[process.env.TZ ?? 'UTC']!;

  it('follows a time only when asked for', () => {
    expect(localTime(WED_NOON, { withZone: true })).toBe(`${localTime(WED_NOON)} ${zone}`);
    expect(localDayTime(WED_NOON, { withZone: true })).toBe(`${localDayTime(WED_NOON)} ${zone}`);
    expect(localDateTime(WED_NOON, { withZone: true })).toBe(`${localDateTime(WED_NOON)} ${zone}`);
    expect(localTime(WED_NOON)).not.toContain(zone);
  });
  it('goes once on a range, at its end', () => {
    const start = new Date(2023, 10, 15, 9).getTime();
    const end = new Date(2023, 10, 15, 23).getTime();
    expect(localRange(start, end, { withZone: true })).toBe(`${localDayTime(start)} – ${localTime(end)} ${zone}`);
  });
});

describe('times in the server’s zone', () => {
  it('shows the wall clock of that zone, whatever the computer’s', () => {
    // 12:00 UTC on 15 Nov is 13:00 in Berlin (CET) and 07:00 in New York (EST).
    expect(localTime(WED_NOON, { timeZone: 'Europe/Berlin' })).toBe(localTime(WED_NOON + 3_600_000, { timeZone: 'UTC' }));
    expect(localTime(WED_NOON, { timeZone: 'America/New_York' })).toBe(localTime(WED_NOON - 5 * 3_600_000, { timeZone: 'UTC' }));
    expect(localTime(WED_NOON, { timeZone: 'Europe/Berlin', withZone: true })).toMatch(/ (CET|GMT\+1)$/);
  });
  it('tells the days apart in that zone', () => {
    // 22:00–23:30 UTC is one day in UTC and two in Berlin (23:00 – 00:30).
    const start = Date.UTC(2023, 10, 15, 22);
    const end = Date.UTC(2023, 10, 15, 23, 30);
    expect(localRange(start, end, { timeZone: 'UTC' })).toBe(`${localDayTime(start, { timeZone: 'UTC' })} – ${localTime(end, { timeZone: 'UTC' })}`);
    const berlin = { timeZone: 'Europe/Berlin' };
    expect(localRange(start, end, berlin)).toBe(`${localDayTime(start, berlin)} – ${localDayTime(end, berlin)}`);
  });
});

describe('a zone for people', () => {
  it('reads a named zone with spaces, and a fixed-offset Etc zone by its offset the right way round', () => {
    expect(zoneLabel('America/New_York', WED_NOON)).toBe('America/New York');
    expect(zoneLabel('Etc/GMT+7', WED_NOON)).toBe('GMT-7');
    expect(zoneLabel('Etc/GMT-2', WED_NOON)).toBe('GMT+2');
    expect(zoneLabel('UTC', WED_NOON)).toBe('UTC');
  });
});
