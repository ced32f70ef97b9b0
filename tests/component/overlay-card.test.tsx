// The card on the official pages as its content script mounts it, in happy-dom, reading and writing through the
// background's answers (serveViews on fake-indexeddb). happy-dom has no isTrusted; here every event counts as the
// user's unless the test makes it as a page script would (`synthetic`), which the browser marks untrusted.
import { act, fireEvent, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { readSnapshot } from '../../lib/storage/store-adapter';
import { savePack, updateCommanders, updateSettings } from '../../lib/storage/store-writes-adapter';
import { BUILTIN_PACK_ID } from '../../lib/packs/builtin';
import { HOUR, milestone, pack, track } from '../fixtures/packs';
import { emptyExtensionStore } from '../helpers/store';

const PACK_ID = 'live-pack';
const NOW = Date.UTC(2023, 10, 13, 10);
const livePack = pack([track('heroes', [milestone('m', '2023-11-13T00:00:00Z', '2023-11-13T15:00:00Z', { name: '<b>Hidden</b> Motivations' })], { name: 'Defenders' })], {
  id: PACK_ID,
  title: 'Live pack',
});

const untrusted = new WeakSet<Event>();
/** An event as a page script makes it (dispatchEvent, click()): the browser sets isTrusted false on it. */
const synthetic = <E extends Event>(event: E): E => (untrusted.add(event), event);

beforeAll(() => {
  Object.defineProperty(Event.prototype, 'isTrusted', { configurable: true, get: () => true });
  Object.defineProperty(Event.prototype, 'isTrusted', {
    configurable: true,
    get(this: Event) {
      return !untrusted.has(this);
    },
  });
});

let root: ShadowRoot;
let mountOverlay: typeof import('../../entrypoints/overlay.content/mount').mountOverlay;
let recordProgress: typeof import('../../lib/storage/writes').recordProgress;
beforeEach(async () => {
  // Fresh modules per test, as fakeBrowser drops every listener before each: the background's answers, in this
  // context (the card's messages reach them as a view's do), and the card's script.
  vi.resetModules();
  (await import('../../lib/storage/serve-views')).serveViews(Promise.resolve(), () => {});
  ({ mountOverlay } = await import('../../entrypoints/overlay.content/mount'));
  ({ recordProgress } = await import('../../lib/storage/writes'));
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  await emptyExtensionStore();
  await savePack(livePack, NOW - 2 * HOUR);
  await updateSettings((s) => ({ ...s, packs: { [BUILTIN_PACK_ID]: { hidden: true } } }));
  await updateCommanders((c) => ({ ...c, list: [{ ...c.list[0]!, tracks: { [PACK_ID]: 'heroes' } }] }));
  // The root is closed; the test keeps the one reference the browser gives the script.
  const attach = Element.prototype.attachShadow;
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init: ShadowRootInit) {
    return (root = attach.call(this, init));
  });
  document.body.innerHTML = '<main><a href="/gifts">Web Gifts</a></main>';
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  document.body.innerHTML = '';
});

async function mounted() {
  await act(() => mountOverlay());
  const card = within(root.querySelector('div')!);
  await card.findByRole('heading', { name: '<b>Hidden</b> Motivations' });
  return card;
}

const completedAt = async () => (await readSnapshot()).progress.c1?.[PACK_ID]?.tracks.heroes?.milestones.m?.completedAt;

describe('the overlay card', () => {
  it('is a closed shadow root on a host at the end of the body, in the extension’s theme, the page untouched', async () => {
    const card = await mounted();
    const host = document.body.lastElementChild!;
    expect(host.tagName.toLowerCase()).toBe('stfc-milestone-tracker');
    expect(host.shadowRoot).toBeNull();
    expect(host.innerHTML).toBe('');
    expect(document.body.textContent).toBe('Web Gifts');
    expect([document.documentElement.getAttribute('style'), document.body.getAttribute('style')]).toEqual([null, null]);
    // Its styles are inside the root (Vitest loads CSS as empty text; the e2e test sees them applied).
    expect(root.firstElementChild!.tagName.toLowerCase()).toBe('style');
    // Pack text is text: the markup in the name is shown, not made.
    expect(root.querySelector('b')).toBeNull();
    expect(card.getByText('Defenders')).toBeTruthy();
    expect(card.getByRole('timer').textContent).toBe('ends in 5 h');
    expect(root.querySelector('.overlay')!.getAttribute('data-corner')).toBe('bottom-right');
  });

  it('records its completed switch when the Commander turns it, not when the page makes up a click or a change', async () => {
    const card = await mounted();
    const toggle = card.getByRole('switch', { name: 'Milestone completed' }) as HTMLInputElement;
    toggle.dispatchEvent(synthetic(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true })));
    toggle.dispatchEvent(synthetic(new Event('change', { bubbles: true })));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(toggle.checked).toBe(false);
    expect(await completedAt()).toBeUndefined();

    await act(() => void fireEvent.click(toggle));
    await waitFor(async () => expect(await completedAt()).toBe(NOW));
    await waitFor(() => expect((card.getByRole('switch', { name: 'Milestone completed' }) as HTMLInputElement).checked).toBe(true));
  });

  it('follows a change recorded elsewhere (the popup, the side panel) without a reload', async () => {
    const card = await mounted();
    await recordProgress('c1', PACK_ID, { kind: 'completed', trackId: 'heroes', milestoneId: 'm', value: true, at: NOW });
    await waitFor(() => expect((card.getByRole('switch', { name: 'Milestone completed' }) as HTMLInputElement).checked).toBe(true));
  });

  it('collapses to a pill with Escape and the Collapse button, opens from the pill, and ignores a made-up Escape', async () => {
    const card = await mounted();
    const section = card.getByRole('region', { name: 'STFC Milestone Tracker' });
    section.dispatchEvent(synthetic(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    expect(card.queryByRole('button', { name: /^STFC Milestone Tracker · ends in/ })).toBeNull();

    await act(() => void fireEvent.keyDown(section, { key: 'Escape' }));
    const pill = card.getByRole('button', { name: 'STFC Milestone Tracker · ends in 5 h' });
    expect(pill.getAttribute('aria-expanded')).toBe('false');
    await act(() => void fireEvent.click(pill));
    await act(() => void fireEvent.click(card.getByRole('button', { name: 'Collapse' })));
    expect(card.getByRole('button', { name: /^STFC Milestone Tracker · ends in/ })).toBeTruthy();
  });

  it('moves to the next corner with its Move button, by click or keyboard, keeping the focus and the corner', async () => {
    const card = await mounted();
    const overlay = root.querySelector('.overlay')!;
    const move = card.getByRole('button', { name: 'Move to the bottom left corner' });
    move.dispatchEvent(synthetic(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true })));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(overlay.getAttribute('data-corner')).toBe('bottom-right');

    move.focus();
    await act(() => void fireEvent.click(move));
    expect(overlay.getAttribute('data-corner')).toBe('bottom-left');
    await waitFor(async () => expect((await readSnapshot()).settings.overlayCorner).toBe('bottom-left'));
    expect(root.activeElement).toBe(move);
    expect(move.textContent).toBe('Move to the top left corner');
    await act(() => void fireEvent.click(move));
    expect(overlay.getAttribute('data-corner')).toBe('top-left');
    await waitFor(async () => expect((await readSnapshot()).settings.overlayCorner).toBe('top-left'));
  });

  it('sits in the corner stored for it', async () => {
    await updateSettings((s) => ({ ...s, overlayCorner: 'top-left' }));
    await mounted();
    expect(root.querySelector('.overlay')!.getAttribute('data-corner')).toBe('top-left');
  });
});
