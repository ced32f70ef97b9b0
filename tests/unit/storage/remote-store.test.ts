// Views whose own IndexedDB is unavailable (Firefox private windows) read and write through the
// background. Each "context" here is a fresh copy of the modules, as the background and each view
// have their own in the browser; they share only fakeBrowser's messaging and fake-indexeddb.
// Messages go through JSON both ways, as Chrome's do, so only plain data arrives.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BADGE_COLOURS } from '../../../lib/badge/rules';
import { BUILTIN_PACK_ID } from '../../../lib/packs/builtin';
import type { ProgressChange } from '../../../lib/commander/progress-change';
import type { StoreChange } from '../../../lib/storage/changes';
import type { TrackerState } from '../../../lib/views/tracker-state';
import { emptyExtensionStore } from '../../helpers/store';
import { DAY, HOUR, milestone, pack, track } from '../../fixtures/packs';

const START = Date.UTC(2023, 10, 13);
const END = START + 3 * DAY;
const NOW = END - 2 * HOUR;
const PACK_ID = 'live-pack';
const HIDDEN_ID = 'hidden-pack';

const livePack = pack(
  [
    track('heroes', [milestone('m', '2023-11-13', '2023-11-16', { name: 'Hidden Motivations' })]),
    track('villains', [milestone('v', '2023-11-20', '2023-11-21')]),
  ],
  {
    id: PACK_ID,
    title: 'Live pack',
  },
);
const hiddenPack = pack([track('other', [milestone('x', '2023-11-13', '2023-11-16')])], { id: HIDDEN_ID, title: 'Hidden pack' });

const completed: ProgressChange = { kind: 'completed', trackId: 'heroes', milestoneId: 'm', value: true, at: NOW };
const refusal = () => new DOMException('The operation failed because the requested database object could not be found.', 'InvalidStateError');

/** A fresh copy of the modules: what one extension context runs. */
async function context() {
  vi.resetModules();
  return {
    background: await import('../../../lib/background/background-adapter'),
    remote: await import('../../../lib/storage/remote-store'),
    serve: await import('../../../lib/storage/serve-views'),
    store: await import('../../../lib/storage/store-adapter'),
    storeWrites: await import('../../../lib/storage/store-writes-adapter'),
    sync: await import('../../../lib/storage/messaging-adapter'),
    tracker: await import('../../../lib/storage/load'),
  };
}

/** The background, started on a store holding the live pack (followed) and a hidden one; resolves once its badge is shown. */
async function startBackground() {
  const bg = await context();
  await bg.storeWrites.savePack(livePack, START - DAY);
  await bg.storeWrites.savePack(hiddenPack, START - DAY + 1);
  await bg.storeWrites.updateSettings((s) => ({
    ...s,
    packs: { [HIDDEN_ID]: { hidden: true }, [BUILTIN_PACK_ID]: { hidden: true } },
  }));
  await bg.storeWrites.updateCommanders((c) => ({ ...c, list: [{ ...c.list[0]!, tracks: { [PACK_ID]: 'heroes' } }] }));
  await bg.background.startBackground(() => Date.now()).ready;
  return bg;
}

/** What extension.inIncognitoContext says in the contexts started from now on. */
const privateContext = (value: boolean) => ((fakeBrowser.extension as { inIncognitoContext: boolean }).inIncognitoContext = value);

const json = (value: unknown) => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));

/** Sends every runtime message through JSON both ways; records the types sent, in order, and the answers. */
function messagesAsJson(): { sent: string[]; answers: unknown[] } {
  const send = fakeBrowser.runtime.sendMessage;
  const log = { sent: [] as string[], answers: [] as unknown[] };
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(((message: { type: string }, callback: (response: unknown) => void) => {
    log.sent.push(message.type);
    return (send as (message: unknown, callback: (response: unknown) => void) => Promise<unknown>).call(fakeBrowser.runtime, json(message), (response) => {
      log.answers.push(json(response));
      callback(json(response));
    });
  }) as never);
  return log;
}

const badgeColour = () => fakeBrowser.action.getBadgeBackgroundColor({});
const rgba = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).concat(255);
const liveProgress = (state: TrackerState) => state.packs.find((p) => p.pack.id === PACK_ID)?.progress.tracks.heroes?.milestones.m;

let sent: string[];
let answers: unknown[];

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  await emptyExtensionStore();
  ({ sent, answers } = messagesAsJson());
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
  privateContext(false);
});

describe('a private view (extension.inIncognitoContext)', () => {
  it('reads the state through the background, the same state the background reads, without opening IndexedDB', async () => {
    const bg = await startBackground();
    const open = vi.spyOn(indexedDB, 'open');
    privateContext(true);
    const view = await context();

    const state = await view.remote.loadViewState();
    expect(sent).toEqual(['readStore']);
    expect(open).not.toHaveBeenCalled();
    expect(state.packs.map((p) => p.pack.id)).toEqual([PACK_ID]);
    expect(state.packs[0]?.followedTrackId).toBe('heroes');
    expect(state).toEqual(json(await bg.tracker.loadTrackerState()));
  });

  it('gets only the imported packs it shows; the built-in one it has already', async () => {
    const bg = await startBackground();
    await bg.storeWrites.updateSettings((s) => ({ ...s, packs: { ...s.packs, [BUILTIN_PACK_ID]: {} } }));
    privateContext(true);
    const view = await context();

    const state = await view.remote.loadViewState();
    const answer = answers[0] as { res: { packs: Array<{ id: string }> } };
    expect(answer.res.packs.map((p) => p.id)).toEqual([PACK_ID]);
    expect(state.packs.map((p) => p.pack.id)).toEqual([BUILTIN_PACK_ID, PACK_ID]);
    expect(state).toEqual(json(await bg.tracker.loadTrackerState()));
  });

  it('has the background record its writes, announce them to the other views and refresh the badge', async () => {
    const bg = await startBackground();
    expect(await badgeColour()).toEqual(rgba(BADGE_COLOURS.amber));
    // A normal view, open before the private one: it reads its own store, and re-reads on every announcement.
    const other = await context();
    let otherState = await other.remote.loadViewState();
    const announced: StoreChange[] = [];
    other.sync.onStoreChange(async (change) => {
      announced.push(change);
      otherState = await other.remote.loadViewState();
    });
    const open = vi.spyOn(indexedDB, 'open');
    privateContext(true);
    const view = await context();
    sent.length = 0;

    await view.remote.recordProgress('c1', PACK_ID, completed);
    expect(sent).toEqual(['recordChange', 'storeChanged']);
    expect((await bg.store.readSnapshot()).progress.c1?.[PACK_ID]?.tracks.heroes?.milestones.m).toEqual({ completedAt: NOW, objectives: {} });
    expect(announced).toEqual([{ what: 'progress', packId: PACK_ID }]);
    expect(liveProgress(otherState)?.completedAt).toBe(NOW);
    expect(await badgeColour()).toEqual(rgba(BADGE_COLOURS.green));

    await view.remote.recordFollowedTrack('c1', PACK_ID, 'villains');
    expect((await bg.store.readSnapshot()).commanders.list[0]!.tracks[PACK_ID]).toBe('villains');
    expect(announced).toEqual([{ what: 'progress', packId: PACK_ID }, { what: 'commanders' }]);
    expect(otherState.packs[0]?.followedTrackId).toBe('villains');
    // The followed milestone is now days ahead: grey, counting down to its start.
    expect(await badgeColour()).toEqual(rgba(BADGE_COLOURS.grey));

    expect(liveProgress(await view.remote.loadViewState())?.completedAt).toBe(NOW);
    expect(open).not.toHaveBeenCalled();
  });

  it('gets the refusal, and records nothing, when the background cannot open IndexedDB either', async () => {
    // Firefox that never remembers history: every context, the background too, is private.
    vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.spyOn(indexedDB, 'open').mockImplementation(() => {
      throw refusal();
    });
    privateContext(true);
    const bg = await context();
    await bg.background.startBackground(() => Date.now()).ready;
    const view = await context();

    const expected = { name: 'InvalidStateError', message: refusal().message };
    await expect(view.remote.loadViewState()).rejects.toMatchObject(expected);
    await expect(view.remote.recordProgress('c1', PACK_ID, completed)).rejects.toMatchObject(expected);
    expect(sent).toEqual(['readStore', 'recordChange']);
  });
});

describe("the background's side", () => {
  it('runs afterWrite once the write is stored, since its own announcement never reaches it', async () => {
    const bg = await context();
    const stored: unknown[] = [];
    bg.serve.serveViews(Promise.resolve(), async () => stored.push((await bg.store.readSnapshot()).progress.c1?.[PACK_ID]));
    privateContext(true);
    const view = await context();

    await view.remote.recordProgress('c1', PACK_ID, completed);
    expect(stored).toEqual([{ tracks: { heroes: { milestones: { m: { completedAt: NOW, objectives: {} } } } } }]);
  });

  it('answers only once migrations are done', async () => {
    const bg = await context();
    let migrated!: () => void;
    bg.serve.serveViews(new Promise<void>((resolve) => (migrated = resolve)), () => {});
    privateContext(true);
    const view = await context();

    let answered = false;
    const reading = view.remote.loadViewState().then(() => (answered = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(answered).toBe(false);
    migrated();
    await reading;
    expect(answered).toBe(true);
  });
});

describe('a view in a normal window', () => {
  it('reads and writes its own store, with no message but the announcement', async () => {
    const bg = await startBackground();
    const view = await context();
    sent.length = 0;

    expect((await view.remote.loadViewState()).packs.map((p) => p.pack.id)).toEqual([PACK_ID]);
    expect(sent).toEqual([]);
    const { announced } = await view.remote.recordProgress('c1', PACK_ID, completed);
    // Stored once the write resolves, so the view re-reads it at once; the announcement follows.
    expect(liveProgress(await bg.tracker.loadTrackerState())?.completedAt).toBe(NOW);
    await announced;
    expect(sent).toEqual(['storeChanged']);
  });

  it('falls back to the background when its own IndexedDB refuses to open, and stays there', async () => {
    const bg = await startBackground();
    const open = vi.spyOn(indexedDB, 'open').mockImplementation(() => {
      throw refusal();
    });
    const view = await context();
    sent.length = 0;

    expect((await view.remote.loadViewState()).packs.map((p) => p.pack.id)).toEqual([PACK_ID]);
    expect(open).toHaveBeenCalledTimes(1);
    expect(sent).toEqual(['readStore']);
    await view.remote.recordProgress('c1', PACK_ID, completed);
    expect(open).toHaveBeenCalledTimes(1);
    expect(sent).toEqual(['readStore', 'recordChange', 'storeChanged']);
    expect(liveProgress(await bg.tracker.loadTrackerState())?.completedAt).toBe(NOW);
  });

  it('reports its own refusal when the background cannot read the store either', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.spyOn(indexedDB, 'open').mockImplementation(() => {
      throw refusal();
    });
    const bg = await context();
    await bg.background.startBackground(() => Date.now()).ready;
    const view = await context();

    await expect(view.remote.loadViewState()).rejects.toBeInstanceOf(DOMException);
    await expect(view.remote.loadViewState()).rejects.toMatchObject({ name: 'InvalidStateError' });
  });
});
