import { describe, expect, it } from 'vitest';
import { dailyResetInForce, effectiveDailyReset, isDateOnly, parseDailyReset, parsePackTime, resolvePackTime } from '../../../lib/schedule/pack-time';

describe('resolvePackTime', () => {
  it('resolves a date to 00:00 UTC on that date when no reset is set', () => {
    expect(resolvePackTime('2023-11-13')).toBe(Date.UTC(2023, 10, 13));
  });
  it('resolves a date to the daily reset with an offset', () => {
    expect(resolvePackTime('2023-11-13', '05:00+02:00')).toBe(Date.UTC(2023, 10, 13, 3));
  });
  it('keeps an instant as given, whatever the reset', () => {
    expect(resolvePackTime('2023-11-13T13:00:00+02:00', '09:00Z')).toBe(Date.UTC(2023, 10, 13, 11));
    expect(resolvePackTime('2023-11-13T11:00Z')).toBe(Date.UTC(2023, 10, 13, 11));
  });
  it('refuses text that is not a pack time', () => {
    expect(() => resolvePackTime('2023-02-30')).toThrow(RangeError);
  });
});

describe('parsePackTime', () => {
  it('refuses an instant without an offset', () => {
    expect(parsePackTime('2023-11-13T11:00:00')).toBeUndefined();
  });
  it('refuses impossible calendar dates and hours', () => {
    expect(parsePackTime('2023-13-01')).toBeUndefined();
    expect(parsePackTime('2023-11-13T24:00Z')).toBeUndefined();
  });
  it('reads milliseconds', () => {
    expect(parsePackTime('2023-11-13T00:00:00.5Z')).toEqual({ kind: 'instant', at: Date.UTC(2023, 10, 13) + 500 });
  });
});

describe('daily reset', () => {
  it('reads HH:MM with Z or an offset', () => {
    expect(parseDailyReset('11:00Z')).toBe(11 * 3_600_000);
    expect(parseDailyReset('01:30-05:30')).toBe(7 * 3_600_000);
    expect(parseDailyReset('11:00')).toBeUndefined();
  });
  it('prefers the user setting, then the pack, then 00:00 UTC', () => {
    expect(effectiveDailyReset('07:00Z', '11:00Z')).toBe('07:00Z');
    expect(effectiveDailyReset(undefined, '11:00Z')).toBe('11:00Z');
    expect(effectiveDailyReset(undefined, undefined)).toBe('00:00Z');
    expect(effectiveDailyReset('bogus', undefined)).toBe('00:00Z');
  });
  it('says where the reset in force comes from, skipping invalid ones', () => {
    expect(dailyResetInForce('07:00Z', '11:00Z')).toEqual({ reset: '07:00Z', source: 'settings' });
    expect(dailyResetInForce('11:00Z', '11:00Z')).toEqual({ reset: '11:00Z', source: 'settings' });
    expect(dailyResetInForce('bogus', '11:00Z')).toEqual({ reset: '11:00Z', source: 'pack' });
    expect(dailyResetInForce(undefined, 'bogus')).toEqual({ reset: '00:00Z', source: 'default' });
    expect(dailyResetInForce(undefined, '00:00Z')).toEqual({ reset: '00:00Z', source: 'pack' });
  });
  it('tells a date-only time from an instant', () => {
    expect(isDateOnly('2023-11-13')).toBe(true);
    expect(isDateOnly('2023-11-13T00:00Z')).toBe(false);
    expect(isDateOnly('13/11/2023')).toBe(false);
  });
});

describe('offsets', () => {
  it('accepts the offsets real time zones use, −12:00 to +14:00, and refuses the rest up to ±14:59', () => {
    expect(parsePackTime('2023-11-13T11:00+14:00')).toEqual({ kind: 'instant', at: Date.UTC(2023, 10, 12, 21) });
    expect(parsePackTime('2023-11-13T11:00-12:00')).toEqual({ kind: 'instant', at: Date.UTC(2023, 10, 13, 23) });
    expect(parsePackTime('2023-11-13T11:00+05:45')).toBeDefined();
    for (const offset of ['+14:01', '+14:59', '-12:01', '-13:00', '-14:00', '-14:59']) {
      expect(parsePackTime(`2023-11-13T11:00${offset}`), offset).toBeUndefined();
      expect(parseDailyReset(`05:00${offset}`), offset).toBeUndefined();
    }
    expect(parseDailyReset('05:00+14:00')).toBe(-9 * 3_600_000);
    expect(parseDailyReset('05:00-12:00')).toBe(17 * 3_600_000);
  });
});
