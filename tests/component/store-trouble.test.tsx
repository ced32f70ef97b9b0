// The views when the store cannot be read, is deleted while they are open, or is refused by the browser.
import { fireEvent, render, screen } from '@testing-library/preact';
import { setMany } from 'idb-keyval';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storageErrorMessage } from '../../lib/storage/storage-error';
import { PopupApp } from '../../entrypoints/popup/PopupApp';
import { SidePanelApp } from '../../entrypoints/sidepanel/SidePanelApp';
import { OptionsPage } from '../../entrypoints/options/OptionsPage';
import { BUILTIN_PACK_ID } from '../../lib/packs/builtin';
import { emptyExtensionStore, testExtensionStore } from '../helpers/store';
import { DEFENDERS, WED_NOON } from '../fixtures/tracker-state';

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(WED_NOON);
  await emptyExtensionStore();
});
afterEach(() => vi.useRealTimers());

describe('a store this version cannot read', () => {
  it.each([
    ['popup', () => render(<PopupApp />)],
    ['side panel', () => render(<SidePanelApp />)],
  ])('the %s says so and opens the options page’s restore', async (_view, show) => {
    await setMany([['schema', 0], ['settings', { packs: {}, notifications: { enabled: false, minutesBeforeEnd: 60, onStart: false } }]], testExtensionStore);
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    show();
    expect((await screen.findByRole('alert')).textContent).toMatch(/stored progress cannot be read \(the stored schema is 0\)/);
    fireEvent.click(screen.getByRole('button', { name: 'Restore a backup' }));
    // The way to the options page loads on first use (components/page-actions.ts).
    await vi.waitFor(() => expect(create).toHaveBeenCalledWith({ url: expect.stringMatching(/\/options\.html#backup$/) }));
  });

  it('the options page offers the restore', async () => {
    await setMany([['schema', 'broken']], testExtensionStore);
    render(<OptionsPage />);
    expect((await screen.findByRole('alert')).textContent).toMatch(/cannot be read/);
    expect(await screen.findByLabelText('Restore from backup')).toBeTruthy();
  });
});

describe('the database deleted while a view is open', () => {
  it('shows the empty store (the first-run choice), not a blank page', async () => {
    await setMany([['schema', 2], ['settings', { packs: { [BUILTIN_PACK_ID]: { followedTrackId: DEFENDERS } }, notifications: { enabled: false, minutesBeforeEnd: 60, onStart: false } }]], testExtensionStore);
    render(<PopupApp />);
    await screen.findByRole('heading', { name: 'Hidden Motivations' });
    const deletion = indexedDB.deleteDatabase('stfc-milestone-tracker');
    await new Promise((resolve, reject) => {
      deletion.onsuccess = resolve;
      deletion.onerror = reject;
    });
    expect(await screen.findByRole('button', { name: 'Defenders of Peace · Hero' })).toBeTruthy();
  });
});

describe('storage refused by the browser', () => {
  it('names this browser (Chrome in this build), not Firefox', () => {
    const message = storageErrorMessage(new DOMException('The operation failed', 'UnknownError'));
    expect(message).toMatch(/In Chrome, /);
    expect(message).not.toMatch(/Firefox/);
  });
});
