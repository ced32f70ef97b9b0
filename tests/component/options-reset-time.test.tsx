// The daily reset of one pack on the options page: a reset that would turn a milestone inside out is
// refused in words, naming the milestone, and nothing is stored.
import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { OptionsResetTime } from '../../entrypoints/options/ResetTime';
import { milestone, pack, track } from '../fixtures/packs';

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
});
