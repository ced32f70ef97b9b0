// Deleting the progress kept for a pack that is not installed: only that pack's, and never an installed pack's.
import { createStore } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import { type PackProgress } from '../../../lib/commander/progress';
import { applyProgressChange } from '../../../lib/commander/progress-change';
import { BUILTIN_PACK_ID } from '../../../lib/packs/builtin';
import { readSnapshot } from '../../../lib/storage/store-adapter';
import { removeKeptProgress, savePack, updatePackProgress } from '../../../lib/storage/store-writes-adapter';
import { deleteKeptProgress } from '../../../lib/storage/writes';
import { fiveDayTrack, pack } from '../../fixtures/packs';

const MON = Date.UTC(2023, 10, 13);
let counter = 0;
const freshStore = () => createStore(`kept-progress-test-${++counter}`, 'kv');
const complete = (p: PackProgress) => applyProgressChange(p, { kind: 'completed', trackId: 't', milestoneId: 'm', value: true, at: MON });

describe('deleting kept progress', () => {
  it("deletes a pack's kept progress and no other", async () => {
    const store = freshStore();
    await updatePackProgress('c1', 'gone', complete, store);
    await updatePackProgress('c1', 'also-gone', complete, store);
    await removeKeptProgress('gone', store);
    expect(Object.keys((await readSnapshot(store)).progress.c1 ?? {})).toEqual(['also-gone']);
  });

  it('leaves the progress of a pack installed in the meantime', async () => {
    const store = freshStore();
    await savePack(pack([fiveDayTrack()], { id: 'back-again' }), MON, store);
    await updatePackProgress('c1', 'back-again', complete, store);
    await removeKeptProgress('back-again', store);
    expect(Object.keys((await readSnapshot(store)).progress.c1 ?? {})).toEqual(['back-again']);
  });

  it("refuses the built-in pack's, which is always installed", async () => {
    const store = freshStore();
    await updatePackProgress('c1', BUILTIN_PACK_ID, complete, store);
    await expect(deleteKeptProgress(BUILTIN_PACK_ID, store)).rejects.toThrow('the built-in pack is always installed');
    expect(Object.keys((await readSnapshot(store)).progress.c1 ?? {})).toEqual([BUILTIN_PACK_ID]);
  });
});
