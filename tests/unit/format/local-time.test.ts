import { describe, expect, it } from 'vitest';
import { localDayTime, localRange, localResetTime, localTime } from '../../../lib/format/local-time';
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
