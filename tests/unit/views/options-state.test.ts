import { describe, expect, it } from 'vitest';
import { BUILTIN_PACK_ID, builtinPack } from '../../../lib/packs/builtin';
import { optionsState, packUsesDates, resetInForce, utcClock } from '../../../lib/views/options-state';
import { defaultSettings, withPackSettings } from '../../../lib/commander/settings';
import type { Snapshot } from '../../../lib/storage/stored-data';
import { defaultCommanders } from '../../../lib/commander/commanders';
import { DAY, fiveDayTrack, milestone, pack, track } from '../../fixtures/packs';

const snapshot = (settings = defaultSettings()): Snapshot => ({ schema: 3, settings, commanders: defaultCommanders(), progress: {}, packIndex: {} });

describe('the daily reset the options page explains', () => {
  it('is assumed to be 00:00 UTC when neither the pack nor the Commander sets one (the seeds give dates only)', () => {
    expect(resetInForce(builtinPack(), {})).toEqual({ source: 'default', reset: '00:00Z', utc: '00:00' });
  });

  it('is the pack’s when it has one, shown in UTC', () => {
    expect(resetInForce(pack([fiveDayTrack()], { dailyReset: '05:00+02:00' }), {})).toEqual({ source: 'pack', reset: '05:00+02:00', utc: '03:00' });
  });

  it('is the Commander’s when set, over the pack’s', () => {
    expect(resetInForce(pack([fiveDayTrack()], { dailyReset: '05:00+02:00' }), { dailyReset: '11:00Z' })).toEqual({ source: 'settings', reset: '11:00Z', utc: '11:00' });
  });

  it('wraps offsets past midnight into one day', () => {
    expect(utcClock(-60 * 60_000)).toBe('23:00');
    expect(utcClock(25 * 60 * 60_000)).toBe('01:00');
  });

  it('matters only for packs with dates', () => {
    expect(packUsesDates(builtinPack())).toBe(true);
    expect(packUsesDates(pack([track('t', [milestone('m', '2024-01-01T10:00Z', '2024-01-02T10:00Z')])]))).toBe(false);
  });
});

describe('the installed packs the options page lists', () => {
  it('lists the built-in pack first even when hidden, then imported ones, with their span and settings', () => {
    const settings = withPackSettings(defaultSettings(), BUILTIN_PACK_ID, { hidden: true });
    const imported = pack([fiveDayTrack()], { id: 'mine', dailyReset: '11:00Z' });
    const state = optionsState(snapshot(settings), [imported, undefined]);
    expect(state.packs.map((p) => [p.pack.id, p.builtin, p.settings.hidden])).toEqual([
      [BUILTIN_PACK_ID, true, true],
      ['mine', false, undefined],
    ]);
    const monday11 = Date.UTC(2023, 10, 13, 11);
    expect(state.packs[1]!.span).toEqual({ start: monday11, end: monday11 + 5 * DAY });
  });
});
