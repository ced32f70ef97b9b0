// What a view reads on open: the store in one transaction, and the built-in pack from its own file
// in the extension (served here from the source tree by tests/setup/extension-files.ts).
import { createStore } from 'idb-keyval';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BUILTIN_PACK_FILE, BUILTIN_PACK_ID, builtinPack } from '../../../lib/packs/builtin';
import { withPackSettings } from '../../../lib/commander/settings';
import { withFollowedTrack } from '../../../lib/commander/commander-changes';
import { savePack, updateSettings } from '../../../lib/storage/store-writes-adapter';
import { fiveDayTrack, pack } from '../../fixtures/packs';

let counter = 0;
const freshStore = () => createStore(`tracker-state-test-${++counter}`, 'kv');
const MON = Date.UTC(2023, 10, 13);
const imported = pack([fiveDayTrack('heroes')], { id: 'winter-arc', title: 'Winter arc' });

/** A fresh copy of the modules, as a newly opened view has: nothing loaded yet. */
async function freshView() {
  vi.resetModules();
  return { ...(await import('../../../lib/views/tracker-state')), ...(await import('../../../lib/storage/load')) };
}

/** Makes the built-in pack's file answer `status`, or never answer; other requests are untouched. */
function builtinFileAnswers(status: number | 'never') {
  const fetchElsewhere = globalThis.fetch;
  const requested: string[] = [];
  vi.spyOn(globalThis, 'fetch').mockImplementation((input, init) => {
    const url = String(input);
    if (url !== BUILTIN_PACK_FILE) return fetchElsewhere(input, init);
    requested.push(url);
    return status === 'never' ? new Promise<Response>(() => undefined) : Promise.resolve(new Response('', { status }));
  });
  return requested;
}

afterEach(() => vi.restoreAllMocks());

describe('the state of a pack', () => {
  it('resolves the followed track only, and none before the Commander follows one', async () => {
    const { packState } = await import('../../../lib/views/tracker-state');
    const { readSnapshot } = await import('../../../lib/storage/store-adapter');
    const arc = pack([fiveDayTrack('heroes'), fiveDayTrack('villains')], { id: 'arc' });
    const snapshot = await readSnapshot(freshStore());
    expect(packState(arc, false, snapshot).schedule).toBeUndefined();
    const following = { ...snapshot, commanders: withFollowedTrack(snapshot.commanders, 'c1', 'arc', 'villains') };
    const state = packState(arc, false, following);
    expect(state.followedTrackId).toBe('villains');
    expect(state.schedule?.track.id).toBe('villains');
    expect(state.schedule?.milestones).toHaveLength(5);
  });
});

describe('loading the tracker state', () => {
  it('shows the built-in pack from its file, the very pack the options page bundles, before imported ones', async () => {
    const store = freshStore();
    await savePack(imported, MON, store);
    const { loadTrackerState } = await freshView();
    const state = await loadTrackerState(store);
    expect(state.packs.map((p) => [p.pack.id, p.builtin])).toEqual([
      [BUILTIN_PACK_ID, true],
      ['winter-arc', false],
    ]);
    expect(state.packs[0]!.pack).toEqual(builtinPack());
  });

  it("does not read the built-in pack's file when the Commander hid the pack", async () => {
    const store = freshStore();
    await savePack(imported, MON, store);
    await updateSettings((s) => withPackSettings(s, BUILTIN_PACK_ID, { hidden: true }), store);
    const requested = builtinFileAnswers('never');
    const { loadTrackerState } = await freshView();
    const state = await loadTrackerState(store);
    expect(state.packs.map((p) => p.pack.id)).toEqual(['winter-arc']);
    expect(requested).toEqual([]);
  });

  it('reads the file once per page, however often the store is read', async () => {
    const store = freshStore();
    const served = vi.spyOn(globalThis, 'fetch');
    const { loadTrackerState } = await freshView();
    await loadTrackerState(store);
    await loadTrackerState(store);
    expect(served.mock.calls.map(([url]) => String(url))).toEqual([BUILTIN_PACK_FILE]);
  });

  it('fails when the built-in pack is shown and its file cannot be read, and reads it again next time', async () => {
    const store = freshStore();
    builtinFileAnswers(404);
    const { loadTrackerState } = await freshView();
    await expect(loadTrackerState(store)).rejects.toThrow(/built-in pack.*404/);
    vi.restoreAllMocks();
    expect((await loadTrackerState(store)).packs.map((p) => p.pack.id)).toEqual([BUILTIN_PACK_ID]);
  });

  it('adds the built-in pack to a snapshot and packs read elsewhere, unless hidden', async () => {
    const { trackerStateWithBuiltin } = await freshView();
    const store = freshStore();
    await savePack(imported, MON, store);
    const { readSnapshot } = await import('../../../lib/storage/store-adapter');
    const snapshot = await readSnapshot(store);
    expect((await trackerStateWithBuiltin(snapshot, [imported])).packs.map((p) => p.pack.id)).toEqual([BUILTIN_PACK_ID, 'winter-arc']);
    const hidden = { ...snapshot, settings: withPackSettings(snapshot.settings, BUILTIN_PACK_ID, { hidden: true }) };
    const requested = builtinFileAnswers(404);
    expect((await trackerStateWithBuiltin(hidden, [imported])).packs.map((p) => p.pack.id)).toEqual(['winter-arc']);
    expect(requested).toEqual([]);
  });
});
