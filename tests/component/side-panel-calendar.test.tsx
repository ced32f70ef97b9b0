// *Add to calendar* in the side panel, on a state given in memory: the file it saves is the writer's output.
import ICAL from 'ical.js';
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SidePanelApp } from '../../entrypoints/sidepanel/SidePanelApp';
import { calendarTracks } from '../../lib/calendar/calendar-file';
import { milestoneCalendar } from '../../lib/calendar/ics';
import { ARCHITECTS, BUILTIN_PACK_ID, DEFENDERS, WED_NOON, builtinFollowing, stateWith } from '../fixtures/tracker-state';

describe('Add to calendar in the side panel', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(WED_NOON);
  });
  afterEach(() => vi.useRealTimers());

  it('saves the calendar of the followed track as an .ics file named by the date', async () => {
    const state = builtinFollowing(DEFENDERS);
    const save = vi.fn();
    render(<SidePanelApp initial={state} saveFile={save} />);
    fireEvent.click(screen.getByRole('button', { name: 'Add to calendar' }));
    await waitFor(() => expect(save).toHaveBeenCalledOnce());
    const [name, text, type] = save.mock.calls[0]!;
    expect([name, type]).toEqual(['stfc-milestones-2023-11-15.ics', 'text/calendar']);
    expect(text).toBe(milestoneCalendar(calendarTracks(state), { alarmMinutes: 60, now: WED_NOON }));
    const summaries = new ICAL.Component(ICAL.parse(text as string)).getAllSubcomponents('vevent').map((v) => v.getFirstPropertyValue('summary'));
    expect(summaries).toEqual([
      'Unraveling Anomalies · Defenders of Peace',
      'Enlisting Old Allies · Defenders of Peace',
      'Hidden Motivations · Defenders of Peace',
      'Assembling the Resistance · Defenders of Peace',
      'Shaping a Unified Destiny · Defenders of Peace',
    ]);
  });

  it('writes the followed track of the state, with the reminder minutes of the settings', async () => {
    const state = stateWith({ settings: { [BUILTIN_PACK_ID]: { followedTrackId: ARCHITECTS } } });
    state.snapshot.settings.notifications.minutesBeforeEnd = 15;
    const save = vi.fn();
    render(<SidePanelApp initial={state} saveFile={save} />);
    fireEvent.click(screen.getByRole('button', { name: 'Add to calendar' }));
    await waitFor(() => expect(save).toHaveBeenCalledOnce());
    const text = save.mock.calls[0]![1] as string;
    expect(text).toContain('SUMMARY:Disarray Unleashed · Architects of Chaos');
    expect(text).toContain('TRIGGER;RELATED=END:-PT15M');
  });

  it('shows no button until a track is followed', () => {
    render(<SidePanelApp initial={stateWith()} saveFile={vi.fn()} />);
    screen.getByRole('heading', { name: /Heroes and Villains/ });
    expect(screen.queryByRole('button', { name: 'Add to calendar' })).toBeNull();
  });
});
