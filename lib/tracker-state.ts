// Everything a view or the background needs, from one snapshot read plus the packs it shows.
import { BUILTIN_PACK_ID, builtinPack } from './builtin-pack';
import type { Pack } from './pack-types';
import { emptyPackProgress, own, type PackProgress } from './progress';
import { scheduleTrack, trackProgress, type FollowedTrack, type TrackSchedule } from './schedule';
import { packSettings } from './settings';
import { extensionStore, readPacks, readSnapshot, type Snapshot } from './store';

export interface PackState {
  pack: Pack;
  builtin: boolean;
  /** Every track of the pack, resolved with the reset in force. */
  schedules: TrackSchedule[];
  followedTrackId: string | undefined;
  progress: PackProgress;
}

export interface TrackerState {
  snapshot: Snapshot;
  /** Visible packs: the built-in one unless hidden, then imported ones by import time. */
  packs: PackState[];
}

export function packState(pack: Pack, builtin: boolean, snapshot: Snapshot): PackState {
  const settings = packSettings(snapshot.settings, pack.id);
  const followed = pack.tracks.some((t) => t.id === settings.followedTrackId) ? settings.followedTrackId : undefined;
  return {
    pack,
    builtin,
    schedules: pack.tracks.map((track) => scheduleTrack(pack, track, settings.dailyReset)),
    followedTrackId: followed,
    progress: own(snapshot.progress, pack.id) ?? emptyPackProgress(),
  };
}

/** Builds the state from a snapshot and the imported packs already read; pure, for tests and benchmarks. */
export function trackerState(snapshot: Snapshot, imported: Array<Pack | undefined>): TrackerState {
  const packs: PackState[] = [];
  if (!packSettings(snapshot.settings, BUILTIN_PACK_ID).hidden) packs.push(packState(builtinPack(), true, snapshot));
  for (const pack of imported) {
    if (pack && !packSettings(snapshot.settings, pack.id).hidden) packs.push(packState(pack, false, snapshot));
  }
  return { snapshot, packs };
}

/** Imported pack ids in import order. */
export function importedPackIds(snapshot: Snapshot): string[] {
  return Object.entries(snapshot.packIndex)
    .sort(([, a], [, b]) => a.importedAt - b.importedAt)
    .map(([id]) => id)
    .filter((id) => id !== BUILTIN_PACK_ID);
}

export async function loadTrackerState(store = extensionStore()): Promise<TrackerState> {
  const snapshot = await readSnapshot(store);
  const visible = importedPackIds(snapshot).filter((id) => !packSettings(snapshot.settings, id).hidden);
  return trackerState(snapshot, await readPacks(visible, store));
}

/** The followed track of every visible pack, with its progress. */
export function followedTracks(state: TrackerState): FollowedTrack[] {
  const followed: FollowedTrack[] = [];
  for (const entry of state.packs) {
    const schedule = entry.schedules.find((s) => s.track.id === entry.followedTrackId);
    if (schedule) followed.push({ schedule, progress: trackProgress(entry.progress, schedule.track.id) });
  }
  return followed;
}
