import { createStore } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import { BUILTIN_PACK_ID, builtinPack } from '../../../lib/packs/builtin';
import { installedPacks } from '../../../lib/views/options-state';
import { loadOptionsState } from '../../../lib/storage/load';
import { describeProgress, prepareImport } from '../../../lib/packs/import';
import { commitImport } from '../../../lib/storage/writes';
import { serialisePack } from '../../../lib/packs/export';
import type { Pack } from '../../../lib/packs/types';
import { applyProgressChange, type ProgressChange } from '../../../lib/commander/progress-change';
import { withPackSettings } from '../../../lib/commander/settings';
import { withFollowedTrack } from '../../../lib/commander/commander-changes';
import { readEverything, readSnapshot } from '../../../lib/storage/store-adapter';
import { removePack, updateCommanders, updatePackProgress, updateSettings } from '../../../lib/storage/store-writes-adapter';
import { followedTracks } from '../../../lib/views/tracker-state';
import { loadTrackerState } from '../../../lib/storage/load';
import { fiveDayTrack, milestone, pack, track } from '../../fixtures/packs';

let counter = 0;
const freshStore = () => createStore(`pack-import-test-${++counter}`, 'kv');
const MON = Date.UTC(2023, 10, 13);

async function importText(text: string, store: ReturnType<typeof freshStore>, now = MON) {
  const prepared = prepareImport(text, installedPacks(await loadOptionsState(store)));
  if (prepared.ok) await commitImport(prepared, now, store);
  return prepared;
}

const record = (store: ReturnType<typeof freshStore>, packId: string, change: ProgressChange) =>
  updatePackProgress('c1', packId, (p) => applyProgressChange(p, change), store);

const arc = (extra: Partial<Pack> = {}) =>
  pack([fiveDayTrack('heroes'), { ...fiveDayTrack('villains'), name: 'Villains' }], { id: 'winter-arc', title: 'Winter arc', ...extra });

describe('importing a pack', () => {
  it('stores a valid pack, lists it after the built-in one and follows its first track', async () => {
    const store = freshStore();
    const result = await importText(serialisePack(arc()), store);
    expect(result).toMatchObject({ ok: true, followTrackId: 'heroes' });
    expect(result.ok && result.replaces).toBeUndefined();

    const options = await loadOptionsState(store);
    expect(options.packs.map((p) => p.pack.id)).toEqual([BUILTIN_PACK_ID, 'winter-arc']);
    expect(options.packs[1]!.pack).toEqual(arc());
    const tracker = await loadTrackerState(store);
    expect(followedTracks(tracker).map((f) => `${f.schedule.packId}/${f.schedule.track.id}`)).toEqual(['winter-arc/heroes']);
  });

  it('follows the track with the role the Commander follows elsewhere', async () => {
    const store = freshStore();
    await updateCommanders((c) => withFollowedTrack(c, 'c1', BUILTIN_PACK_ID, 'architects-of-chaos'), store);
    expect(builtinPack().tracks.find((t) => t.id === 'architects-of-chaos')?.role).toBe('Villain');
    const villainArc = pack(
      [track('good', [milestone('m', '2024-01-01', '2024-01-02')], { role: 'Hero' }), track('bad', [milestone('m', '2024-01-01', '2024-01-02')], { role: 'villain' })],
      { id: 'roles' },
    );
    expect(await importText(serialisePack(villainArc), store)).toMatchObject({ ok: true, followTrackId: 'bad' });
    expect((await readSnapshot(store)).commanders.list[0]!.tracks.roles).toBe('bad');
  });

  it('refuses a pack that takes the id of the built-in pack, naming the id', async () => {
    const store = freshStore();
    const before = JSON.stringify(await readEverything(store));
    const result = await importText(serialisePack(builtinPack()), store);
    expect(result).toMatchObject({ ok: false, problem: { path: 'id' } });
    expect(JSON.stringify(await readEverything(store))).toBe(before);
  });

  it('refuses a bad document with the first problem and its path, and stores nothing', async () => {
    const store = freshStore();
    await importText(serialisePack(arc()), store);
    await record(store, 'winter-arc', { kind: 'completed', trackId: 'heroes', milestoneId: 'day-1', value: true, at: MON });
    const before = JSON.stringify(await readEverything(store));
    const broken = arc();
    broken.tracks[0]!.milestones[3]!.end = '2023-11-16T10:00';
    const result = await importText(serialisePack(broken), store);
    expect(result).toEqual({ ok: false, problem: { path: 'tracks[0].milestones[3].end', message: 'instant without an offset' } });
    expect(JSON.stringify(await readEverything(store))).toBe(before);
  });

  it('says so when the file is a backup rather than a pack', async () => {
    const store = freshStore();
    const result = await importText(JSON.stringify({ format: 'stfc-milestone-backup', version: 1 }), store);
    expect(result).toEqual({
      ok: false,
      problem: { path: 'format', message: 'must be exactly stfc-milestone-pack (this is a backup: restore it under Backup and restore)' },
    });
  });
});

describe('re-importing a pack id', () => {
  it('says what it replaces and keeps the progress of every item whose id did not change', async () => {
    const store = freshStore();
    await importText(serialisePack(arc()), store);
    const at = MON + 1000;
    await record(store, 'winter-arc', { kind: 'completed', trackId: 'heroes', milestoneId: 'day-1', value: true, at });
    await record(store, 'winter-arc', { kind: 'objective', trackId: 'heroes', milestoneId: 'day-1', objectiveId: 'a', value: true, at });
    await record(store, 'winter-arc', { kind: 'completed', trackId: 'heroes', milestoneId: 'day-2', value: true, at });
    await record(store, 'winter-arc', { kind: 'server-points', trackId: 'heroes', points: 1200, at });

    // The corrected pack renames day-2's id and the title; everything else keeps its id.
    const corrected = arc({ title: 'Winter arc (corrected)' });
    corrected.tracks[0]!.milestones[1]!.id = 'day-2-fixed';
    corrected.tracks[0]!.milestones[0]!.name = 'Corrected name';
    const prepared = prepareImport(serialisePack(corrected), installedPacks(await loadOptionsState(store)));
    expect(prepared).toMatchObject({
      ok: true,
      replaces: { title: 'Winter arc', kept: 3, unmatched: 1, followedTrackGone: false },
    });
    if (!prepared.ok) throw new Error('refused');
    await commitImport(prepared, MON + 5000, store);

    const options = await loadOptionsState(store);
    const winter = options.packs.find((p) => p.pack.id === 'winter-arc')!;
    expect(winter.pack.title).toBe('Winter arc (corrected)');
    expect(winter.pack.tracks[0]!.milestones[0]!.name).toBe('Corrected name');
    const heroes = winter.progress.tracks.heroes!;
    expect(heroes.milestones['day-1']).toEqual({ completedAt: at, objectives: { a: at } });
    expect(heroes.server).toEqual({ points: 1200, seenAt: at });
    // Never lose a tick: the progress of the renamed id stays stored, so it returns with the id.
    expect(heroes.milestones['day-2']?.completedAt).toBe(at);
    // A replaced pack keeps its place in the list.
    expect(options.snapshot.packIndex['winter-arc']).toEqual({ title: 'Winter arc (corrected)', importedAt: MON });
  });

  it('follows another track when the followed one is gone, and says so first', async () => {
    const store = freshStore();
    await importText(serialisePack(arc()), store);
    await updateCommanders((c) => withFollowedTrack(c, 'c1', 'winter-arc', 'villains'), store);
    const without = arc();
    without.tracks = [without.tracks[0]!];
    const prepared = prepareImport(serialisePack(without), installedPacks(await loadOptionsState(store)));
    expect(prepared).toMatchObject({ ok: true, followTrackId: 'heroes', replaces: { followedTrackGone: true } });
    if (!prepared.ok) throw new Error('refused');
    await commitImport(prepared, MON, store);
    expect((await readSnapshot(store)).commanders.list[0]!.tracks['winter-arc']).toBe('heroes');
  });

  it('keeps the followed track when the new version still has it', async () => {
    const store = freshStore();
    await importText(serialisePack(arc()), store);
    await updateCommanders((c) => withFollowedTrack(c, 'c1', 'winter-arc', 'villains'), store);
    await updateSettings((s) => withPackSettings(s, 'winter-arc', { dailyReset: '11:00Z' }), store);
    await importText(serialisePack(arc({ title: 'Again' })), store);
    expect((await readSnapshot(store)).settings.packs['winter-arc']).toEqual({ dailyReset: '11:00Z' });
    expect((await readSnapshot(store)).commanders.list[0]!.tracks['winter-arc']).toBe('villains');
  });
});

describe('removing a pack', () => {
  it('says what progress goes with it, then removes the pack, its progress and its settings', async () => {
    const store = freshStore();
    await importText(serialisePack(arc()), store);
    await record(store, 'winter-arc', { kind: 'completed', trackId: 'heroes', milestoneId: 'day-1', value: true, at: MON });
    await record(store, 'winter-arc', { kind: 'completed', trackId: 'heroes', milestoneId: 'day-2', value: true, at: MON });
    await record(store, 'winter-arc', { kind: 'objective', trackId: 'heroes', milestoneId: 'day-3', objectiveId: 'a', value: true, at: MON });
    await record(store, 'winter-arc', { kind: 'server-points', trackId: 'heroes', points: 5, at: MON });
    const before = await loadOptionsState(store);
    expect(describeProgress(before.packs[1]!.progress)).toBe('2 completed milestones, 1 checked objective and the server points you entered');

    await removePack('winter-arc', store);
    const after = await loadOptionsState(store);
    expect(after.packs.map((p) => p.pack.id)).toEqual([BUILTIN_PACK_ID]);
    expect(after.snapshot.progress).toEqual({});
    expect(after.snapshot.settings.packs).toEqual({});
    expect(Object.keys(await readEverything(store)).filter((k) => k.startsWith('pack:'))).toEqual([]);
  });

  it('describes a pack with nothing recorded', () => {
    expect(describeProgress(undefined)).toBe('no recorded progress');
    expect(describeProgress({ tracks: { t: { milestones: { m: { completedAt: 1, objectives: {} } } } } })).toBe('1 completed milestone');
  });
});
