import { spyActions } from '../helpers/spy-actions';
import { act, fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { SidePanelView } from '../../entrypoints/sidepanel/SidePanelView';
import { checklistView } from '../../lib/views/checklist-view';
import { localDayTime, localRange, localTime, utcDateTime } from '../../lib/format/local-time';
import type { TrackerState } from '../../lib/views/tracker-state';
import { DAY, HOUR, milestone, pack, track } from '../fixtures/packs';
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


function showPanel(state: TrackerState, now: number, packId?: string) {
  const actions = spyActions();
  const onChoosePack = vi.fn();
  const onOpenOptions = vi.fn();
  const onAddToCalendar = vi.fn();
  render(
    <SidePanelView
      model={checklistView(state, now, packId)}
      actions={actions}
      onChoosePack={onChoosePack}
      onOpenOptions={onOpenOptions}
      onAddToCalendar={onAddToCalendar}
    />,
  );
  return { actions, onChoosePack, onOpenOptions, onAddToCalendar };
}

const statusOf = (article: HTMLElement) =>
  within(article).getAllByText(/^(Upcoming|Live|Done|Missed)$/).map((el) => el.textContent);

describe('the side panel checklist while a milestone is live', () => {
  const state = builtinFollowing(DEFENDERS, {
    [BUILTIN_PACK_ID]: [completed(DEFENDERS, 'unraveling-anomalies'), checked(DEFENDERS, 'hidden-motivations', 'away-team')],
  });

  it('lists every milestone in time order with its status as a word', () => {
    showPanel(state, WED_NOON);
    const milestones = within(screen.getByRole('region', { name: 'Milestones' })).getAllByRole('article');
    expect(milestones.map((m) => [within(m).getByRole('heading').textContent, statusOf(m)])).toEqual([
      ['Unraveling Anomalies', ['Done']],
      ['Enlisting Old Allies', ['Missed']],
      ['Hidden Motivations', ['Live']],
      ['Assembling the Resistance', ['Upcoming']],
      ['Shaping a Unified Destiny', ['Upcoming']],
    ]);
  });

  it('gives each milestone its day and local time range, with UTC on hover', () => {
    showPanel(state, WED_NOON);
    const live = screen.getByRole('article', { name: 'Hidden Motivations' });
    const range = within(live).getByText(localRange(MON + 2 * DAY, THU));
    expect(range.getAttribute('title')).toBe(`${utcDateTime(MON + 2 * DAY)} – ${utcDateTime(THU)}`);
    expect(within(live).getByRole('timer').textContent).toBe('ends in 12 h');
  });

  it("shows the objectives as checkboxes, and records a check in the milestone's own list", () => {
    const { actions } = showPanel(state, WED_NOON);
    const live = screen.getByRole('article', { name: 'Hidden Motivations' });
    expect(within(live).getByRole<HTMLInputElement>('checkbox', { name: 'Complete Away Team Assignments' }).checked).toBe(true);
    fireEvent.click(within(live).getByRole('checkbox', { name: 'Spend Trait XP' }));
    expect(actions.setObjective).toHaveBeenCalledWith(BUILTIN_PACK_ID, DEFENDERS, 'hidden-motivations', 'trait-xp', true);
  });

  it('folds the objectives of an ended milestone, counting the checked ones, and opens them on request', async () => {
    showPanel(state, WED_NOON);
    const missed = screen.getByRole('article', { name: 'Enlisting Old Allies' });
    expect(within(missed).queryAllByRole('checkbox')).toEqual([]);
    const fold = within(missed).getByText('Objectives · 0 of 2 checked').closest('details')!;
    await act(() => {
      fold.open = true;
      fold.dispatchEvent(new Event('toggle'));
    });
    within(missed).getByRole('checkbox', { name: 'Use Hailing Frequencies' });
  });

  it('has a completed switch per milestone, on for the done one', () => {
    const { actions } = showPanel(state, WED_NOON);
    const first = within(screen.getByRole('article', { name: 'Unraveling Anomalies' })).getByRole<HTMLInputElement>('switch', { name: /completed/i });
    expect(first.checked).toBe(true);
    fireEvent.click(screen.getByRole('switch', { name: /Hidden Motivations completed/i }));
    expect(actions.setCompleted).toHaveBeenCalledWith(BUILTIN_PACK_ID, DEFENDERS, 'hidden-motivations', true);
  });

  it('refuses to complete an upcoming milestone and says when it opens', () => {
    const { actions } = showPanel(state, WED_NOON);
    const upcoming = screen.getByRole<HTMLInputElement>('switch', { name: /Assembling the Resistance completed/i });
    expect(upcoming.disabled).toBe(true);
    const reason = document.getElementById(upcoming.getAttribute('aria-describedby') ?? '');
    expect(reason?.textContent).toBe(`opens ${localDayTime(THU)}`);
    fireEvent.click(upcoming);
    expect(actions.setCompleted).not.toHaveBeenCalled();
  });

  it('lets a live milestone and one that ended be completed, with no reason attached', () => {
    const { actions } = showPanel(state, WED_NOON);
    for (const name of [/Hidden Motivations completed/i, /Enlisting Old Allies completed/i]) {
      const toggle = screen.getByRole<HTMLInputElement>('switch', { name });
      expect(toggle.disabled).toBe(false);
      expect(toggle.hasAttribute('aria-describedby')).toBe(false);
      fireEvent.click(toggle);
    }
    expect(actions.setCompleted).toHaveBeenCalledWith(BUILTIN_PACK_ID, DEFENDERS, 'hidden-motivations', true);
    expect(actions.setCompleted).toHaveBeenCalledWith(BUILTIN_PACK_ID, DEFENDERS, 'enlisting-old-allies', true);
  });

  it('shows points earned and reachable', () => {
    showPanel(state, WED_NOON);
    screen.getByText('100 earned · 400 reachable · 500 total');
    expect(screen.getByRole('meter', { name: /Solo event points/ }).getAttribute('aria-valuenow')).toBe('100');
  });

  it('says which daily reset it assumed, and where to change it', () => {
    const { onOpenOptions } = showPanel(state, WED_NOON);
    const notice = screen.getByText(/Days start at the daily reset/);
    expect(notice.textContent).toContain(`assumed 00:00 UTC (${localTime(MON, { withZone: true })} your time)`);
    fireEvent.click(within(notice).getByRole('button', { name: 'change in Options' }));
    expect(onOpenOptions).toHaveBeenCalledOnce();
  });

  it('says "rewards not published" for milestones without rewards', () => {
    showPanel(state, WED_NOON);
    within(screen.getByRole('article', { name: 'Hidden Motivations' })).getByText('Rewards not published');
  });
});

describe('the server event in the side panel', () => {
  it('shows its goal and rewards, and saves the points typed from the game', () => {
    const { actions } = showPanel(builtinFollowing(DEFENDERS), WED_NOON);
    const server = screen.getByRole('region', { name: 'Defenders of Peace – IMS' });
    within(server).getByText(/Server goal 8,925 points/);
    within(server).getByText('4 Jadzia Dax shards');
    const input = within(server).getByRole('textbox', { name: 'Server points seen in game' });
    fireEvent.input(input, { target: { value: '4,200' } });
    fireEvent.submit(input.closest('form')!);
    expect(actions.setServerPoints).toHaveBeenCalledWith(BUILTIN_PACK_ID, DEFENDERS, 4200);
  });

  it('refuses what is not a whole number, and says why', () => {
    const { actions } = showPanel(builtinFollowing(DEFENDERS), WED_NOON);
    const input = screen.getByRole('textbox', { name: 'Server points seen in game' });
    fireEvent.input(input, { target: { value: 'lots' } });
    fireEvent.submit(input.closest('form')!);
    expect(actions.setServerPoints).not.toHaveBeenCalled();
    expect(input.getAttribute('aria-invalid')).toBe('true');
    screen.getByText(/whole number/);
  });

  it('shows the points and full completions still needed, and when the points were seen', () => {
    const seenAt = WED_NOON - HOUR;
    showPanel(builtinFollowing(DEFENDERS, { [BUILTIN_PACK_ID]: [{ kind: 'server-points', trackId: DEFENDERS, points: 4200, at: seenAt }] }), WED_NOON);
    screen.getByText('4,725 points still needed: about 10 more full runs of 500 points (every milestone done by one Commander)');
    expect(screen.getByText(/Saved 4,200 points at/).textContent).toBe(`Saved 4,200 points at ${localDayTime(seenAt)}`);
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Server points seen in game' }).value).toBe('4200');
  });

  it('says one more full run in the singular', () => {
    showPanel(builtinFollowing(DEFENDERS, { [BUILTIN_PACK_ID]: [{ kind: 'server-points', trackId: DEFENDERS, points: 8500, at: WED_NOON }] }), WED_NOON);
    screen.getByText('425 points still needed: about 1 more full run of 500 points (every milestone done by one Commander)');
  });
});

describe('the side panel for a track with an unpublished list', () => {
  it('says "objectives not published" for a milestone without objectives, and no solo rewards', () => {
    showPanel(builtinFollowing(ARCHITECTS), WED_NOON);
    const testing = screen.getByRole('article', { name: 'Testing Destinies' });
    within(testing).getByText('Objectives not published');
    expect(within(testing).queryAllByRole('checkbox')).toEqual([]);
    const solo = screen.getByRole('region', { name: 'Architect of Chaos – SMS' });
    within(solo).getByText('Rewards not published');
  });

  it('says so for every milestone when a pack publishes no objectives at all', () => {
    const bare = pack([track('t', [milestone('a', '2023-11-15', '2023-11-16', { objectives: [] }), milestone('b', '2023-11-16', '2023-11-17', { objectives: [] })])], { id: 'bare' });
    showPanel(stateWith({ imported: [bare], settings: { bare: { followedTrackId: 't' }, [BUILTIN_PACK_ID]: { hidden: true } } }), WED_NOON);
    expect(screen.getAllByText('Objectives not published')).toHaveLength(2);
    expect(screen.queryAllByRole('checkbox')).toEqual([]);
    within(screen.getByRole('region', { name: 'Requirements' })).getByText('Requirements not published');
  });
});

describe('the requirements and the track', () => {
  it("lists the pack's requirements", () => {
    showPanel(builtinFollowing(DEFENDERS), WED_NOON);
    within(screen.getByRole('region', { name: 'Requirements' })).getByText('Commander level 10 or higher');
  });

  it('switches the followed track', () => {
    const { actions } = showPanel(builtinFollowing(DEFENDERS), WED_NOON);
    const group = screen.getByRole('group', { name: 'Your side' });
    expect(within(group).getByRole<HTMLInputElement>('radio', { name: 'Defenders of Peace · Hero' }).checked).toBe(true);
    fireEvent.click(within(group).getByRole('radio', { name: 'Architects of Chaos · Villain' }));
    expect(actions.followTrack).toHaveBeenCalledWith(BUILTIN_PACK_ID, ARCHITECTS);
  });

  it('offers the choice of a track on first run', async () => {
    const { actions } = showPanel(stateWith(), WED_NOON);
    // The chooser's code loads on first run only (components/lazy.ts).
    fireEvent.click(await screen.findByRole('button', { name: 'Architects of Chaos · Villain' }));
    expect(actions.followTrack).toHaveBeenCalledWith(BUILTIN_PACK_ID, ARCHITECTS);
    expect(screen.queryByRole('article')).toBeNull();
  });
});

describe('the side panel before and after the arc', () => {
  it('before: every milestone upcoming, the first counting down', () => {
    showPanel(builtinFollowing(DEFENDERS), MON - 5 * HOUR);
    const articles = screen.getAllByRole('article');
    expect(articles.map(statusOf)).toEqual(Array(5).fill(['Upcoming']));
    expect(within(articles[0]!).getByRole('timer').textContent).toBe('starts in 5 h');
    screen.getByText(/has not started yet/);
  });

  it('after: done or missed, no countdown, and the arc over', () => {
    showPanel(builtinFollowing(DEFENDERS, { [BUILTIN_PACK_ID]: [completed(DEFENDERS, 'hidden-motivations')] }), THU + 10 * DAY);
    expect(screen.getAllByRole('article').map(statusOf)).toEqual([['Missed'], ['Missed'], ['Done'], ['Missed'], ['Missed']]);
    expect(screen.queryByRole('timer')).toBeNull();
    screen.getByText(/The arc is over/);
    screen.getByText('100 earned · 100 reachable · 500 total');
  });
});

describe('several packs', () => {
  it('lets the Commander pick the pack shown', () => {
    const other = pack([track('t', [milestone('m', '2024-01-10', '2024-01-11')])], { id: 'other', title: 'Other arc' });
    const { onChoosePack } = showPanel(stateWith({ imported: [other] }), WED_NOON);
    const picker = screen.getByRole('combobox', { name: 'Event pack' });
    fireEvent.change(picker, { target: { value: 'other' } });
    expect(onChoosePack).toHaveBeenCalledWith('other');
  });
});
