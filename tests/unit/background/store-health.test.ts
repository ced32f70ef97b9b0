// The badge when the store is damaged, deleted under the worker, or the clock moved back: never stuck.
import { setMany } from 'idb-keyval';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Pack } from '../../../lib/packs/types';
import { emptyExtensionStore, testExtensionStore } from '../../helpers/store';
import { DAY, HOUR, milestone, pack, track } from '../../fixtures/packs';

const START = Date.UTC(2023, 10, 13);
const END = START + 3 * DAY;

const livePack = (): Pack =>
  pack([track('heroes', [milestone('m', '2023-11-13', '2023-11-16', { name: 'Hidden Motivations' })], { name: 'Defenders of Peace' })], { id: 'live-pack', title: 'Live pack' });

async function startWorker() {
  vi.resetModules();
  (await import('../../../entrypoints/background')).default.main();
}

async function seed() {
  const store = await import('../../../lib/storage/store-writes-adapter');
  await store.savePack(livePack(), START - DAY);
  await store.updateSettings((s) => ({ ...s, packs: { 'heroes-and-villains-2023-11': { hidden: true } } }));
  await store.updateCommanders((c) => ({ ...c, list: c.list.map((each) => ({ ...each, tracks: { ...each.tracks, 'live-pack': 'heroes' } })) }));
}

const badge = async () => ({ text: await fakeBrowser.action.getBadgeText({}), title: await fakeBrowser.action.getTitle({}) });

async function until(check: () => Promise<void>, timeout = 2000): Promise<void> {
  for (const deadline = performance.now() + timeout; ; ) {
    try {
      return await check();
    } catch (error) {
      if (performance.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }
}
const settled = (text: string) => until(async () => expect((await badge()).text).toBe(text));

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  await emptyExtensionStore();
});
afterEach(() => vi.useRealTimers());

describe('a damaged store', () => {
  it('shows a red ! saying so instead of leaving the badge refresh pending, and heals after a restore', async () => {
    vi.setSystemTime(END - 2 * HOUR);
    await setMany([['schema', 0], ['progress', {}]], testExtensionStore);
    vi.spyOn(console, 'error').mockImplementation(() => {});
    await startWorker();
    await settled('!');
    expect((await badge()).title).toMatch(/damaged.*Backup and restore/);
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);

    // A restore replaces the store and announces it: the badge counts down again.
    const { exportBackup, restoreBackup } = await import('../../../lib/storage/writes');
    const { createStore } = await import('idb-keyval');
    const source = createStore('store-health-source', 'kv');
    const adapter = await import('../../../lib/storage/store-writes-adapter');
    await adapter.savePack(livePack(), START - DAY, source);
    await adapter.updateSettings((s) => ({ ...s, packs: { 'heroes-and-villains-2023-11': { hidden: true } } }), source);
    await adapter.updateCommanders((c) => ({ ...c, list: c.list.map((each) => ({ ...each, tracks: { ...each.tracks, 'live-pack': 'heroes' } })) }), source);
    expect((await restoreBackup(await exportBackup(Date.now(), source))).ok).toBe(true);
    await settled('2h');
  });
});

describe('the database deleted under the worker', () => {
  it('lets the deletion through and clears the badge at once', async () => {
    vi.setSystemTime(END - 2 * HOUR);
    await seed();
    await startWorker();
    await settled('2h');
    const deletion = indexedDB.deleteDatabase('stfc-milestone-tracker');
    const outcome = await new Promise((resolve) => {
      deletion.onsuccess = () => resolve('deleted');
      deletion.onerror = () => resolve('failed');
      setTimeout(() => resolve('still blocked'), 1000);
    });
    expect(outcome).toBe('deleted');
    await settled('');
    expect((await badge()).title).toBe('STFC Milestone Tracker');
  });
});

describe('after the clock is moved back', () => {
  async function movedBack() {
    vi.setSystemTime(END - 2 * HOUR);
    await seed();
    await startWorker();
    await settled('2h');
    // Back 48 h: the alarm, due in wall-clock time, would now wait two days.
    vi.setSystemTime(END - 50 * HOUR);
  }

  it('recomputes when a view opens', async () => {
    await movedBack();
    const { announceViewOpened } = await import('../../../lib/storage/messaging-adapter');
    await announceViewOpened();
    await settled('2d');
    expect((await fakeBrowser.alarms.get('badge'))!.scheduledTime).toBeLessThanOrEqual(Date.now() + HOUR);
  });

  it('recomputes when a browser window gets the focus', async () => {
    await movedBack();
    await fakeBrowser.windows.onFocusChanged.trigger(1);
    await settled('2d');
  });

  it('recomputes when the Commander switches tabs', async () => {
    await movedBack();
    await fakeBrowser.tabs.onActivated.trigger({ tabId: 2, windowId: 1 });
    await settled('2d');
  });

  it('refreshes on browser activity at most every 20 s, measured either way', async () => {
    vi.setSystemTime(END - 2 * HOUR);
    await seed();
    await startWorker();
    await settled('2h');
    const { ACTIVITY_REFRESH_MS } = await import('../../../lib/background/background-adapter');
    const { updateCommanders } = await import('../../../lib/storage/store-writes-adapter');
    const tabSwitch = (tabId: number) => fakeBrowser.tabs.onActivated.trigger({ tabId, windowId: 1 });
    await tabSwitch(2);
    // Unfollowed without an announcement: only a refresh shows it (an empty badge).
    await updateCommanders((c) => ({ ...c, list: c.list.map((each) => ({ ...each, tracks: {} })) }));
    vi.setSystemTime(END - 2 * HOUR + ACTIVITY_REFRESH_MS - 1);
    await tabSwitch(3);
    expect((await badge()).text).toBe('2h');
    // 20 s earlier is 20 s away too (a clock moved back cannot hold refreshes off): this switch refreshes.
    vi.setSystemTime(END - 2 * HOUR - ACTIVITY_REFRESH_MS);
    await tabSwitch(4);
    await settled('');
  });
});
