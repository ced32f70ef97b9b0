// The popup and the side panel wired to the real store (fake-indexeddb) and messaging (fakeBrowser).
import { renderBothViews } from '../helpers/both-views';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PopupApp } from '../../entrypoints/popup/PopupApp';
import { BUILTIN_PACK_ID } from '../../lib/packs/builtin';
import { readSnapshot } from '../../lib/storage/store-adapter';
import { emptyExtensionStore } from '../helpers/store';
import { builtinFollowing, DEFENDERS, WED_NOON } from '../fixtures/tracker-state';

const THU = Date.UTC(2023, 10, 16);

describe('the popup and the side panel on the store', () => {
  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(WED_NOON);
    await emptyExtensionStore();
    performance.clearMarks();
  });
  afterEach(() => vi.useRealTimers());

  it('keeps the chosen track, a checked objective and completion in the store', async () => {
    render(<PopupApp />);
    fireEvent.click(await screen.findByRole('button', { name: 'Defenders of Peace · Hero' }));
    await screen.findByRole('heading', { name: 'Hidden Motivations' });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Spend Trait XP' }));
    fireEvent.click(screen.getByRole('switch', { name: /completed/i }));
    await waitFor(async () => {
      const { commanders, progress } = await readSnapshot();
      expect(commanders.list[0]!.tracks[BUILTIN_PACK_ID]).toBe(DEFENDERS);
      const hidden = progress.c1?.[BUILTIN_PACK_ID]?.tracks[DEFENDERS]?.milestones['hidden-motivations'];
      expect(hidden).toEqual({ completedAt: WED_NOON, objectives: { 'trait-xp': WED_NOON } });
    });
    await waitFor(() => expect(screen.getByRole<HTMLInputElement>('switch', { name: /completed/i }).checked).toBe(true));
  });

  it('marks popup-ready once the first render shows stored data', async () => {
    render(<PopupApp />);
    expect(performance.getEntriesByName('popup-ready')).toHaveLength(0);
    await screen.findByRole('button', { name: 'Defenders of Peace · Hero' });
    await waitFor(() => expect(performance.getEntriesByName('popup-ready')).toHaveLength(1));
  });

  it('shows in an open side panel what the popup records, and the other way round', async () => {
    const { popup, panel } = renderBothViews();
    fireEvent.click(await popup.findByRole('button', { name: 'Defenders of Peace · Hero' }));
    const live = await panel.findByRole('article', { name: 'Hidden Motivations' });
    await waitFor(() => expect(performance.getEntriesByName('sidepanel-ready')).toHaveLength(1));

    fireEvent.click(popup.getByRole('checkbox', { name: 'Complete Away Team Assignments' }));
    await waitFor(() =>
      expect(within(live).getByRole<HTMLInputElement>('checkbox', { name: 'Complete Away Team Assignments' }).checked).toBe(true),
    );

    fireEvent.click(within(live).getByRole('switch', { name: /completed/i }));
    await waitFor(() => expect(popup.getByRole<HTMLInputElement>('switch', { name: /completed/i }).checked).toBe(true));
    await waitFor(() => expect(within(live).getByText('Done')).toBeTruthy());
  });

  it('shows a refused storage as an alert', async () => {
    const open = vi.spyOn(indexedDB, 'open').mockImplementation(() => {
      throw new DOMException('The user denied permission to access the database.', 'InvalidStateError');
    });
    try {
      vi.resetModules();
      const { PopupApp: FreshPopup } = await import('../../entrypoints/popup/PopupApp');
      render(<FreshPopup />);
      expect((await screen.findByRole('alert')).textContent).toMatch(/refused the extension's storage/);
    } finally {
      open.mockRestore();
    }
  });
});

describe('the countdown', () => {
  /** The popup on the built-in arc's Wednesday, which ends at THU; the card's countdown. */
  function Ticking() {
    render(<PopupApp initial={builtinFollowing(DEFENDERS)} />);
    return within(screen.getByRole('article', { name: 'Hidden Motivations' })).getByRole('timer');
  }

  /** Lets `ms` pass, one act() per step so each re-render can set its next timer. */
  const tick = (ms: number) =>
    act(() => {
      vi.advanceTimersByTime(ms);
    });

  beforeEach(() => vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'] }));
  afterEach(() => vi.useRealTimers());

  it('changes every minute, and every second in the last minute', async () => {
    vi.setSystemTime(THU - 2 * 60_000 - 30_000);
    const timer = Ticking();
    expect(timer.textContent).toBe('ends in 2 min');
    await tick(29_999);
    expect(timer.textContent).toBe('ends in 2 min');
    await tick(1);
    expect(timer.textContent).toBe('ends in 2 min');
    await tick(60_000);
    expect(timer.textContent).toBe('ends in 1 min');
    for (let left = 59; left >= 1; left--) {
      await tick(1_000);
      expect(timer.textContent).toBe(`ends in ${left} s`);
    }
  });

  it('catches up on the next tick after the computer slept', async () => {
    vi.setSystemTime(THU - 3 * 3_600_000);
    const timer = Ticking();
    expect(timer.textContent).toBe('ends in 3 h');
    vi.setSystemTime(THU - 3_600_000 - 5 * 60_000);
    await tick(60_000);
    expect(timer.textContent).toBe('ends in 1 h 4 min');
  });
});
