// Times as people read them: the first time of a view names its zone and later ones do not, every time
// gives its UTC time on hover, and the side panel's "Server time" switch shows the arc in
// the zone of the reset in force.
import { spyActions } from '../helpers/spy-actions';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { LocalTime } from '../../components/LocalTime';
import { PopupView } from '../../entrypoints/popup/PopupView';
import { SidePanelView } from '../../entrypoints/sidepanel/SidePanelView';
import { localDayTime, localRange, localTime, utcDateTime } from '../../lib/format/local-time';
import { scheduleTrack } from '../../lib/schedule/schedule';
import { checklistView } from '../../lib/views/checklist-view';
import { popupView } from '../../lib/views/popup-view';
import type { TrackerState } from '../../lib/views/tracker-state';
import { BUILTIN_PACK_ID, DEFENDERS, WED_NOON, builtinFollowing, stateWith } from '../fixtures/tracker-state';

const THU = Date.UTC(2023, 10, 16);
const actions = spyActions;
const times = (container: HTMLElement = document.body) => [...container.querySelectorAll('time')].map((t) => t.textContent);

describe('one time', () => {
  it('gives its UTC time as its title', () => {
    render(<LocalTime at={THU} />);
    const time = screen.getByText(localDayTime(THU));
    expect(time.getAttribute('title')).toBe(utcDateTime(THU));
    expect(time.getAttribute('title')).toMatch(/ UTC$/);
    expect(time.getAttribute('datetime')).toBe('2023-11-16T00:00:00.000Z');
  });
  it('names its zone only when the view asks', () => {
    render(
      <p>
        <LocalTime at={THU} format="time" withZone /> and <LocalTime at={THU} format="time" />
      </p>,
    );
    expect(times()).toEqual([localTime(THU, { withZone: true }), localTime(THU)]);
    expect(times()[0]).not.toBe(times()[1]);
  });
});

describe('the popup', () => {
  it('names the zone on its first time and on no later one', () => {
    render(<PopupView model={popupView(builtinFollowing(DEFENDERS), WED_NOON)} actions={actions()} onOpenSidePanel={() => {}} onOpenOptions={() => {}} />);
    const shown = times();
    expect(shown.length).toBeGreaterThan(1);
    expect(shown[0]).toBe(localDayTime(THU, { withZone: true }));
    expect(shown.slice(1)).toEqual(shown.slice(1).map(() => expect.not.stringMatching(/ UTC$/)));
    expect(screen.getByText('Assembling the Resistance').closest('p')!.querySelector('time')!.textContent).toBe(localDayTime(THU));
  });
  it('names it on the arc card when nothing is live', () => {
    const beforeArc = Date.UTC(2023, 10, 12);
    render(<PopupView model={popupView(builtinFollowing(DEFENDERS), beforeArc)} actions={actions()} onOpenSidePanel={() => {}} onOpenOptions={() => {}} />);
    expect(times()[0]).toBe(localDayTime(Date.UTC(2023, 10, 13), { withZone: true }));
  });
});

/** The built-in arc followed, its dates resolved at a Commander's 13:00 Berlin reset (not stored yet, so set here). */
function followingWithBerlinReset(): TrackerState {
  const state = stateWith({ settings: { [BUILTIN_PACK_ID]: { followedTrackId: DEFENDERS } } });
  const entry = state.packs[0]!;
  entry.schedule = scheduleTrack(entry.pack, entry.schedule!.track, undefined, { time: '13:00', zone: 'Europe/Berlin' });
  return state;
}

function showPanel(state: TrackerState) {
  const model = checklistView(state, WED_NOON);
  render(<SidePanelView model={model} actions={actions()} onChoosePack={() => {}} onOpenOptions={() => {}} onAddToCalendar={() => {}} />);
  return model.shown!.track!.milestones;
}

describe('the side panel', () => {
  it('names the zone on the reset notice’s time and not again on the checklist in the same zone', () => {
    const [first] = showPanel(builtinFollowing(DEFENDERS));
    const notice = screen.getByText(/Days start at the daily reset/);
    expect(within(notice).getByText(localTime(Date.UTC(2023, 10, 13), { withZone: true }))).toBeTruthy();
    const milestones = screen.getByRole('region', { name: 'Milestones' });
    expect(times(milestones)[0]).toBe(localRange(first!.start, first!.end));
  });

  it('shows the arc in the reset’s zone when “Server time” is on, naming that zone once, and back when off', () => {
    const milestones = showPanel(followingWithBerlinReset());
    const first = milestones[0]!;
    const second = milestones[1]!;
    // Monday's milestone starts at 13:00 Berlin time, 12:00 UTC.
    expect(first.start).toBe(Date.UTC(2023, 10, 13, 12));
    const serverTime = screen.getByRole('switch', { name: /^Server time/ });
    expect((serverTime as HTMLInputElement).checked).toBe(false);
    expect(serverTime.closest('label')!.textContent).toContain('Europe/Berlin');
    const region = screen.getByRole('region', { name: 'Milestones' });
    expect(times(region).slice(0, 2)).toEqual([localRange(first.start, first.end), localRange(second.start, second.end)]);

    fireEvent.click(serverTime);
    expect((serverTime as HTMLInputElement).checked).toBe(true);
    const berlin = { timeZone: 'Europe/Berlin' };
    expect(times(region).slice(0, 2)).toEqual([
      localRange(first.start, first.end, { ...berlin, withZone: true }),
      localRange(second.start, second.end, berlin),
    ]);
    expect(times(region)[0]).toContain(localTime(first.start + 3_600_000, { timeZone: 'UTC' }));
    expect(times(region)[0]).not.toBe(localRange(first.start, first.end, { withZone: true }));
    // The title stays UTC either way.
    expect(region.querySelector('time')!.getAttribute('title')).toBe(`${utcDateTime(first.start)} – ${utcDateTime(first.end)}`);

    fireEvent.click(serverTime);
    expect(times(region)[0]).toBe(localRange(first.start, first.end));
  });

  it('counts a pack’s reset at Z in UTC, and one at a whole-hour offset at that offset', () => {
    showPanel(stateWith({ settings: { [BUILTIN_PACK_ID]: { followedTrackId: DEFENDERS, dailyReset: '11:00Z' } } }));
    expect(screen.getByRole('switch', { name: /^Server time/ }).closest('label')!.textContent).toBe('Server time · UTC');
    cleanup();
    const [first] = showPanel(stateWith({ settings: { [BUILTIN_PACK_ID]: { followedTrackId: DEFENDERS, dailyReset: '04:00-07:00' } } }));
    const serverTime = screen.getByRole('switch', { name: /^Server time/ });
    expect(serverTime.closest('label')!.textContent).toBe('Server time · GMT-7');
    fireEvent.click(serverTime);
    // Monday's milestone starts at 04:00 at −07:00, 11:00 UTC.
    expect(first!.start).toBe(Date.UTC(2023, 10, 13, 11));
    const region = screen.getByRole('region', { name: 'Milestones' });
    expect(times(region)[0]).toContain(localTime(Date.UTC(2023, 10, 13, 4), { timeZone: 'UTC' }));
    expect(times(region)[0]).toMatch(/GMT-7$/);
  });
});
