// A view whose own IndexedDB is unavailable reads and writes through the background instead: Firefox
// refuses IndexedDB to every extension page that runs private (the popup and sidebar of a private
// window), while the background, which is not private, keeps it. The only module that knows this.
// The background answers (lib/storage/serve-views.ts) with the same lib functions a view uses, so every write is still one
// transaction followed by an announcement, and the other views and the badge follow as usual.
import { isPrivateView } from '../pages/private-view-adapter';
import type { ProgressChange } from '../commander/progress-change';
import { type Recording } from './changes';
import type { DailyReset } from '../schedule/daily-reset';
import { type TrackerState } from '../views/tracker-state';
import { loadTrackerState, trackerStateWithBuiltin } from './load';
import { StoreDamaged } from './damage';

let live: Promise<typeof import('./live')> | undefined;

/** The view's live layer (lib/storage/live.ts), loaded on first use: a view's first paint waits for none of it. */
export const viewLive = () => (live ??= import('./live'));

/** Whether this view goes through the background; decided on first use. */
let remote: boolean | undefined;

/**
 * A private view goes through the background from the start, without trying its own store: Firefox
 * refuses it there, and a browser that allowed it would keep the data only until the window closes.
 * A normal view reads its own store, with no extra round trip.
 */
const viaBackground = () => (remote ??= isPrivateView());

async function readThroughBackground(): Promise<TrackerState> {
  const { snapshot, packs } = await (await viewLive()).askBackground.readStore();
  return trackerStateWithBuiltin(snapshot, packs);
}

/** The view's state; rejects with the refusal when neither the view nor the background can read the store. */
export async function loadViewState(): Promise<TrackerState> {
  if (viaBackground()) return readThroughBackground();
  try {
    return await loadTrackerState();
  } catch (refused) {
    // The store opened but holds what this version cannot read: the background would find the same.
    if (refused instanceof StoreDamaged) throw refused;
    // The view's own store failed where it should work: use the background's if that one works.
    const state = await readThroughBackground().catch(() => Promise.reject(refused));
    remote = true;
    return state;
  }
}

/** What a view's write gives back once it is stored: the announcement to the other contexts, still under way. */
export interface Recorded {
  announced: Promise<void>;
}

/**
 * Records a view's write in the view's own store, or has the background record it; resolves once it is
 * stored, so the view can show it at once, with the other views and the badge catching up meanwhile.
 */
export async function recordFromView(recording: Recording): Promise<Recorded> {
  const { announceChange, askBackground, storeRecording } = await viewLive();
  if (viaBackground()) {
    // The background records and announces before it answers.
    await askBackground.recordChange(recording);
    return { announced: Promise.resolve() };
  }
  return { announced: announceChange(await storeRecording(recording)) };
}

export const recordProgress = (commanderId: string, packId: string, change: ProgressChange) =>
  recordFromView({ what: 'progress', commanderId, packId, change });

export const recordFollowedTrack = (commanderId: string, packId: string, trackId: string) =>
  recordFromView({ what: 'follow', commanderId, packId, trackId });

/** Switches the Commander every view shows. */
export const recordActiveCommander = (commanderId: string) => recordFromView({ what: 'activeCommander', commanderId });

/** A Commander's daily reset (the first-run question's answer). */
export const recordCommanderReset = (commanderId: string, reset: DailyReset) => recordFromView({ what: 'reset', commanderId, reset });
