import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BADGE_ALARM } from '../../../lib/background/alarm-adapter';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Pack } from '../../../lib/packs/types';
import type { NotificationSettings } from '../../../lib/commander/settings';
import { pollUntil } from '../../helpers/poll';
import { emptyExtensionStore } from '../../helpers/store';
import { DAY, HOUR, MINUTE, milestone, pack, track } from '../../fixtures/packs';

const START = Date.UTC(2023, 10, 13);

/** Two one-day milestones: Monday and Tuesday, from the 00:00 UTC reset. */
const arc: Pack = pack(
  [track('heroes', [milestone('mon', '2023-11-13', '2023-11-14', { name: 'Monday' }), milestone('tue', '2023-11-14', '2023-11-15', { name: 'Tuesday' })])],
  { id: 'arc', title: 'Arc' },
);

async function seed(notifications: Partial<NotificationSettings> = {}) {
  const store = await import('../../../lib/storage/store-writes-adapter');
  await store.savePack(arc, START - DAY);
  await store.updateSettings((s) => ({
    ...s,
    packs: { 'heroes-and-villains-2023-11': { hidden: true } },
    notifications: { enabled: true, minutesBeforeEnd: 60, onStart: true, ...notifications },
  }));
  await store.updateCommanders((c) => ({ ...c, list: c.list.map((each) => ({ ...each, tracks: { ...each.tracks, 'arc': 'heroes' } })) }));
}

/** How many times a worker has finished a refresh: each one ends by setting or clearing the alarm. */
let refreshes = 0;

/** A worker starting from scratch: fresh modules, so nothing is remembered in memory. Waits for its first refresh. */
async function startWorker() {
  const before = refreshes;
  vi.resetModules();
  const background = (await import('../../../entrypoints/background')).default;
  background.main();
  await pollUntil(() => expect(refreshes).toBeGreaterThan(before));
  // Setting the alarm is the refresh's last step; let its promise settle.
  await new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * The browser stops the worker and starts a new one: listeners and memory are gone, the alarm and
 * the stored data stay, and the shown notifications stay on screen.
 */
async function restartWorker() {
  const alarms = await fakeBrowser.alarms.getAll();
  fakeBrowser.alarms.onAlarm.removeAllListeners();
  fakeBrowser.runtime.onMessage.removeAllListeners();
  fakeBrowser.runtime.onInstalled.removeAllListeners();
  fakeBrowser.runtime.onStartup.removeAllListeners();
  fakeBrowser.notifications.onClicked.removeAllListeners();
  for (const alarm of alarms) await fakeBrowser.alarms.create(alarm.name, { when: alarm.scheduledTime });
  await startWorker();
}

/** Every notification created, with the (fake) time it was created at. */
let shown: Array<{ id: string; at: number; title: string }>;

/** Fires the alarm the way the browser would, until `end`; checks there is never more than one alarm. */
async function runUntil(end: number) {
  for (let i = 0; i < 500; i++) {
    const all = await fakeBrowser.alarms.getAll();
    expect(all.length).toBeLessThanOrEqual(1);
    const alarm = all[0];
    if (!alarm || alarm.scheduledTime > end) return;
    vi.setSystemTime(alarm.scheduledTime);
    // trigger() resolves once the worker's refresh for this alarm is done.
    await fakeBrowser.alarms.onAlarm.trigger(alarm);
  }
  throw new Error('too many wake-ups');
}

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  await emptyExtensionStore();
  shown = [];
  refreshes = 0;
  for (const method of ['create', 'clear'] as const) {
    const original = fakeBrowser.alarms[method].bind(fakeBrowser.alarms) as (...args: unknown[]) => Promise<unknown>;
    // Only the badge's alarm marks the end of a refresh; the feeds' alarm is planned beside it.
    vi.spyOn(fakeBrowser.alarms, method).mockImplementation(((...args: unknown[]) =>
      original(...args).finally(() => (args[0] === BADGE_ALARM ? refreshes++ : undefined))) as never);
  }
  const create = fakeBrowser.notifications.create.bind(fakeBrowser.notifications) as unknown as (id: string, options: { title: string }) => Promise<string>;
  vi.spyOn(fakeBrowser.notifications, 'create').mockImplementation(((id: string, options: { title: string }) => {
    shown.push({ id, at: Date.now(), title: options.title });
    return create(id, options);
  }) as never);
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('notifications from the background', () => {
  it('shows each one at its instant, exactly once, across a worker restart', async () => {
    vi.setSystemTime(START - 2 * HOUR);
    await seed();
    await startWorker();

    // Run to 10 minutes after Monday's reminder, then the browser restarts the worker.
    await runUntil(START + 23 * HOUR + 10 * MINUTE);
    vi.setSystemTime(START + 23 * HOUR + 10 * MINUTE);
    await restartWorker();
    await runUntil(START + 3 * DAY);

    expect(shown.map(({ id, at }) => ({ id, at: (at - START) / HOUR }))).toEqual([
      { id: 'arc/heroes/mon/start', at: 0 },
      { id: 'arc/heroes/mon/ending', at: 23 },
      { id: 'arc/heroes/tue/start', at: 24 },
      { id: 'arc/heroes/tue/ending', at: 47 },
    ]);
    expect(shown[1]!.title).toBe('Monday ends in 1 h');
  });

  it('does not remind about a milestone completed before its reminder', async () => {
    vi.setSystemTime(START + HOUR);
    await seed({ onStart: false });
    await startWorker();
    const { recordProgress } = await import('../../../lib/storage/writes');
    await recordProgress('c1', 'arc', { kind: 'completed', trackId: 'heroes', milestoneId: 'mon', value: true, at: Date.now() });
    await runUntil(START + 2 * DAY);
    expect(shown.map((n) => n.id)).toEqual(['arc/heroes/tue/ending']);
  });

  it('reminds each Commander who has not completed the milestone, by name, once each', async () => {
    vi.setSystemTime(START + HOUR);
    await seed({ onStart: false });
    const store = await import('../../../lib/storage/store-writes-adapter');
    await store.updateCommanders((c) => ({
      ...c,
      list: [
        { ...c.list[0]!, name: 'Kirk' },
        { id: 'c2', name: 'Spock', tracks: { arc: 'heroes' } },
      ],
    }));
    await startWorker();
    const { recordProgress } = await import('../../../lib/storage/writes');
    await recordProgress('c1', 'arc', { kind: 'completed', trackId: 'heroes', milestoneId: 'mon', value: true, at: Date.now() });
    await runUntil(START + DAY);
    expect(shown.map(({ id, title }) => ({ id, title }))).toEqual([{ id: 'c2/arc/heroes/mon/ending', title: 'Spock: Monday ends in 1 h' }]);
  });

  it('after a long sleep, still gives the reminder of a live milestone but drops a stale start notice', async () => {
    vi.setSystemTime(START - HOUR);
    await seed();
    await startWorker();
    // The laptop sleeps through Monday's start and wakes 23 h 30 min later.
    vi.setSystemTime(START + 23 * HOUR + 30 * MINUTE);
    await restartWorker();
    expect(shown.map((n) => n.id)).toEqual(['arc/heroes/mon/ending']);
    expect(shown[0]!.title).toBe('Monday ends in 30 min');
  });

  it('shows nothing while notifications are off', async () => {
    vi.setSystemTime(START - HOUR);
    await seed({ enabled: false });
    await startWorker();
    await runUntil(START + 2 * DAY);
    expect(shown).toEqual([]);
  });

  it('shows nothing and remembers nothing while the permission is withdrawn', async () => {
    vi.setSystemTime(START + 23 * HOUR + 5 * MINUTE);
    await seed();
    const notifications = fakeBrowser.notifications;
    // Without the optional permission the API is not there at all.
    (fakeBrowser as { notifications?: unknown }).notifications = undefined;
    try {
      await startWorker();
    } finally {
      (fakeBrowser as { notifications?: unknown }).notifications = notifications;
    }
    const { readEverything } = await import('../../../lib/storage/store-adapter');
    const { KEYS } = await import('../../../lib/storage/stored-data');
    expect((await readEverything())[KEYS.notified]).toBeUndefined();
    // Once granted, the next wake-up shows the reminder that is still due.
    await restartWorker();
    expect(shown.map((n) => n.id)).toEqual(['arc/heroes/mon/ending']);
  });

  it('wakes for a reminder the badge alone would not wake for', async () => {
    vi.setSystemTime(START);
    await seed({ minutesBeforeEnd: 90, onStart: false });
    await startWorker();
    await runUntil(START + 22 * HOUR + 30 * MINUTE);
    expect(shown).toEqual([{ id: 'arc/heroes/mon/ending', at: START + 22 * HOUR + 30 * MINUTE, title: 'Monday ends in 1 h 30 min' }]);
  });
});

describe('clicking a notification', () => {
  it('opens the popup’s content in a tab and clears the notification', async () => {
    vi.setSystemTime(START);
    await seed();
    await startWorker();
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toEqual(['arc/heroes/mon/start']);
    await fakeBrowser.notifications.onClicked.trigger('arc/heroes/mon/start');
    await pollUntil(async () => {
      const tabs = await fakeBrowser.tabs.query({});
      expect(tabs.map((t) => t.url)).toContain(fakeBrowser.runtime.getURL('/popup.html'));
    });
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
  });

  it('works after a worker restart, from the listener the new worker registers at start-up', async () => {
    vi.setSystemTime(START);
    await seed();
    await startWorker();
    await restartWorker();
    await fakeBrowser.notifications.onClicked.trigger('arc/heroes/mon/start');
    await pollUntil(async () => expect((await fakeBrowser.tabs.query({})).map((t) => t.url)).toContain(fakeBrowser.runtime.getURL('/popup.html')));
  });
});
