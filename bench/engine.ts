// Engine figures, measured in Node on the real lib code: validating the large pack and the popup's view model.
import { readPack } from '../lib/packs/reader';
import { trackerState } from '../lib/views/tracker-state';
import { defaultSettings, withPackSettings } from '../lib/commander/settings';
import { BUILTIN_PACK_ID } from '../lib/packs/builtin';
import { browser } from './fake-browser-shim';
import { startBackground } from '../lib/background/background-adapter';
import { savePack, updateCommanders, updateSettings } from '../lib/storage/store-writes-adapter';
import { defaultCommanders, FIRST_COMMANDER_ID } from '../lib/commander/commanders';
import { withFollowedTrack } from '../lib/commander/commander-changes';
import { largePack } from './large-pack';
import { DAY_MS as DAY } from '../lib/schedule/units';

export interface Sample {
  median: number;
  min: number;
  max: number;
  runs: number;
}

export function sample(runs: number, work: () => unknown, warmUp = 3): Sample {
  for (let i = 0; i < warmUp; i++) work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)]!, min: times[0]!, max: times[times.length - 1]!, runs };
}

export async function engineFigures(runs: number) {
  const now = Date.UTC(2026, 0, 15, 12);
  const pack = largePack(now);
  const validate = sample(runs, () => {
    const result = readPack(pack);
    if (!result.ok) throw new Error(`large pack refused: ${result.problem.path}: ${result.problem.message}`);
  });

  const settings = withPackSettings(defaultSettings(), BUILTIN_PACK_ID, { hidden: true });
  const commanders = withFollowedTrack(defaultCommanders(), FIRST_COMMANDER_ID, pack.id, 'track-0');
  const snapshot = { schema: 3, settings, commanders, progress: {}, packIndex: { [pack.id]: { title: pack.title, importedAt: now } } };
  const state = trackerState(snapshot, [pack], undefined);
  let popupModel: Sample | undefined;
  try {
    const { popupView } = (await import('../lib/views/popup-view')) as { popupView: (s: unknown, now: number) => unknown };
    popupModel = sample(runs, () => popupView(state, now));
  } catch {
    popupModel = undefined;
  }
  return { validate, popupModel, wakeUps: await wakeUpsPerDay() };
}

/**
 * Background alarm firings over a 5-day arc with one milestone a day: the real background code
 * (store, badge, notifications) under the fake browser, woken by its own alarm at its own time.
 */
async function wakeUpsPerDay(): Promise<{ total: number; perDay: number[] }> {
  const start = Date.UTC(2023, 10, 13);
  const iso = (ms: number) => new Date(ms).toISOString();
  await savePack(
    {
      format: 'stfc-milestone-pack',
      version: 1,
      id: 'five-day-arc',
      title: 'Five-day arc',
      tracks: [
        {
          id: 'arc',
          name: 'Arc',
          milestones: [0, 1, 2, 3, 4].map((d) => ({
            id: `day-${d}`,
            name: `Day ${d + 1}`,
            points: 100,
            start: iso(start + d * DAY),
            end: iso(start + (d + 1) * DAY),
            objectives: [],
          })),
        },
      ],
    },
    start - DAY,
  );
  await updateCommanders((c) => withFollowedTrack(c, FIRST_COMMANDER_ID, 'five-day-arc', 'arc'));
  // Notifications on, as the busiest schedule a Commander can choose.
  await updateSettings((s) => ({ ...withPackSettings(s, BUILTIN_PACK_ID, { hidden: true }), notifications: { enabled: true, minutesBeforeEnd: 60, onStart: true } }));
  let clock = start;
  await startBackground(() => clock).ready;
  const perDay = [0, 0, 0, 0, 0];
  for (;;) {
    const alarm = (await browser.alarms.getAll())[0];
    if (!alarm || alarm.scheduledTime >= start + 5 * DAY) break;
    clock = alarm.scheduledTime;
    perDay[Math.floor((clock - start) / DAY)]!++;
    await browser.alarms.onAlarm.trigger(alarm);
  }
  return { total: perDay.reduce((a, b) => a + b, 0), perDay };
}
