// What the overlay card on the official pages shows: the popup's own view model read for one card, at `now`.
import { describe, expect, it } from 'vitest';
import { countdownTarget, overlayCard } from '../../../lib/overlay/overlay-card';
import { DAY, HOUR, milestone, pack, track } from '../../fixtures/packs';
import { BUILTIN_PACK_ID, DEFENDERS, WED_NOON, builtinFollowing, completed, stateWith } from '../../fixtures/tracker-state';

const WED = Date.UTC(2023, 10, 15);
const THU = Date.UTC(2023, 10, 16);

describe('the overlay card', () => {
  it('shows the live milestone of the followed track: name, track, its end and not completed', () => {
    const card = overlayCard(builtinFollowing(DEFENDERS), WED_NOON);
    expect(card).toEqual({
      kind: 'live',
      packId: BUILTIN_PACK_ID,
      packTitle: 'Heroes and Villains, November 2023',
      trackId: DEFENDERS,
      trackName: 'Defenders of Peace',
      milestone: { id: 'hidden-motivations', name: 'Hidden Motivations', start: WED, end: THU, completed: false },
      alsoLive: 0,
    });
    expect(countdownTarget(card)).toBe(THU);
  });

  it('shows it completed once the Commander switched it on', () => {
    const card = overlayCard(builtinFollowing(DEFENDERS, { [BUILTIN_PACK_ID]: [completed(DEFENDERS, 'hidden-motivations')] }), WED_NOON);
    expect(card.kind === 'live' && card.milestone.completed).toBe(true);
  });

  it('counts to the end of the day in force at `now`: one second before it ends, the same milestone', () => {
    expect(overlayCard(builtinFollowing(DEFENDERS), THU - 1000)).toMatchObject({ kind: 'live', milestone: { id: 'hidden-motivations' } });
    expect(overlayCard(builtinFollowing(DEFENDERS), THU)).toMatchObject({ kind: 'live', milestone: { id: 'assembling-the-resistance' } });
  });

  it('shows the next milestone, counting to its start, between two or before the arc', () => {
    const before = Date.UTC(2023, 10, 10, 9);
    const card = overlayCard(builtinFollowing(DEFENDERS), before);
    expect(card).toMatchObject({ kind: 'next', trackName: 'Defenders of Peace', milestone: { id: 'unraveling-anomalies', start: Date.UTC(2023, 10, 13) } });
    expect(countdownTarget(card)).toBe(Date.UTC(2023, 10, 13));
  });

  it('of several packs live at once, shows the milestone ending first, and how many more are live', () => {
    const soon = pack([track('t', [milestone('soon', '2023-11-15T00:00:00Z', '2023-11-15T14:00:00Z', { name: 'Ends soon' })])], { id: 'soon-pack', title: 'Soon' });
    const state = stateWith({
      imported: [soon],
      settings: { [BUILTIN_PACK_ID]: { followedTrackId: DEFENDERS }, 'soon-pack': { followedTrackId: 't' } },
    });
    expect(overlayCard(state, WED_NOON)).toMatchObject({ kind: 'live', packId: 'soon-pack', trackName: 'Track t', milestone: { name: 'Ends soon', end: WED_NOON + 2 * HOUR }, alsoLive: 1 });
  });

  it('says nothing is live or coming after the arc, and asks for a side when a pack waits for one', () => {
    expect(overlayCard(builtinFollowing(DEFENDERS), THU + 10 * DAY)).toEqual({ kind: 'nothing', choose: false });
    expect(countdownTarget({ kind: 'nothing', choose: false })).toBeUndefined();
    expect(overlayCard(stateWith(), WED_NOON)).toEqual({ kind: 'nothing', choose: true });
  });
});
