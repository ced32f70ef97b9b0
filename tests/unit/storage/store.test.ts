import { createStore, entries, setMany } from 'idb-keyval';
import { describe, expect, it, vi } from 'vitest';
import { emptyPackProgress, isObjectiveChecked, type PackProgress } from '../../../lib/commander/progress';
import { applyProgressChange } from '../../../lib/commander/progress-change';
import { migrate } from '../../../lib/storage/upgrade-adapter';
import { readEverything, readSnapshot, readSnapshotAndPacks } from '../../../lib/storage/store-adapter';
import { removePack, savePack, updateCommanders, updatePackProgress, updateSettings } from '../../../lib/storage/store-writes-adapter';
import { KEYS, SCHEMA_VERSION } from '../../../lib/storage/stored-data';
import { withPackSettings } from '../../../lib/commander/settings';
import { withFollowedTrack } from '../../../lib/commander/commander-changes';
import { fiveDayTrack, pack } from '../../fixtures/packs';

let counter = 0;
/** A store of its own per test, so tests never see each other's data. */
const freshStore = () => createStore(`store-test-${++counter}`, 'kv');

const MON = Date.UTC(2023, 10, 13);

describe('progress writes', () => {
  it('reads back what was written, for every pack in one snapshot', async () => {
    const store = freshStore();
    await updatePackProgress('c1', 'a', (p) => applyProgressChange(p, { kind: 'completed', trackId: 't', milestoneId: 'm', value: true, at: MON }), store);
    await updatePackProgress('c1', 'b', (p) => applyProgressChange(p, { kind: 'server-points', trackId: 't', points: 12, at: MON }), store);
    const snapshot = await readSnapshot(store);
    expect(snapshot.progress.c1?.a?.tracks.t?.milestones.m?.completedAt).toBe(MON);
    expect(snapshot.progress.c1?.b?.tracks.t?.server).toEqual({ points: 12, seenAt: MON });
  });

  it('loses none of 500 random toggles from two writers interleaving on the same pack', async () => {
    const store = freshStore();
    const ids = Array.from({ length: 12 }, (_, i) => `o${i}`);
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const plan = Array.from({ length: 500 }, () => ({ writer: random() < 0.5 ? 0 : 1, objective: ids[Math.floor(random() * ids.length)]! }));
    const flip = (p: PackProgress, objective: string) =>
      applyProgressChange(p, { kind: 'objective', trackId: 't', milestoneId: 'm', objectiveId: objective, value: !isObjectiveChecked(p.tracks.t, 'm', objective), at: MON });

    // Each writer fires its toggles without waiting for the other's: the transactions interleave.
    await Promise.all(
      [0, 1].map(async (writer) => {
        const mine = plan.filter((step) => step.writer === writer);
        await Promise.all(mine.map((step) => updatePackProgress('c1', 'p', (p) => flip(p, step.objective), store)));
      }),
    );

    const sequential = plan.reduce((p, step) => flip(p, step.objective), emptyPackProgress());
    const stored = (await readSnapshot(store)).progress.c1!.p!;
    const checked = (p: PackProgress) => ids.filter((id) => isObjectiveChecked(p.tracks.t, 'm', id));
    expect(checked(stored)).toEqual(checked(sequential));
    // A lost update would flip the parity of at least one objective; make sure some are checked at all.
    expect(checked(sequential).length).toBeGreaterThan(0);
  });
});

describe('packs', () => {
  it('saves a pack with its index entry and removes it with its progress and settings', async () => {
    const store = freshStore();
    const p = pack([fiveDayTrack()], { id: 'imported' });
    await savePack(p, MON, store);
    await updatePackProgress('c1', 'imported', (x) => applyProgressChange(x, { kind: 'completed', trackId: 'heroes', milestoneId: 'day-1', value: true, at: MON }), store);
    await updatePackProgress('c1', 'other', (x) => applyProgressChange(x, { kind: 'completed', trackId: 't', milestoneId: 'm', value: true, at: MON }), store);
    await updateCommanders((c) => withFollowedTrack(withFollowedTrack(c, 'c1', 'imported', 'heroes'), 'c1', 'other', 't'), store);
    await updateSettings((s) => withPackSettings(withPackSettings(s, 'imported', { dailyReset: '11:00Z' }), 'other', { hidden: true }), store);
    expect((await readSnapshot(store)).packIndex).toEqual({ imported: { title: 'Test pack', importedAt: MON } });

    await removePack('imported', store);
    const after = await readSnapshot(store);
    expect(after.packIndex).toEqual({});
    expect(after.progress).toEqual({ c1: { other: expect.any(Object) } });
    expect(after.settings.packs).toEqual({ other: { hidden: true } });
    expect(after.commanders.list[0]!.tracks).toEqual({ other: 't' });
    expect(Object.keys(await readEverything(store))).not.toContain(KEYS.pack('imported'));
  });
});

describe('reading on open', () => {
  it('reads the snapshot and the packs chosen from it in one transaction', async () => {
    const store = freshStore();
    const first = pack([fiveDayTrack()], { id: 'first' });
    const second = pack([fiveDayTrack()], { id: 'second' });
    await savePack(first, MON, store);
    await savePack(second, MON + 1, store);
    await updateCommanders((c) => withFollowedTrack(c, 'c1', 'second', 'heroes'), store);
    const expected = await readSnapshot(store);

    const transaction = vi.spyOn(IDBDatabase.prototype, 'transaction');
    try {
      const read = await readSnapshotAndPacks((head) => ({ packs: [...Object.keys(head.packIndex).reverse(), 'gone'], progress: [] }), store);
      expect(read.snapshot).toEqual({ ...expected, progress: {} });
      expect(read.packs).toEqual([second, first, undefined]);
      expect(transaction).toHaveBeenCalledTimes(1);
    } finally {
      transaction.mockRestore();
    }
  });

  it('gives the defaults and asks for no pack on a first install', async () => {
    const read = await readSnapshotAndPacks(() => ({ packs: [], progress: [] }), freshStore());
    expect(read).toEqual({ snapshot: await readSnapshot(freshStore()), packs: [] });
    expect(read.snapshot.packIndex).toEqual({});
  });
});

describe('reading again after a click', () => {
  /** The `pack:` keys each read of `readSnapshotAndPacks` asked IndexedDB for. */
  const packGets = () => {
    const get = vi.spyOn(IDBObjectStore.prototype, 'get');
    return { keys: () => get.mock.calls.map(([key]) => String(key)).filter((key) => key.startsWith('pack:')), restore: () => get.mockRestore() };
  };
  const both = () => ({ packs: ['first', 'second'], progress: ['first', 'second'] });

  it('reads no pack again while none has changed: a click re-reads its progress only', async () => {
    const store = freshStore();
    const first = pack([fiveDayTrack()], { id: 'first' });
    const second = pack([fiveDayTrack()], { id: 'second' });
    await savePack(first, MON, store);
    await savePack(second, MON + 1, store);
    await readSnapshotAndPacks(both, store);
    await updatePackProgress('c1', 'first', (p) => applyProgressChange(p, { kind: 'completed', trackId: 'heroes', milestoneId: 'day-1', value: true, at: MON }), store);
    const gets = packGets();
    try {
      const read = await readSnapshotAndPacks(both, store);
      expect(gets.keys()).toEqual([]);
      expect(read.packs).toEqual([first, second]);
      expect(read.snapshot.progress.c1?.first?.tracks.heroes?.milestones['day-1']?.completedAt).toBe(MON);
    } finally {
      gets.restore();
    }
  });

  it.each([
    ['replaced', async (store: ReturnType<typeof freshStore>) => savePack(pack([fiveDayTrack()], { id: 'first', title: 'Replaced' }), MON, store), ['Replaced', 'Test pack']],
    ['removed', async (store: ReturnType<typeof freshStore>) => removePack('first', store), [undefined, 'Test pack']],
  ])('reads the packs again once one was %s', async (_change, change, titles) => {
    const store = freshStore();
    await savePack(pack([fiveDayTrack()], { id: 'first' }), MON, store);
    await savePack(pack([fiveDayTrack()], { id: 'second' }), MON + 1, store);
    await readSnapshotAndPacks(both, store);
    await change(store);
    const read = await readSnapshotAndPacks(both, store);
    expect(read.packs.map((p) => p?.title)).toEqual(titles);
  });

  it('reads every pack each time from a store without a revision (an older layout, or written by hand)', async () => {
    const store = freshStore();
    await setMany([[KEYS.pack('first'), pack([fiveDayTrack()], { id: 'first' })], [KEYS.packIndex, { first: { title: 'Winter arc', importedAt: MON } }]], store);
    await readSnapshotAndPacks(() => ({ packs: ['first'], progress: [] }), store);
    await setMany([[KEYS.pack('first'), pack([fiveDayTrack()], { id: 'first', title: 'Changed by hand' })]], store);
    const read = await readSnapshotAndPacks(() => ({ packs: ['first'], progress: [] }), store);
    expect(read.packs[0]?.title).toBe('Changed by hand');
  });
});

describe('schema migrations', () => {
  // The general mechanism, with made-up steps; the real 1 → 2 step is tested in migrations.test.ts.
  it('runs each step in order and keeps every value a step does not rewrite', async () => {
    const store = freshStore();
    const settings = { packs: { x: { followedTrackId: 't' } }, notifications: { enabled: false, minutesBeforeEnd: 60, onStart: false } };
    const stored = pack([fiveDayTrack()], { id: 'x' });
    await setMany([[KEYS.schema, 1], [KEYS.settings, settings], [KEYS.pack('x'), stored], ['old', 1]], store);
    const steps = {
      1: (values: ReadonlyMap<string, unknown>) => ({ put: [[KEYS.settings, { ...(values.get(KEYS.settings) as object), step1: true }]] as Array<[string, unknown]>, remove: ['old'] }),
      2: (values: ReadonlyMap<string, unknown>) => ({ put: [[KEYS.settings, { ...(values.get(KEYS.settings) as object), step2: true }]] as Array<[string, unknown]>, remove: [] }),
    };
    expect(await migrate(store, steps, 3)).toEqual({ ok: true, from: 1, schema: 3 });
    const after = new Map(await entries(store));
    expect(after.get(KEYS.settings)).toMatchObject({ step1: true, step2: true, packs: { x: { followedTrackId: 't' } } });
    expect(after.get(KEYS.pack('x'))).toEqual(stored);
    expect(after.has('old')).toBe(false);
    expect(after.get(KEYS.schema)).toBe(3);
  });

  it('marks a brand-new store with the current schema', async () => {
    const store = freshStore();
    expect(await migrate(store)).toEqual({ ok: true, from: SCHEMA_VERSION, schema: SCHEMA_VERSION });
    expect((await readSnapshot(store)).schema).toBe(SCHEMA_VERSION);
  });
});
