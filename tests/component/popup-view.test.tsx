import { spyActions } from '../helpers/spy-actions';
import { fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { PopupView } from '../../entrypoints/popup/PopupView';
import { localDate, localDayTime, utcDateTime } from '../../lib/format/local-time';
import { popupView } from '../../lib/views/popup-view';
import type { TrackerState } from '../../lib/views/tracker-state';
import { DAY, HOUR, MINUTE, milestone, pack, track } from '../fixtures/packs';
import {
  ARCHITECTS,
  BUILTIN_PACK_ID,
  DEFENDERS,
  WED_NOON,
  builtinFollowing,
  checked,
  completed,
  stateWith,
} from '../fixtures/tracker-state';

const MON = Date.UTC(2023, 10, 13);
const THU = Date.UTC(2023, 10, 16);
const SAT = Date.UTC(2023, 10, 18);


function showPopup(state: TrackerState | undefined, now: number, error?: string) {
  const actions = spyActions();
  const onOpenSidePanel = vi.fn();
  const onOpenOptions = vi.fn();
  render(
    <PopupView
      model={state && popupView(state, now)}
      actions={actions}
      onOpenSidePanel={onOpenSidePanel}
      onOpenOptions={onOpenOptions}
      error={error}
    />,
  );
  return { actions, onOpenSidePanel, onOpenOptions };
}

describe('the popup on first run', () => {
  it("offers the pack's tracks as buttons named by track and role, and follows the one clicked", async () => {
    const { actions } = showPopup(stateWith(), WED_NOON);
    // The chooser's code loads on first run only (components/lazy.ts).
    expect(await screen.findByRole('heading', { name: 'Choose your side' })).toBeTruthy();
    screen.getByRole('button', { name: 'Architects of Chaos · Villain' });
    fireEvent.click(screen.getByRole('button', { name: 'Defenders of Peace · Hero' }));
    expect(actions.followTrack).toHaveBeenCalledWith(BUILTIN_PACK_ID, DEFENDERS);
  });

  it('does not claim that nothing is live before a track is chosen', () => {
    showPopup(stateWith(), WED_NOON);
    expect(screen.queryByText(/No milestone is live/)).toBeNull();
  });
});

describe('the popup while a milestone is live', () => {
  it('shows its name as a heading, the track, a countdown and the local end time', () => {
    showPopup(builtinFollowing(DEFENDERS), WED_NOON + 47 * MINUTE + 30_000);
    const card = screen.getByRole('article', { name: 'Hidden Motivations' });
    within(card).getByRole('heading', { name: 'Hidden Motivations' });
    within(card).getByText('Defenders of Peace · Hero');
    const countdown = within(card).getByRole('timer');
    expect(countdown.textContent).toBe('ends in 11 h 12 min');
    expect(countdown.getAttribute('aria-live')).toBe('off');
    // The popup's first time names its zone.
    const end = within(card).getByText(localDayTime(THU, { withZone: true }));
    expect(end.getAttribute('title')).toBe(utcDateTime(THU));
  });

  it('counts seconds in the last minute', () => {
    showPopup(builtinFollowing(DEFENDERS), THU - 42_000);
    expect(screen.getAllByRole('timer')[0]!.textContent).toBe('ends in 42 s');
  });

  it('shows Confronting Resilience for Architects of Chaos', () => {
    showPopup(builtinFollowing(ARCHITECTS), WED_NOON);
    screen.getByRole('heading', { name: 'Confronting Resilience' });
    screen.getByText('Architects of Chaos · Villain');
  });

  it('lists the objectives as checkboxes named by their text, and records a check', () => {
    const state = builtinFollowing(DEFENDERS, { [BUILTIN_PACK_ID]: [checked(DEFENDERS, 'hidden-motivations', 'trait-xp')] });
    const { actions } = showPopup(state, WED_NOON);
    const away = screen.getByRole<HTMLInputElement>('checkbox', { name: 'Complete Away Team Assignments' });
    expect(away.checked).toBe(false);
    expect(screen.getByRole<HTMLInputElement>('checkbox', { name: 'Spend Trait XP' }).checked).toBe(true);
    fireEvent.click(away);
    expect(actions.setObjective).toHaveBeenCalledWith(BUILTIN_PACK_ID, DEFENDERS, 'hidden-motivations', 'away-team', true);
  });

  it('records the milestone as done with a switch named "completed"', () => {
    const { actions } = showPopup(builtinFollowing(DEFENDERS), WED_NOON);
    const done = screen.getByRole<HTMLInputElement>('switch', { name: /completed/i });
    expect(done.checked).toBe(false);
    fireEvent.click(done);
    expect(actions.setCompleted).toHaveBeenCalledWith(BUILTIN_PACK_ID, DEFENDERS, 'hidden-motivations', true);
  });

  it('says Done instead of Live once completed, with the switch on', () => {
    showPopup(builtinFollowing(DEFENDERS, { [BUILTIN_PACK_ID]: [completed(DEFENDERS, 'hidden-motivations')] }), WED_NOON);
    const card = screen.getByRole('article', { name: 'Hidden Motivations' });
    within(card).getByText('Done');
    expect(within(card).queryByText('Live')).toBeNull();
    expect(screen.getByRole<HTMLInputElement>('switch', { name: /completed/i }).checked).toBe(true);
  });

  it('shows points earned, reachable and total as text and as a meter', () => {
    const state = builtinFollowing(DEFENDERS, {
      [BUILTIN_PACK_ID]: [completed(DEFENDERS, 'unraveling-anomalies'), completed(DEFENDERS, 'hidden-motivations')],
    });
    showPopup(state, WED_NOON);
    screen.getByText('200 earned · 400 reachable · 500 total');
    const meter = screen.getByRole('meter');
    expect([meter.getAttribute('aria-valuenow'), meter.getAttribute('aria-valuemax')]).toEqual(['200', '500']);
  });

  it('says what comes next and when', () => {
    showPopup(builtinFollowing(DEFENDERS), WED_NOON);
    const next = screen.getByText('Assembling the Resistance').closest('p')!;
    expect(next.textContent).toContain('starts in 12 h');
    expect(next.textContent).toContain(localDayTime(THU));
  });

  it('says the daily reset was assumed', () => {
    showPopup(builtinFollowing(DEFENDERS), WED_NOON);
    screen.getByText('Times assume the daily reset at 00:00 UTC.');
  });

  it('opens the side panel and the options page from its buttons', () => {
    const { onOpenSidePanel, onOpenOptions } = showPopup(builtinFollowing(DEFENDERS), WED_NOON);
    fireEvent.click(screen.getByRole('button', { name: 'Open side panel' }));
    expect(onOpenSidePanel).toHaveBeenCalledOnce();
    fireEvent.click(screen.getByRole('button', { name: 'Options' }));
    expect(onOpenOptions).toHaveBeenCalledOnce();
  });
});

describe('the popup when all objectives are missing', () => {
  it('says "objectives not published" and offers no objective checkbox, but still the completed switch', () => {
    showPopup(builtinFollowing(ARCHITECTS), Date.UTC(2023, 10, 16, 12));
    screen.getByRole('heading', { name: 'Testing Destinies' });
    screen.getByText('Objectives not published');
    expect(screen.queryAllByRole('checkbox')).toEqual([]);
    screen.getByRole('switch', { name: /completed/i });
  });
});

describe('the popup between two milestones', () => {
  const gapped = pack([track('t', [milestone('a', '2023-11-13', '2023-11-14'), milestone('b', '2023-11-16', '2023-11-17', { name: 'Second Wind' })], { name: 'Gapped', role: 'Hero' })], {
    id: 'gapped',
    title: 'Gapped arc',
  });
  const state = stateWith({ imported: [gapped], settings: { gapped: { followedTrackId: 't' }, [BUILTIN_PACK_ID]: { hidden: true } } });

  it('names the next milestone and when it starts, and points at adding a pack', () => {
    const { onOpenOptions } = showPopup(state, WED_NOON);
    screen.getByRole('heading', { name: 'Second Wind' });
    screen.getByText('No milestone is live right now.');
    expect(screen.getByRole('timer').textContent).toBe('starts in 12 h');
    screen.getByText('Next');
    fireEvent.click(screen.getByRole('button', { name: 'Add an event pack in Options' }));
    expect(onOpenOptions).toHaveBeenCalledOnce();
  });
});

describe('the popup before the arc', () => {
  it('says the arc is upcoming and when it starts', () => {
    showPopup(builtinFollowing(DEFENDERS), MON - 2 * DAY - 3 * HOUR);
    screen.getByRole('heading', { name: 'Heroes and Villains, November 2023' });
    screen.getByText('Upcoming');
    expect(screen.getByRole('timer').textContent).toBe('starts in 2 d 3 h');
    screen.getByText('First milestone: Unraveling Anomalies');
    screen.getByRole('button', { name: 'Add an event pack in Options' });
  });
});

describe('the popup after the arc', () => {
  it('says it is over, when it ended and the points earned', () => {
    const state = builtinFollowing(DEFENDERS, {
      [BUILTIN_PACK_ID]: [completed(DEFENDERS, 'unraveling-anomalies'), completed(DEFENDERS, 'hidden-motivations')],
    });
    showPopup(state, Date.UTC(2024, 5, 1));
    // Issue 11: no arc running comes first, with the two ways to get one; the ended arc is one line.
    screen.getByRole('heading', { name: 'No arc is running in your packs' });
    screen.getByRole('button', { name: 'Add from link' });
    screen.getByRole('button', { name: 'Import a pack file' });
    const ended = screen.getByText(/The arc ended on/);
    expect(ended.textContent).toBe(`The arc ended on ${localDate(SAT)} with 200 of 500 points earned.`);
    expect(screen.queryByRole('timer')).toBeNull();
    expect(screen.queryByRole('article')).toBeNull();
  });

  it('asks for no side in an arc that has ended', () => {
    showPopup(stateWith(), Date.UTC(2024, 5, 1));
    screen.getByRole('heading', { name: 'No arc is running in your packs' });
    expect(screen.queryByRole('button', { name: /Defenders of Peace/ })).toBeNull();
    expect(screen.getByText(/The arc ended on/).textContent).toBe(`The arc ended on ${localDate(SAT)}.`);
  });
});

describe('the popup before the store is read, and when storage fails', () => {
  it('reserves the space with a busy skeleton', () => {
    showPopup(undefined, WED_NOON);
    expect(screen.getByRole('main').getAttribute('aria-busy')).toBe('true');
    expect(screen.queryByRole('heading', { level: 2 })).toBeNull();
  });

  it('shows a storage error plainly as an alert', () => {
    showPopup(undefined, WED_NOON, 'This browser refused the extension’s storage');
    expect(screen.getByRole('alert').textContent).toContain('refused');
  });
});

describe('pack text', () => {
  it('is rendered as text, never as HTML', () => {
    const hostile = pack([track('t', [milestone('m', '2023-11-15', '2023-11-16', { name: '<img src=x onerror=alert(1)>', objectives: [{ id: 'o', text: '<b>bold</b>' }] })])], {
      id: 'hostile',
    });
    showPopup(stateWith({ imported: [hostile], settings: { hostile: { followedTrackId: 't' }, [BUILTIN_PACK_ID]: { hidden: true } } }), WED_NOON);
    screen.getByRole('heading', { name: '<img src=x onerror=alert(1)>' });
    screen.getByRole('checkbox', { name: '<b>bold</b>' });
    expect(document.querySelector('img, b')).toBeNull();
  });
});

describe('the popup as a glance over several live packs', () => {
  // The built-in arc's live milestone ends Thu 00:00; these end Wed 18:00 and Thu 06:00, and one starts Wed 20:00.
  const early = pack([track('t', [milestone('soon', '2023-11-15T06:00:00Z', '2023-11-15T18:00:00Z', { name: 'Ends first' })])], {
    id: 'early',
    title: 'Early arc',
  });
  const late = pack(
    [
      track('t', [
        milestone('later', '2023-11-15T06:00:00Z', '2023-11-16T06:00:00Z', { name: 'Ends last' }),
        milestone('coming', '2023-11-15T20:00:00Z', '2023-11-16T20:00:00Z', { name: 'Starts soonest' }),
      ]),
    ],
    { id: 'late', title: 'Late arc' },
  );
  const state = stateWith({
    imported: [late, early],
    settings: { [BUILTIN_PACK_ID]: { followedTrackId: DEFENDERS }, early: { followedTrackId: 't' }, late: { followedTrackId: 't' } },
  });

  it('lists every live milestone soonest-ending first, each with its pack, track and countdown', () => {
    showPopup(state, WED_NOON);
    const cards = within(screen.getByRole('region', { name: 'Live now' })).getAllByRole('article');
    expect(cards.map((card) => within(card).getByRole('heading').textContent)).toEqual(['Ends first', 'Hidden Motivations', 'Ends last']);
    within(cards[0]!).getByText('Early arc · Track t');
    expect(within(cards[0]!).getByRole('timer').textContent).toBe('ends in 6 h');
    for (const card of cards) within(card).getByRole('switch', { name: /completed/i });
  });

  it('unfolds the objectives of the first only, and folds the others behind a summary', () => {
    showPopup(state, WED_NOON);
    const [first, second] = screen.getAllByRole('article');
    expect(within(first!).getByRole('group', { name: 'Objectives' }).closest('details')).toBeNull();
    const folded = within(second!).getByText(/^Objectives 0\/\d+$/).closest('details')!;
    expect(folded.open).toBe(false);
  });

  it('says once what starts next, across all packs', () => {
    showPopup(state, WED_NOON);
    const nextLines = screen.getAllByText('Next');
    expect(nextLines).toHaveLength(1);
    expect(nextLines[0]!.closest('p')!.textContent).toContain('Starts soonest');
    expect(screen.queryByText('Assembling the Resistance')).toBeNull();
  });
});
