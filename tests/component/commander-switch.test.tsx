// The Commander switch of the popup and the side panel, on the real store (fake-indexeddb) and messaging.
import { renderBothViews } from '../helpers/both-views';
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PopupApp } from '../../entrypoints/popup/PopupApp';
import { applyProgressChange } from '../../lib/commander/progress-change';
import { BUILTIN_PACK_ID } from '../../lib/packs/builtin';
import { readSnapshot } from '../../lib/storage/store-adapter';
import { updateCommanders, updatePackProgress } from '../../lib/storage/store-writes-adapter';
import { emptyExtensionStore } from '../helpers/store';
import { DEFENDERS, WED_NOON } from '../fixtures/tracker-state';

const LIVE = 'hidden-motivations';

/** Two Commanders on Defenders of Peace: Kirk (active) has completed the live milestone, Spock has not. */
async function twoCommanders() {
  await updateCommanders(() => ({
    activeId: 'c1',
    list: [
      { id: 'c1', name: 'Kirk', server: 'S12', tracks: { [BUILTIN_PACK_ID]: DEFENDERS } },
      { id: 'c2', name: 'Spock', tracks: { [BUILTIN_PACK_ID]: DEFENDERS } },
    ],
  }));
  await updatePackProgress('c1', BUILTIN_PACK_ID, (p) => applyProgressChange(p, { kind: 'completed', trackId: DEFENDERS, milestoneId: LIVE, value: true, at: WED_NOON }));
}

const completedSwitch = (scope: Pick<typeof screen, 'getByRole'> = screen) => scope.getByRole<HTMLInputElement>('switch', { name: /completed/i });

describe('the Commander switch', () => {
  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(WED_NOON);
    await emptyExtensionStore();
  });
  afterEach(() => vi.useRealTimers());

  it('is not there with one Commander', async () => {
    await updateCommanders((c) => ({ ...c, list: [{ ...c.list[0]!, tracks: { [BUILTIN_PACK_ID]: DEFENDERS } }] }));
    render(<PopupApp />);
    await screen.findByRole('heading', { name: 'Hidden Motivations' });
    expect(screen.queryByRole('combobox', { name: 'Commander' })).toBeNull();
  });

  it('shows the active Commander’s progress and switches every view to another, stored', async () => {
    await twoCommanders();
    const { popup, panel } = renderBothViews();
    const choice = await popup.findByRole<HTMLSelectElement>('combobox', { name: 'Commander' });
    expect([...choice.options].map((option) => option.text)).toEqual(['Kirk (S12)', 'Spock']);
    expect(choice.value).toBe('c1');
    await waitFor(() => expect(completedSwitch(popup).checked).toBe(true));

    fireEvent.change(choice, { target: { value: 'c2' } });
    await waitFor(() => expect(completedSwitch(popup).checked).toBe(false));
    await waitFor(() => expect(panel.getByRole<HTMLSelectElement>('combobox', { name: 'Commander' }).value).toBe('c2'));
    expect((await readSnapshot()).commanders.activeId).toBe('c2');
  });

  it('records a click for the Commander shown, leaving the other’s progress as it was', async () => {
    await twoCommanders();
    render(<PopupApp />);
    fireEvent.change(await screen.findByRole('combobox', { name: 'Commander' }), { target: { value: 'c2' } });
    await waitFor(() => expect(completedSwitch().checked).toBe(false));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Spend Trait XP' }));
    await waitFor(async () => {
      const { progress } = await readSnapshot();
      expect(progress.c2?.[BUILTIN_PACK_ID]?.tracks[DEFENDERS]?.milestones[LIVE]).toEqual({ objectives: { 'trait-xp': WED_NOON } });
    });
    expect((await readSnapshot()).progress.c1?.[BUILTIN_PACK_ID]?.tracks[DEFENDERS]?.milestones[LIVE]).toEqual({ completedAt: WED_NOON, objectives: {} });
  });
});
