// The first frame from the snapshot (lib/storage/view-snapshot-adapter.ts): what it shows, when it is not
// trusted, and that the stored data replaces it as soon as the store's read is in.
import { screen, within } from '@testing-library/preact';
import { setMany } from 'idb-keyval';
import { render as preactRender } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mountWithState } from '../../components/mount-with-state';
import { POPUP_SNAPSHOT, PopupApp } from '../../entrypoints/popup/PopupApp';
import { SIDE_PANEL_SNAPSHOT, SidePanelApp } from '../../entrypoints/sidepanel/SidePanelApp';
import { BUILTIN_PACK_ID } from '../../lib/packs/builtin';
import { updatePackProgress } from '../../lib/storage/store-writes-adapter';
import { MAX_SNAPSHOT_CHARS, readViewSnapshot, writeViewSnapshot } from '../../lib/storage/view-snapshot-adapter';
import { applyProgressChange } from '../../lib/commander/progress-change';
import type { PopupViewModel } from '../../lib/views/popup-view';
import type { ChecklistViewModel } from '../../lib/views/checklist-view';
import { emptyExtensionStore, testExtensionStore } from '../helpers/store';
import { DEFENDERS, WED_NOON } from '../fixtures/tracker-state';

const HOUR = 3_600_000;
/** The built-in arc's Wednesday milestone ends at Thursday 00:00 UTC. */
const WED_END = Date.UTC(2023, 10, 16);

const following = () =>
  setMany(
    [
      ['schema', 2],
      ['settings', { packs: { [BUILTIN_PACK_ID]: { followedTrackId: DEFENDERS } }, notifications: { enabled: false, minutesBeforeEnd: 60, onStart: false } }],
    ],
    testExtensionStore,
  );

const completeWednesday = () =>
  updatePackProgress(
    'c1',
    BUILTIN_PACK_ID,
    (p) => applyProgressChange(p, { kind: 'completed', trackId: DEFENDERS, milestoneId: 'hidden-motivations', value: true, at: WED_NOON }),
    testExtensionStore,
  );

const completedSwitch = () => within(screen.getByRole('article', { name: 'Hidden Motivations' })).getByRole<HTMLInputElement>('switch');

/** Lets the store's answer and Preact's re-render through. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A page's #app; mountWithState may replace it with a clean copy, so pages are closed through document.body. */
function popupRoot(): HTMLElement {
  const root = document.createElement('div');
  root.className = 'page-root';
  document.body.append(root);
  return root;
}

function closePages() {
  for (const root of document.querySelectorAll<HTMLElement>('.page-root')) {
    preactRender(null, root);
    root.remove();
  }
}

/** Waits (in real time: only Date is faked here) until `key` holds a snapshot. */
async function written(key: string, check: (text: string) => boolean = () => true) {
  for (let tries = 0; tries < 200; tries++) {
    const text = localStorage.getItem(key);
    if (text !== null && check(text)) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`no snapshot written under ${key}`);
}

/** Opens a view as its page does, and closes it once the snapshot of what it showed is written (an effect, after paint). */
async function openAndClose(mount: (root: HTMLElement) => Promise<unknown>, key: string) {
  await mount(popupRoot());
  await written(key);
  closePages();
}

const openAndClosePopup = () =>
  openAndClose((root) => mountWithState<PopupViewModel>((start) => <PopupApp {...start} />, [], POPUP_SNAPSHOT, root), POPUP_SNAPSHOT);

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(WED_NOON);
  localStorage.clear();
  await emptyExtensionStore();
  await following();
});
afterEach(() => {
  closePages();
  vi.useRealTimers();
});

describe('the popup painted from its snapshot', () => {
  it('shows the last model at once, before the store is read', async () => {
    await openAndClosePopup();
    const reading = mountWithState<PopupViewModel>((start) => <PopupApp {...start} />, [], POPUP_SNAPSHOT, popupRoot());
    // Synchronously, in the same task as the mount: no store read can have finished.
    expect(completedSwitch().checked).toBe(false);
    expect(within(screen.getByRole('article', { name: 'Hidden Motivations' })).getByRole('timer').textContent).toBe('ends in 12 h');
    await reading;
  });

  it('a stale snapshot shows the stored data as soon as the read is in', async () => {
    await openAndClosePopup();
    // Another view completed the milestone while the popup was closed: the snapshot says not completed.
    await completeWednesday();
    const reading = mountWithState<PopupViewModel>((start) => <PopupApp {...start} />, [], POPUP_SNAPSHOT, popupRoot());
    expect(completedSwitch().checked).toBe(false);
    await reading;
    await settle();
    expect(completedSwitch().checked).toBe(true);
    // And the next first frame is the new model.
    await written(POPUP_SNAPSHOT, (text) => text.includes('"completed":true'));
    expect(readViewSnapshot<PopupViewModel>(POPUP_SNAPSHOT, WED_NOON)?.sections[0]).toMatchObject({ live: [{ completed: true }] });
  });

  it('counts down from the time of opening, not from the time it was saved', async () => {
    await openAndClosePopup();
    vi.setSystemTime(WED_NOON + 2 * HOUR);
    const reading = mountWithState<PopupViewModel>((start) => <PopupApp {...start} />, [], POPUP_SNAPSHOT, popupRoot());
    expect(within(screen.getByRole('article', { name: 'Hidden Motivations' })).getByRole('timer').textContent).toBe('ends in 10 h');
    await reading;
  });

  it.each([
    ['not JSON', '{"stamp":'],
    ['JSON of another shape', '[1,2,3]'],
    ['a model without targets', JSON.stringify({ stamp: 'x', savedAt: WED_NOON, model: { now: WED_NOON } })],
  ])('a corrupt snapshot (%s) is ignored: the popup waits for the store', async (_case, text) => {
    localStorage.setItem(POPUP_SNAPSHOT, text);
    const reading = mountWithState<PopupViewModel>((start) => <PopupApp {...start} />, [], POPUP_SNAPSHOT, popupRoot());
    expect(screen.queryByRole('article')).toBeNull();
    await reading;
    await settle();
    expect(completedSwitch().checked).toBe(false);
  });

  it('a snapshot this build wrote but cannot show is dropped, and the store is shown in a clean page', async () => {
    writeViewSnapshot(POPUP_SNAPSHOT, { now: WED_NOON, targets: [], sections: 'not sections' } as unknown as PopupViewModel, WED_NOON);
    const reading = mountWithState<PopupViewModel>((start) => <PopupApp {...start} />, [], POPUP_SNAPSHOT, popupRoot());
    expect(localStorage.getItem(POPUP_SNAPSHOT)).toBeNull();
    await reading;
    await settle();
    expect(screen.getAllByRole('article', { name: 'Hidden Motivations' })).toHaveLength(1);
  });
});

describe('when a snapshot is trusted', () => {
  const model = (targets: number[]) => ({ now: WED_NOON, targets });

  it('is kept until the first instant at which what it shows changes, and not from that instant on', () => {
    writeViewSnapshot('k', model([WED_END]), WED_NOON);
    expect(readViewSnapshot('k', WED_END - 1)).toEqual({ now: WED_END - 1, targets: [WED_END] });
    expect(readViewSnapshot('k', WED_END)).toBeUndefined();
    expect(readViewSnapshot('k', WED_END + 1)).toBeUndefined();
  });

  it('not when the clock is now before it was saved (moved back)', () => {
    writeViewSnapshot('k', model([WED_END]), WED_NOON);
    expect(readViewSnapshot('k', WED_NOON)).toBeDefined();
    expect(readViewSnapshot('k', WED_NOON - 1)).toBeUndefined();
  });

  it('not when another build wrote it', () => {
    localStorage.setItem('k', JSON.stringify({ stamp: 'chrome-extension://x/chunks/popup-OLD.js', savedAt: WED_NOON, model: model([WED_END]) }));
    expect(readViewSnapshot('k', WED_NOON)).toBeUndefined();
  });

  it('a model too large to be worth reading is not kept, and replaces an older one', () => {
    writeViewSnapshot('k', model([WED_END]), WED_NOON);
    writeViewSnapshot('k', { ...model([WED_END]), padding: 'x'.repeat(MAX_SNAPSHOT_CHARS) } as ReturnType<typeof model>, WED_NOON);
    expect(localStorage.getItem('k')).toBeNull();
  });
});

describe('the side panel painted from its snapshot', () => {
  it('shows the last checklist at once, then the stored data', async () => {
    await openAndClose(
      (root) => mountWithState<ChecklistViewModel>((start) => <SidePanelApp {...start} />, [], SIDE_PANEL_SNAPSHOT, root),
      SIDE_PANEL_SNAPSHOT,
    );
    await completeWednesday();
    const reading = mountWithState<ChecklistViewModel>((start) => <SidePanelApp {...start} />, [], SIDE_PANEL_SNAPSHOT, popupRoot());
    const wednesday = () => within(screen.getByRole('article', { name: /Hidden Motivations/ })).getByRole<HTMLInputElement>('switch');
    expect(wednesday().checked).toBe(false);
    await reading;
    await settle();
    expect(wednesday().checked).toBe(true);
  });
});

describe('without a snapshot', () => {
  it('the popup renders once, with the stored data', async () => {
    const reading = mountWithState<PopupViewModel>((start) => <PopupApp {...start} />, [], POPUP_SNAPSHOT, popupRoot());
    expect(screen.queryByRole('article')).toBeNull();
    await reading;
    await settle();
    expect(completedSwitch().checked).toBe(false);
  });
});
