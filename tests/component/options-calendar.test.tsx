// The Calendar section of the options page, on a state given in memory.
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { OptionsCalendar } from '../../entrypoints/options/CalendarSection';
import { calendarTracks } from '../../lib/calendar/calendar-file';
import { milestoneCalendar } from '../../lib/calendar/ics';
import { optionsState } from '../../lib/views/options-state';
import { milestone, pack, track } from '../fixtures/packs';
import { ARCHITECTS, BUILTIN_PACK_ID, stateWith } from '../fixtures/tracker-state';

describe('the Calendar section of the options page', () => {
  const other = pack([track('heroes', [milestone('day-1', '2023-11-20', '2023-11-21')])], { id: 'other', title: 'Other arc' });

  it('saves the followed tracks of every visible pack, with the reminder it announces', async () => {
    const tracker = stateWith({ settings: { [BUILTIN_PACK_ID]: { followedTrackId: ARCHITECTS }, other: { followedTrackId: 'heroes' } }, imported: [other] });
    const save = vi.fn();
    render(<OptionsCalendar state={optionsState(tracker.snapshot, [other])} saveFile={save} />);
    screen.getByText(/with a reminder 60 minutes before each ends/);
    fireEvent.click(screen.getByRole('button', { name: 'Add to calendar' }));
    await waitFor(() => expect(save).toHaveBeenCalledOnce());
    const [name, text, type] = save.mock.calls[0]!;
    expect(type).toBe('text/calendar');
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/);
    // The same text as the side panel would save for this state, but for the export instant.
    const stampless = (ics: string) => ics.replace(/^DTSTAMP:.*\r\n/gm, '');
    expect(stampless(text as string)).toBe(stampless(milestoneCalendar(calendarTracks(tracker), { alarmMinutes: 60, now: 0 })));
    expect(screen.getByRole('status').textContent).toBe(`Downloaded ${name}.`);
  });

  it('leaves hidden packs out', async () => {
    const tracker = stateWith({
      settings: { [BUILTIN_PACK_ID]: { followedTrackId: ARCHITECTS, hidden: true }, other: { followedTrackId: 'heroes' } },
      imported: [other],
    });
    const save = vi.fn();
    render(<OptionsCalendar state={optionsState(tracker.snapshot, [other])} saveFile={save} />);
    fireEvent.click(screen.getByRole('button', { name: 'Add to calendar' }));
    await waitFor(() => expect(save).toHaveBeenCalledOnce());
    expect((save.mock.calls[0]![1] as string).match(/BEGIN:VEVENT/g)).toHaveLength(1);
  });

  it('says when there is nothing to export, and that 0 minutes means no reminder', () => {
    const tracker = stateWith();
    tracker.snapshot.settings.notifications.minutesBeforeEnd = 0;
    render(<OptionsCalendar state={optionsState(tracker.snapshot, [])} saveFile={vi.fn()} />);
    screen.getByText(/You follow no track yet/);
    screen.getByText(/without reminders/);
    expect(screen.queryByRole('button', { name: 'Add to calendar' })).toBeNull();
  });
});
