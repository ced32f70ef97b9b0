// The daily reset asked once per Commander in the popup, and the line that shows it afterwards.
import { spyActions } from '../helpers/spy-actions';
import { fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { PopupView } from '../../entrypoints/popup/PopupView';
import { withCommanderReset } from '../../lib/commander/commander-changes';
import { builtinPack } from '../../lib/packs/builtin';
import type { DailyReset } from '../../lib/schedule/daily-reset';
import { popupView } from '../../lib/views/popup-view';
import { trackerState, type TrackerState } from '../../lib/views/tracker-state';
import { builtinFollowing, DEFENDERS, WED_NOON } from '../fixtures/tracker-state';

const HOUR = 3_600_000;


/** The built-in arc followed by Commander 1, with `reset` as their daily reset. */
function withReset(reset: DailyReset): TrackerState {
  const { snapshot } = builtinFollowing(DEFENDERS);
  return trackerState({ ...snapshot, commanders: withCommanderReset(snapshot.commanders, 'c1', reset) }, [], builtinPack());
}

function show(state: TrackerState, now = WED_NOON) {
  const actions = spyActions();
  const onChangeReset = vi.fn();
  render(<PopupView model={popupView(state, now)} actions={actions} onOpenSidePanel={() => {}} onOpenOptions={() => {}} onChangeReset={onChangeReset} />);
  return { actions, onChangeReset };
}

describe('the popup’s first run', () => {
  it('asks when the server’s day resets, and saves the answer as a time in a zone', async () => {
    const { actions } = show(builtinFollowing(DEFENDERS));
    const form = await screen.findByRole('form', { name: 'Daily reset' });
    screen.getByRole('heading', { name: 'When does your server’s day reset?' });
    fireEvent.input(within(form).getByLabelText('Reset time'), { target: { value: '13:00' } });
    fireEvent.change(within(form).getByLabelText('Time zone'), { target: { value: 'UTC' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    expect(actions.setReset).toHaveBeenCalledWith({ time: '13:00', zone: 'UTC' });
  });

  it('asks no more once the Commander has a reset: one line says it, with a way to change it', () => {
    const { onChangeReset } = show(withReset({ time: '13:00', zone: 'UTC' }));
    expect(screen.queryByRole('form', { name: 'Daily reset' })).toBeNull();
    expect(screen.getByText(/^Daily reset/).textContent).toMatch(/^Daily reset (13:00|1:00\sPM) UTC · change/);
    fireEvent.click(screen.getByRole('button', { name: 'change the daily reset' }));
    expect(onChangeReset).toHaveBeenCalledOnce();
  });

  it('the chosen reset moves the live milestone’s end', () => {
    const end = (state: TrackerState) => popupView(state, WED_NOON + HOUR).sections.flatMap((s) => (s.kind === 'track' ? s.live : []))[0]?.end;
    // Without a reset of their own, Wednesday's milestone ends at Thursday 00:00 UTC; with 13:00 UTC, at Thursday 13:00 UTC.
    expect(end(builtinFollowing(DEFENDERS))).toBe(Date.UTC(2023, 10, 16));
    expect(end(withReset({ time: '13:00', zone: 'UTC' }))).toBe(Date.UTC(2023, 10, 16, 13));
    // In a zone: 13:00 in Europe/Berlin in November (CET, UTC+1) is 12:00 UTC.
    expect(end(withReset({ time: '13:00', zone: 'Europe/Berlin' }))).toBe(Date.UTC(2023, 10, 16, 12));
  });
});
