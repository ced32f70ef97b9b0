import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BADGE_COLOURS, type BadgeColour } from '../../../lib/badge/rules';
import type { Pack } from '../../../lib/packs/types';
import { pollUntil } from '../../helpers/poll';
import { emptyExtensionStore } from '../../helpers/store';
import { DAY, HOUR, MINUTE, milestone, pack, track } from '../../fixtures/packs';

const START = Date.UTC(2023, 10, 13);
const END = START + 3 * DAY;

function livePack(milestones = [milestone('m', '2023-11-13', '2023-11-16', { name: 'Hidden Motivations' })]): Pack {
  return pack([track('heroes', milestones, { name: 'Defenders of Peace' })], { id: 'live-pack', title: 'Live pack' });
}

/** A worker starting from scratch: fresh modules (the background and messaging keep per-context state). */
async function startWorker() {
  vi.resetModules();
  const background = (await import('../../../entrypoints/background')).default;
  background.main();
}

async function seed(p: Pack) {
  const store = await import('../../../lib/storage/store-writes-adapter');
  await store.savePack(p, START - DAY);
  // Only the test pack is followed; the built-in arc is hidden so it cannot add its own milestones.
  await store.updateSettings((s) => ({ ...s, packs: { 'heroes-and-villains-2023-11': { hidden: true } } }));
  await store.updateCommanders((c) => ({ ...c, list: c.list.map((each) => ({ ...each, tracks: { ...each.tracks, 'live-pack': 'heroes' } })) }));
}

async function badge() {
  const [text, color, title] = await Promise.all([
    fakeBrowser.action.getBadgeText({}),
    fakeBrowser.action.getBadgeBackgroundColor({}),
    fakeBrowser.action.getTitle({}),
  ]);
  return { text, color, title };
}

const rgba = (colour: BadgeColour) => {
  const hex = BADGE_COLOURS[colour];
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).concat(255);
};

/** Waits until the worker has written its badge for the current state. */
async function settled(expected: { text: string }) {
  await pollUntil(async () => expect((await badge()).text).toBe(expected.text));
}

/** Fires the badge alarm the way the browser would: the clock reaches its time, then the event comes. */
async function fireAlarm(): Promise<number | undefined> {
  const alarm = await fakeBrowser.alarms.get('badge');
  if (!alarm) return undefined;
  vi.setSystemTime(alarm.scheduledTime);
  await fakeBrowser.alarms.onAlarm.trigger(alarm);
  return alarm.scheduledTime;
}

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  await emptyExtensionStore();
});
afterEach(() => vi.useRealTimers());

describe('the badge the background shows for a live milestone', () => {
  it.each([
    ['2 days', '2d', 'blue', 2 * DAY],
    ['47 h 59 min', '47h', 'blue', 47 * HOUR + 59 * MINUTE],
    ['2 h 30 min', '2h', 'amber', 2 * HOUR + 30 * MINUTE],
    ['1 h', '1h', 'red', HOUR],
    ['59 min 1 s', '60m', 'red', 59 * MINUTE + 1000],
    ['30 s', '1m', 'red', 30_000],
  ] as const)('shows %s left as %s in %s', async (_label, text, colour, remaining) => {
    vi.setSystemTime(END - remaining);
    await seed(livePack());
    await startWorker();
    await settled({ text });
    const shown = await badge();
    expect(shown.color).toEqual(rgba(colour));
    expect(shown.title).toMatch(/^Hidden Motivations · Defenders of Peace · ends /);
  });

  it('clears the badge at the end when nothing else is ahead, and sets no alarm', async () => {
    vi.setSystemTime(END - 30_000);
    await seed(livePack());
    await startWorker();
    await settled({ text: '1m' });
    expect(await fireAlarm()).toBe(END);
    expect(await badge()).toMatchObject({ text: '', title: 'STFC Milestone Tracker' });
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
  });

  it('is grey with the time until the next milestone between two milestones', async () => {
    vi.setSystemTime(START + DAY + 5 * HOUR);
    await seed(livePack([milestone('a', '2023-11-13', '2023-11-14'), milestone('b', '2023-11-15', '2023-11-16')]));
    await startWorker();
    await settled({ text: '19h' });
    expect((await badge()).color).toEqual(rgba('grey'));
  });

  it('shows nothing when nothing is followed', async () => {
    vi.setSystemTime(START);
    await startWorker();
    await pollUntil(async () => expect((await badge()).title).toBe('STFC Milestone Tracker'));
    expect((await badge()).text).toBe('');
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
  });
});

describe('progress changes', () => {
  it('turns the badge green as soon as a view records the milestone completed', async () => {
    vi.setSystemTime(END - 2 * HOUR);
    await seed(livePack());
    await startWorker();
    await settled({ text: '2h' });
    const { recordProgress } = await import('../../../lib/storage/writes');
    await recordProgress('c1', 'live-pack', { kind: 'completed', trackId: 'heroes', milestoneId: 'm', value: true, at: Date.now() });
    await pollUntil(async () => expect((await badge()).color).toEqual(rgba('green')));
    expect((await badge()).title).toContain('(completed)');
  });
});

describe('two Commanders', () => {
  it('stays amber while the other Commander has not completed the live milestone, names both, and turns green with both', async () => {
    vi.setSystemTime(END - 2 * HOUR);
    await seed(livePack());
    const store = await import('../../../lib/storage/store-writes-adapter');
    await store.updateCommanders((c) => ({
      activeId: 'c1',
      list: [
        { ...c.list[0]!, name: 'Kirk' },
        { id: 'c2', name: 'Spock', tracks: { 'live-pack': 'heroes' } },
      ],
    }));
    await startWorker();
    await settled({ text: '2h' });
    const { recordProgress } = await import('../../../lib/storage/writes');
    const complete = (commanderId: string) =>
      recordProgress(commanderId, 'live-pack', { kind: 'completed', trackId: 'heroes', milestoneId: 'm', value: true, at: Date.now() });
    await complete('c1');
    await pollUntil(async () => expect((await badge()).title).toContain('Kirk: completed'));
    expect(await badge()).toMatchObject({ text: '2h', color: rgba('amber') });
    expect((await badge()).title.split('\n').slice(1)).toEqual(['Kirk: completed', 'Spock: not completed']);
    await complete('c2');
    await pollUntil(async () => expect((await badge()).color).toEqual(rgba('green')));
    expect((await badge()).title).toContain('Spock: completed');
  });
});

describe('wake-ups', () => {
  it('costs at most 100 wake-ups for a one-day milestone, with exactly one alarm at any time', async () => {
    vi.setSystemTime(START);
    await seed(livePack([milestone('m', '2023-11-13', '2023-11-14')]));
    await startWorker();
    await settled({ text: '24h' });
    let wakeUps = 0;
    const colours = new Set<string>();
    for (let fired = await fireAlarm(); fired !== undefined; fired = await fireAlarm()) {
      wakeUps++;
      colours.add(JSON.stringify((await badge()).color));
      expect((await fakeBrowser.alarms.getAll()).length).toBeLessThanOrEqual(1);
      if (wakeUps > 3000) break;
    }
    expect(wakeUps).toBeGreaterThan(60);
    expect(wakeUps).toBeLessThanOrEqual(100);
    expect(colours.size).toBeGreaterThanOrEqual(3);
    expect((await badge()).text).toBe('');
  });

  it('heals at once when a stopped worker wakes long after a missed alarm', async () => {
    vi.setSystemTime(START);
    await seed(livePack());
    await startWorker();
    await settled({ text: '3d' });
    // The laptop sleeps through every alarm; the browser starts a new worker 2 h before the end.
    fakeBrowser.reset();
    vi.setSystemTime(END - 2 * HOUR);
    await startWorker();
    await settled({ text: '2h' });
    expect((await badge()).color).toEqual(rgba('amber'));
    expect((await fakeBrowser.alarms.get('badge'))?.scheduledTime).toBe(END - 2 * HOUR + 1);
  });

  it('heals at the next alarm after the clock is set back', async () => {
    vi.setSystemTime(END - 2 * HOUR);
    await seed(livePack());
    await startWorker();
    await settled({ text: '2h' });
    vi.setSystemTime(END - 50 * HOUR);
    await fakeBrowser.alarms.onAlarm.trigger({ name: 'badge', scheduledTime: END - 2 * HOUR + 1, persistAcrossSessions: false });
    await settled({ text: '2d' });
    expect((await fakeBrowser.alarms.get('badge'))!.scheduledTime).toBeLessThanOrEqual(Date.now() + HOUR);
  });
});
