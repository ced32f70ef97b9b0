// The daily reset of one pack on the options page: a reset that would turn a milestone inside out is
// refused in words, naming the milestone, and nothing is stored.
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { OptionsResetTime } from '../../entrypoints/options/ResetTime';
import { HOUR, milestone, pack, track } from '../fixtures/packs';
import { localResetTime } from '../../lib/format/local-time';

describe('the daily reset on the options page', () => {
  it('refuses a reset that would make a milestone end before it starts, naming it, and stores nothing', async () => {
    const arc = pack(
      [track('heroes', [milestone('evening', '2026-12-02', '2026-12-02T20:00Z', { name: 'Evening Patrol' })], { name: 'Heroes' })],
      { id: 'winter-arc', title: 'Winter arc' },
    );
    const reload = vi.fn(async () => {});
    const installed = { pack: arc, builtin: false, settings: {}, followedTrackId: undefined, progress: { tracks: {} }, span: { start: 0, end: 1 }, usesDates: true };
    render(<OptionsResetTime installed={installed} reload={reload} />);
    fireEvent.input(screen.getByLabelText('Daily reset (UTC)'), { target: { value: '21:00' } });
    fireEvent.click(screen.getByRole('button', { name: 'Set reset time' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'This reset was not set: at a daily reset of 21:00Z, the milestone “Evening Patrol” of “Heroes” would end before it starts.',
    );
    expect(reload).not.toHaveBeenCalled();
  });

  const installedWith = (settings: { dailyReset?: string }, dailyReset?: string) => ({
    pack: pack([track('heroes', [milestone('day', '2026-12-02', '2026-12-03')])], { id: 'winter-arc', title: 'Winter arc', ...(dailyReset ? { dailyReset } : {}) }),
    builtin: false,
    settings,
    progress: { tracks: {} },
    followedTrackId: undefined,
    span: { start: 0, end: 1 },
    usesDates: true,
  });
  const inForceLine = () => screen.getByText(/^In force:/).textContent;

  it('says your reset applies when you set one, and offers the pack’s by its time', () => {
    render(<OptionsResetTime installed={installedWith({ dailyReset: '07:00Z' }, '11:00Z')} reload={async () => {}} />);
    expect(inForceLine()).toMatch(/^In force: your reset, 07:00 UTC \(.+ your time\)$/);
    expect(screen.getByRole('button', { name: 'Use the pack’s reset (11:00 UTC)' })).toBeTruthy();
  });
  it('says the pack’s reset applies when you set none, and offers nothing to go back to', () => {
    render(<OptionsResetTime installed={installedWith({}, '05:00+02:00')} reload={async () => {}} />);
    expect(inForceLine()).toMatch(/^In force: this pack’s reset, 03:00 UTC/);
    expect(screen.queryByRole('button', { name: /^Use the/ })).toBeNull();
  });
  it('says the default applies when neither you nor the pack set one, and names the default on the button', () => {
    render(<OptionsResetTime installed={installedWith({})} reload={async () => {}} />);
    expect(inForceLine()).toMatch(/^In force: default 00:00 UTC \(.+ your time\)$/);
    cleanup();
    render(<OptionsResetTime installed={installedWith({ dailyReset: '07:00Z' })} reload={async () => {}} />);
    expect(screen.getByRole('button', { name: 'Use the default reset (00:00 UTC)' })).toBeTruthy();
  });

  it('names the zone on its local time when it is the page’s first time, and only then', () => {
    const midnight = Date.UTC(2026, 0, 1);
    render(<OptionsResetTime installed={installedWith({}, '11:00Z')} reload={async () => {}} withZone />);
    expect(inForceLine()).toBe(`In force: this pack’s reset, 11:00 UTC (${localResetTime(11 * HOUR, midnight, { withZone: true })} your time)`);
    cleanup();
    render(<OptionsResetTime installed={installedWith({}, '11:00Z')} reload={async () => {}} />);
    expect(inForceLine()).toBe(`In force: this pack’s reset, 11:00 UTC (${localResetTime(11 * HOUR, midnight)} your time)`);
  });
});
