import { createStore, entries, setMany } from 'idb-keyval';
import { describe, expect, it, vi } from 'vitest';
import { applyProgressChange } from '../../../lib/commander/progress-change';
import { BUILTIN_PACK_ID } from '../../../lib/packs/builtin';
import { loadOptionsState, loadTrackerState } from '../../../lib/storage/load';
import { planMigration } from '../../../lib/storage/migrations';
import { StoreDamaged } from '../../../lib/storage/damage';
import { migrate } from '../../../lib/storage/upgrade-adapter';
import { ensureSchema, readEverything, readSnapshot } from '../../../lib/storage/store-adapter';
import { updatePackProgress } from '../../../lib/storage/store-writes-adapter';
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

/** The settings as schema 3 keeps them: shared by every Commander, without the followed tracks. */
const sharedSettings = {
  packs: { 'winter-arc': { dailyReset: '05:00+02:00' } },
  notifications: settings.notifications,
};
const firstCommander = {
  activeId: 'c1',
  list: [{ id: 'c1', name: 'Commander 1', tracks: { 'winter-arc': 'heroes', '2024-spring': 'villains', [BUILTIN_PACK_ID]: 'defenders-of-peace' } }],
};

/** The store after the upgrade to schema 3, from schema 1 or 2: every value kept, the progress as the first Commander's. */
const upgraded = new Map<string, unknown>([
  ['schema', 3],
  ['settings', sharedSettings],
  ['commanders', firstCommander],
  ['progress:c1:winter-arc', progress['winter-arc']],
  ['progress:c1:2024-spring', progress['2024-spring']],
  [`progress:c1:${BUILTIN_PACK_ID}`, progress[BUILTIN_PACK_ID]],
  ['packIndex', packIndex],
  ['pack:winter-arc', winter],
  ['pack:2024-spring', spring],
  ['notified', notified],
]);

/** A store exactly as schema 2 wrote it: one `progress:<packId>` value per pack, followed tracks in the settings. */
function schema2Store(): Array<[string, unknown]> {
  return [
    ['schema', 2],
    ['settings', settings],
    ['progress:winter-arc', progress['winter-arc']],
    ['progress:2024-spring', progress['2024-spring']],
    [`progress:${BUILTIN_PACK_ID}`, progress[BUILTIN_PACK_ID]],
    ['packIndex', packIndex],
    ['pack:winter-arc', winter],
    ['pack:2024-spring', spring],
    ['notified', notified],
  ];
}

describe('the upgrade from schema 2 to 3 (Commanders)', () => {
  it('makes today’s data the first Commander and keeps every value', async () => {
    const store = freshStore();
    await setMany(schema2Store(), store);
    expect(await migrate(store)).toEqual({ ok: true, from: 2, schema: 3 });
    expect(new Map(await entries(store))).toEqual(upgraded);
    // Read back through the readers the views use.
    expect(await readSnapshot(store)).toEqual({ schema: 3, settings: sharedSettings, commanders: firstCommander, progress: { c1: progress }, packIndex });
  });

  it('moves each progress record as it was, byte for byte', async () => {
    const store = freshStore();
    await setMany(schema2Store(), store);
    await migrate(store);
    const after = new Map(await entries(store));
    for (const [packId, record] of Object.entries(progress)) expect(JSON.stringify(after.get(`progress:c1:${packId}`))).toBe(JSON.stringify(record));
  });

  it('changes nothing when it runs a second time', async () => {
    const store = freshStore();
    await setMany(schema2Store(), store);
    await migrate(store);
    const once = await entries(store);
    expect(await migrate(store)).toEqual({ ok: true, from: 3, schema: 3 });
    expect(await entries(store)).toEqual(once);
  });

  it('shows the views the first Commander’s tracks and progress', async () => {
    const store = freshStore();
    await setMany(schema2Store(), store);
    const state = await loadTrackerState(store);
    expect(state.commanderId).toBe('c1');
    const winterState = state.packs.find((entry) => entry.pack.id === 'winter-arc');
    expect(winterState?.followedTrackId).toBe('heroes');
    expect(winterState?.progress).toEqual(progress['winter-arc']);
    expect(winterState?.schedule?.dailyReset).toBe('05:00+02:00');
  });

  it('keeps what this version wrote into a store before marking it (read as schema 1)', async () => {
    const store = freshStore();
    const commanders = { activeId: 'c2', list: [{ id: 'c1', name: 'Commander 1', tracks: { x: 'heroes' } }, { id: 'c2', name: 'Alt', tracks: {} }] };
    await setMany([['commanders', commanders], ['progress:c2:x', progress['winter-arc']], ['packIndex', packIndex]], store);
    expect(await migrate(store)).toEqual({ ok: true, from: 1, schema: 3 });
    expect(new Map(await entries(store))).toEqual(new Map<string, unknown>([['schema', 3], ['commanders', commanders], ['progress:c2:x', progress['winter-arc']], ['packIndex', packIndex]]));
  });

  it('settles as damaged, writing nothing, on a followed track that is not an id', async () => {
    const store = freshStore();
    const stored: Array<[string, unknown]> = [['schema', 2], ['settings', { ...settings, packs: { x: { followedTrackId: 7 } } }], ['progress:x', progress['winter-arc']]];
    await setMany(stored, store);
    const before = await entries(store);
    expect(await migrate(store)).toEqual({ ok: false, damage: 'the followed track of x is not an id' });
    expect(await entries(store)).toEqual(before);
  });
});

describe('the upgrade from schema 1', () => {
  it('reaches schema 3 through 2, keeping every value', async () => {
    const store = freshStore();
    await setMany(schema1Store(), store);
    expect(await migrate(store)).toEqual({ ok: true, from: 1, schema: 3 });
    expect(new Map(await entries(store))).toEqual(upgraded);
  });

  it('changes nothing when it runs a second time', async () => {
    const store = freshStore();
    await setMany(schema1Store(), store);
    await migrate(store);
    const once = await entries(store);
    expect(await migrate(store)).toEqual({ ok: true, from: 3, schema: 3 });
    expect(await entries(store)).toEqual(once);
  });

  it('upgrades a schema-1 store written before the schema mark existed', async () => {
    const store = freshStore();
    await setMany(schema1Store().filter(([key]) => key !== 'schema'), store);
    expect(await migrate(store)).toEqual({ ok: true, from: 1, schema: 3 });
    expect((await readSnapshot(store)).progress).toEqual({ c1: progress });
  });

  it('is run by the views’ first read, so a view opened before the background upgrades sees all progress', async () => {
    const store = freshStore();
    await setMany(schema1Store(), store);
    const state = await loadTrackerState(store);
    expect(state.packs.find((entry) => entry.pack.id === 'winter-arc')?.progress).toEqual(progress['winter-arc']);
    expect((await loadOptionsState(store)).snapshot.progress).toEqual({ c1: progress });
    expect(await readEverything(store)).not.toHaveProperty('progress');
  });
});

describe('a click after the upgrade', () => {
  it('rewrites only its own Commander’s record of its own pack', async () => {
    const store = freshStore();
    await setMany(schema1Store(), store);
    await migrate(store);
    const put = vi.spyOn(IDBObjectStore.prototype, 'put');
    try {
      await updatePackProgress('c1', '2024-spring', (p) => applyProgressChange(p, { kind: 'completed', trackId: 'villains', milestoneId: 'day-4', value: true, at: MON }), store);
      expect(put.mock.calls.map(([, key]) => key)).toEqual([KEYS.progress('c1', '2024-spring')]);
    } finally {
      put.mockRestore();
    }
    const after = await readSnapshot(store);
    expect(after.progress.c1?.['winter-arc']).toEqual(progress['winter-arc']);
    expect(after.progress.c1?.['2024-spring']?.tracks.villains?.milestones['day-4']?.completedAt).toBe(MON);
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
    ['Commanders that are no list', [['schema', 3], ['commanders', { activeId: 'c1', list: [] }]], /Commanders/],
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
