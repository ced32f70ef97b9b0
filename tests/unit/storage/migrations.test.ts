import { createStore, entries, setMany } from 'idb-keyval';
import { describe, expect, it, vi } from 'vitest';
import { applyProgressChange } from '../../../lib/commander/progress-change';
import { BUILTIN_PACK_ID } from '../../../lib/packs/builtin';
import { loadOptionsState, loadTrackerState } from '../../../lib/storage/load';
import { planMigration } from '../../../lib/storage/migrations';
import { StoreDamaged } from '../../../lib/storage/damage';
import { migrate } from '../../../lib/storage/upgrade-adapter';
import { ensureSchema, readEverything, readSnapshot, updatePackProgress } from '../../../lib/storage/store-adapter';
import { KEYS, SCHEMA_VERSION } from '../../../lib/storage/stored-data';
import { fiveDayTrack, pack } from '../../fixtures/packs';

let counter = 0;
const freshStore = () => createStore(`migrations-test-${++counter}`, 'kv');
const MON = Date.UTC(2023, 10, 13);

const winter = pack([fiveDayTrack()], { id: 'winter-arc', title: 'Winter arc' });
const spring = pack([fiveDayTrack('villains')], { id: '2024-spring', title: 'Spring', dailyReset: '11:00Z' });
const settings = {
  packs: { 'winter-arc': { followedTrackId: 'heroes', dailyReset: '05:00+02:00' }, '2024-spring': { followedTrackId: 'villains' }, [BUILTIN_PACK_ID]: { followedTrackId: 'defenders-of-peace' } },
  notifications: { enabled: true, minutesBeforeEnd: 30, onStart: true },
};
const progress = {
  'winter-arc': { tracks: { heroes: { milestones: { 'day-1': { completedAt: MON + 5, objectives: { a: MON + 4 } }, 'day-2': { objectives: { a: MON + 6 } } } } } },
  '2024-spring': { tracks: { villains: { milestones: { 'day-3': { completedAt: MON + 9, objectives: {} } }, server: { points: 120, seenAt: MON + 10 } } } },
  [BUILTIN_PACK_ID]: { tracks: { 'defenders-of-peace': { milestones: {}, server: { points: 4000, seenAt: MON + 7 } } } },
};
const packIndex = { 'winter-arc': { title: 'Winter arc', importedAt: MON - 1000 }, '2024-spring': { title: 'Spring', importedAt: MON } };
const notified = { 'winter-arc/heroes/day-1/ending': MON };

/** A store exactly as schema 1 wrote it: each value under its key, all progress in one `progress` value. */
function schema1Store(): Array<[string, unknown]> {
  return [
    ['schema', 1],
    ['settings', settings],
    ['progress', progress],
    ['packIndex', packIndex],
    ['pack:winter-arc', winter],
    ['pack:2024-spring', spring],
    ['notified', notified],
  ];
}

describe('the upgrade from schema 1 to 2', () => {
  it('moves each pack’s progress to its own key and keeps every other value as it was', async () => {
    const store = freshStore();
    await setMany(schema1Store(), store);
    expect(await migrate(store)).toEqual({ ok: true, from: 1, schema: 2 });
    expect(new Map(await entries(store))).toEqual(
      new Map<string, unknown>([
        ['schema', 2],
        ['settings', settings],
        ['progress:winter-arc', progress['winter-arc']],
        ['progress:2024-spring', progress['2024-spring']],
        [`progress:${BUILTIN_PACK_ID}`, progress[BUILTIN_PACK_ID]],
        ['packIndex', packIndex],
        ['pack:winter-arc', winter],
        ['pack:2024-spring', spring],
        ['notified', notified],
      ]),
    );
    // Read back through the readers the views use.
    expect(await readSnapshot(store)).toEqual({ schema: 2, settings, progress, packIndex });
  });

  it('changes nothing when it runs a second time', async () => {
    const store = freshStore();
    await setMany(schema1Store(), store);
    await migrate(store);
    const once = await entries(store);
    expect(await migrate(store)).toEqual({ ok: true, from: 2, schema: 2 });
    expect(await entries(store)).toEqual(once);
  });

  it('upgrades a schema-1 store written before the schema mark existed', async () => {
    const store = freshStore();
    await setMany(schema1Store().filter(([key]) => key !== 'schema'), store);
    expect(await migrate(store)).toEqual({ ok: true, from: 1, schema: 2 });
    expect((await readSnapshot(store)).progress).toEqual(progress);
  });

  it('is run by the views’ first read, so a view opened before the background upgrades sees all progress', async () => {
    const store = freshStore();
    await setMany(schema1Store(), store);
    const state = await loadTrackerState(store);
    expect(state.packs.find((entry) => entry.pack.id === 'winter-arc')?.progress).toEqual(progress['winter-arc']);
    expect((await loadOptionsState(store)).snapshot.progress).toEqual(progress);
    expect(await readEverything(store)).not.toHaveProperty('progress');
  });
});

describe('a click after the upgrade', () => {
  it('rewrites only its own pack’s progress', async () => {
    const store = freshStore();
    await setMany(schema1Store(), store);
    await migrate(store);
    const put = vi.spyOn(IDBObjectStore.prototype, 'put');
    try {
      await updatePackProgress('2024-spring', (p) => applyProgressChange(p, { kind: 'completed', trackId: 'villains', milestoneId: 'day-4', value: true, at: MON }), store);
      expect(put.mock.calls.map(([, key]) => key)).toEqual([KEYS.progress('2024-spring')]);
    } finally {
      put.mockRestore();
    }
    const after = await readSnapshot(store);
    expect(after.progress['winter-arc']).toEqual(progress['winter-arc']);
    expect(after.progress['2024-spring']?.tracks.villains?.milestones['day-4']?.completedAt).toBe(MON);
  });
});

describe('a store this version cannot read', () => {
  it.each<[string, Array<[string, unknown]>, RegExp]>([
    ['a schema below 1', [['schema', 0], ['settings', settings]], /schema is 0/],
    ['a negative schema', [['schema', -3]], /schema is -3/],
    ['a schema that is not an integer', [['schema', 1.5]], /schema is 1.5/],
    ['a schema that is text', [['schema', '2']], /schema is "2"/],
    ['a schema from a newer version', [['schema', SCHEMA_VERSION + 1]], /newer version/],
    ['progress that is not a record', [['schema', 1], ['progress', 'lost']], /progress is not a record/],
    ['a pack’s progress without tracks', [['schema', 1], ['progress', { x: { done: true } }]], /progress of x/],
    ['settings that are a list', [['schema', 1], ['settings', []]], /settings/],
    ['a pack index that is text', [['schema', 2], ['packIndex', 'x']], /pack list/],
  ])('settles as damaged on %s and leaves the data untouched', async (_label, stored, reason) => {
    const store = freshStore();
    await setMany(stored, store);
    const before = await entries(store);
    const settled = await Promise.race([migrate(store), new Promise((resolve) => setTimeout(() => resolve('pending'), 2000))]);
    expect(settled).toEqual({ ok: false, damage: expect.stringMatching(reason) });
    expect(await ensureSchema(store)).toMatchObject({ ok: false });
    expect(await entries(store)).toEqual(before);
  });

  it('makes the views’ read reject with StoreDamaged, never hang', async () => {
    const store = freshStore();
    await setMany([['schema', 0], ['progress', progress]], store);
    await expect(loadTrackerState(store)).rejects.toBeInstanceOf(StoreDamaged);
    await expect(loadOptionsState(store)).rejects.toBeInstanceOf(StoreDamaged);
  });

  it('plans nothing when a step is missing, instead of throwing inside the transaction', () => {
    expect(planMigration(new Map([['schema', 1]]), {}, 2)).toEqual({ ok: false, damage: 'no upgrade from schema 1' });
  });
});
