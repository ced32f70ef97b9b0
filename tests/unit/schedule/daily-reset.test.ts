// A daily reset in a time zone keeps its wall-clock hour across daylight-saving changes; every instant
// here is exact to the millisecond and the same whatever zone the computer is in (the suite runs in three).
import { describe, expect, it } from 'vitest';
import { dailyResetProblem, gameDayStart, nextReset, type DailyReset } from '../../../lib/schedule/daily-reset';
import {
  dailyResetInForce,
  dailyResetOfPack,
  resetZone,
  resolvePackTime,
  whichResetApplies,
} from '../../../lib/schedule/pack-time';
import { scheduleTrack } from '../../../lib/schedule/schedule';
import { milestone, pack, track } from '../../fixtures/packs';

const BERLIN: DailyReset = { time: '13:00', zone: 'Europe/Berlin' };
const NEW_YORK: DailyReset = { time: '07:00', zone: 'America/New_York' };

describe('the game day under a reset in a time zone', () => {
  // 2024: Berlin springs forward on 31 March (CET +01:00 → CEST +02:00), falls back on 27 October.
  it('starts at 13:00 Berlin time on the days either side of the spring change', () => {
    expect(gameDayStart('2024-03-30', BERLIN)).toBe(Date.UTC(2024, 2, 30, 12));
    expect(gameDayStart('2024-03-31', BERLIN)).toBe(Date.UTC(2024, 2, 31, 11));
    expect(gameDayStart('2024-04-01', BERLIN)).toBe(Date.UTC(2024, 3, 1, 11));
  });
  it('starts at 13:00 Berlin time on the days either side of the autumn change', () => {
    expect(gameDayStart('2024-10-26', BERLIN)).toBe(Date.UTC(2024, 9, 26, 11));
    expect(gameDayStart('2024-10-27', BERLIN)).toBe(Date.UTC(2024, 9, 27, 12));
    expect(gameDayStart('2024-10-28', BERLIN)).toBe(Date.UTC(2024, 9, 28, 12));
  });
  // 2024: New York springs forward on 10 March (EST −05:00 → EDT −04:00), falls back on 3 November.
  it('starts at 07:00 New York time on the days either side of the spring change', () => {
    expect(gameDayStart('2024-03-09', NEW_YORK)).toBe(Date.UTC(2024, 2, 9, 12));
    expect(gameDayStart('2024-03-10', NEW_YORK)).toBe(Date.UTC(2024, 2, 10, 11));
    expect(gameDayStart('2024-03-11', NEW_YORK)).toBe(Date.UTC(2024, 2, 11, 11));
  });
  it('starts at 07:00 New York time on the days either side of the autumn change', () => {
    expect(gameDayStart('2024-11-02', NEW_YORK)).toBe(Date.UTC(2024, 10, 2, 11));
    expect(gameDayStart('2024-11-03', NEW_YORK)).toBe(Date.UTC(2024, 10, 3, 12));
    expect(gameDayStart('2024-11-04', NEW_YORK)).toBe(Date.UTC(2024, 10, 4, 12));
  });
  it('makes the game day of a change 23 or 25 hours long', () => {
    const hours = (a: string, b: string, reset: DailyReset) => (gameDayStart(b, reset) - gameDayStart(a, reset)) / 3_600_000;
    expect(hours('2024-03-30', '2024-03-31', BERLIN)).toBe(23);
    expect(hours('2024-10-26', '2024-10-27', BERLIN)).toBe(25);
    expect(hours('2024-03-09', '2024-03-10', NEW_YORK)).toBe(23);
    expect(hours('2024-11-02', '2024-11-03', NEW_YORK)).toBe(25);
  });
  it('takes a reset inside the hour the clocks skip as that far past the gap, and a repeated hour the first time', () => {
    // 02:30 does not happen in Berlin on 31 March 2024: 02:30 CET is 01:30 UTC (03:30 CEST).
    expect(gameDayStart('2024-03-31', { time: '02:30', zone: 'Europe/Berlin' })).toBe(Date.UTC(2024, 2, 31, 1, 30));
    // 02:30 happens twice in Berlin on 27 October 2024: first in CEST, 00:30 UTC.
    expect(gameDayStart('2024-10-27', { time: '02:30', zone: 'Europe/Berlin' })).toBe(Date.UTC(2024, 9, 27, 0, 30));
    expect(gameDayStart('2024-11-03', { time: '01:30', zone: 'America/New_York' })).toBe(Date.UTC(2024, 10, 3, 5, 30));
  });
  it('reads UTC as UTC', () => {
    expect(gameDayStart('2023-11-13', { time: '11:00', zone: 'UTC' })).toBe(Date.UTC(2023, 10, 13, 11));
  });
});

describe('the next reset', () => {
  it('is today’s reset until it happens, then tomorrow’s, to the millisecond', () => {
    const reset = Date.UTC(2024, 2, 30, 12);
    expect(nextReset(BERLIN, reset - 1)).toBe(reset);
    expect(nextReset(BERLIN, reset)).toBe(Date.UTC(2024, 2, 31, 11));
    expect(nextReset(BERLIN, reset + 1)).toBe(Date.UTC(2024, 2, 31, 11));
  });
  it('keeps the wall-clock hour across the autumn change', () => {
    expect(nextReset(BERLIN, Date.UTC(2024, 9, 26, 11))).toBe(Date.UTC(2024, 9, 27, 12));
    expect(nextReset(NEW_YORK, Date.UTC(2024, 10, 3, 12) - 1)).toBe(Date.UTC(2024, 10, 3, 12));
    expect(nextReset(NEW_YORK, Date.UTC(2024, 10, 3, 12))).toBe(Date.UTC(2024, 10, 4, 12));
  });
  it('finds the reset of a zone whose day is already tomorrow in UTC', () => {
    // 23:30 UTC on 15 Nov is 12:30 on 16 Nov in Auckland (+13:00): the 13:00 reset is 30 minutes away.
    expect(nextReset({ time: '13:00', zone: 'Pacific/Auckland' }, Date.UTC(2023, 10, 15, 23, 30))).toBe(Date.UTC(2023, 10, 16));
  });
});

describe('a reset that is not usable', () => {
  it('is refused in words', () => {
    expect(dailyResetProblem({ time: '13:00', zone: 'Mars/Olympus_Mons' })).toBe('“Mars/Olympus_Mons” is not a time zone this browser knows');
    expect(dailyResetProblem({ time: '24:00', zone: 'UTC' })).toBe('“24:00” is not a time of day like 13:00');
    expect(dailyResetProblem({ time: '13:00', zone: 'Europe/Berlin' })).toBeUndefined();
    expect(() => gameDayStart('2024-03-31', { time: '13:00', zone: 'Mars/Olympus_Mons' })).toThrow(
      'Not a daily reset: “Mars/Olympus_Mons” is not a time zone this browser knows.',
    );
    expect(() => nextReset({ time: '1pm', zone: 'UTC' }, 0)).toThrow('Not a daily reset: “1pm” is not a time of day like 13:00.');
  });
  it('refuses a date that is not on the calendar', () => {
    expect(() => gameDayStart('2024-02-30', BERLIN)).toThrow('Not a date: 2024-02-30.');
  });
});

describe('a pack’s reset as a reset in a zone', () => {
  it('reads Z as UTC and whole-hour offsets as their Etc/GMT zone, which gives the same instants', () => {
    expect(dailyResetOfPack('11:00Z')).toEqual({ time: '11:00', zone: 'UTC' });
    expect(dailyResetOfPack('04:00-07:00')).toEqual({ time: '04:00', zone: 'Etc/GMT+7' });
    expect(dailyResetOfPack('05:00+02:00')).toEqual({ time: '05:00', zone: 'Etc/GMT-2' });
    for (const text of ['11:00Z', '04:00-07:00', '05:00+02:00', '23:00-12:00', '01:00+14:00']) {
      expect(resolvePackTime('2024-03-31', dailyResetOfPack(text)!), text).toBe(resolvePackTime('2024-03-31', text));
    }
  });
  it('has no zone for an offset with minutes, nor for text that is not a reset', () => {
    expect(dailyResetOfPack('01:30-05:30')).toBeUndefined();
    expect(dailyResetOfPack('11:00')).toBeUndefined();
  });
  it('counts the reset in its zone, a fixed offset in UTC unless it has a zone of its own', () => {
    expect(resetZone(BERLIN)).toBe('Europe/Berlin');
    expect(resetZone('11:00Z')).toBe('UTC');
    expect(resetZone('04:00-07:00')).toBe('Etc/GMT+7');
    expect(resetZone('01:30-05:30')).toBe('UTC');
  });
});

describe('the reset in force', () => {
  it('is the Commander’s, then the pack setting, then the pack’s, then 00:00 UTC', () => {
    expect(dailyResetInForce('07:00Z', '11:00Z', BERLIN)).toEqual({ reset: BERLIN, source: 'commander' });
    expect(dailyResetInForce('07:00Z', '11:00Z', undefined)).toEqual({ reset: '07:00Z', source: 'settings' });
    expect(dailyResetInForce(undefined, '11:00Z', undefined)).toEqual({ reset: '11:00Z', source: 'pack' });
    expect(dailyResetInForce(undefined, undefined, undefined)).toEqual({ reset: '00:00Z', source: 'default' });
  });
  it('skips a Commander’s reset in a zone this browser does not know', () => {
    expect(dailyResetInForce(undefined, '11:00Z', { time: '13:00', zone: 'Mars/Olympus_Mons' })).toEqual({ reset: '11:00Z', source: 'pack' });
  });
  it('says which applies in the words the UI shows', () => {
    expect(whichResetApplies('07:00Z', '11:00Z', BERLIN).words).toBe('your reset');
    expect(whichResetApplies('07:00Z', '11:00Z').words).toBe('your reset');
    expect(whichResetApplies(undefined, '11:00Z')).toEqual({ reset: '11:00Z', source: 'pack', words: 'this pack’s reset' });
    expect(whichResetApplies(undefined, undefined).words).toBe('default 00:00 UTC');
  });
  it('moves a track’s date-only milestones with the Commander’s reset across a DST change, and leaves instants alone', () => {
    const arc = pack([
      track('heroes', [
        milestone('saturday', '2024-03-30', '2024-03-31'),
        milestone('sunday', '2024-03-31', '2024-04-01'),
        milestone('exact', '2024-03-31T09:00Z', '2024-03-31T10:00Z'),
      ]),
    ], { dailyReset: '11:00Z' });
    const schedule = scheduleTrack(arc, arc.tracks[0]!, '07:00Z', BERLIN);
    expect(schedule.resetSource).toBe('commander');
    expect(schedule.milestones.map((m) => [m.milestone.id, m.start, m.end])).toEqual([
      ['saturday', Date.UTC(2024, 2, 30, 12), Date.UTC(2024, 2, 31, 11)],
      ['exact', Date.UTC(2024, 2, 31, 9), Date.UTC(2024, 2, 31, 10)],
      ['sunday', Date.UTC(2024, 2, 31, 11), Date.UTC(2024, 3, 1, 11)],
    ]);
    expect(scheduleTrack(arc, arc.tracks[0]!).milestones[0]!.start).toBe(Date.UTC(2024, 2, 30, 11));
  });
});
