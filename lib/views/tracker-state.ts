// Everything a view or the background needs, from one snapshot read plus the packs it shows.
import { BUILTIN_PACK_ID } from '../packs/builtin';
import type { Pack } from '../packs/types';
import { emptyPackProgress, type PackProgress } from '../commander/progress';
import { scheduleTrack, trackProgress, type FollowedTrack, type TrackSchedule } from '../schedule/schedule';
import { packSettings } from '../commander/settings';
import { activeCommander, commanderById, followedTrackOf, type Commander } from '../commander/commanders';
import { progressFor, type Snapshot, type SnapshotHead } from '../storage/stored-data';

export interface PackState {
  pack: Pack;
  builtin: boolean;
  followedTrackId: string | undefined;
  /**
   * The followed track, resolved with the reset in force; undefined until the Commander follows one.
   * Only this track is resolved: no view or badge shows another, and a pack can have 8 × 400 milestones.
   */
  schedule?: TrackSchedule;
  progress: PackProgress;
}

export interface TrackerState {
  snapshot: Snapshot;
  /** The Commander whose tracks and progress `packs` hold: the active one. */
  commanderId: string;
  /** Visible packs: the built-in one unless hidden, then imported ones by import time. */
  packs: PackState[];
}

export function packState(pack: Pack, builtin: boolean, snapshot: Snapshot, commanderId = activeCommander(snapshot.commanders).id): PackState {
  const settings = packSettings(snapshot.settings, pack.id);
  const commander = commanderById(snapshot.commanders, commanderId);
  const followedId = followedTrackOf(commander, pack.id);
  const followed = pack.tracks.find((t) => t.id === followedId);
  return {
    pack,
    builtin,
    followedTrackId: followed?.id,
    // The Commander's own reset first (their server's), else the pack's setting, the pack's, 00:00 UTC.
    ...(followed ? { schedule: scheduleTrack(pack, followed, settings.dailyReset, commander?.reset) } : {}),
    progress: progressFor(snapshot, commanderId, pack.id) ?? emptyPackProgress(),
  };
}

/**
 * Builds the state from a snapshot, the imported packs already read and the built-in pack (needed
 * only when the snapshot does not hide it); pure, for tests and benchmarks.
 */
export function trackerState(
  snapshot: Snapshot,
  imported: Array<Pack | undefined>,
  builtin: Pack | undefined,
  commanderId = activeCommander(snapshot.commanders).id,
): TrackerState {
  const packs: PackState[] = [];
  if (builtin && !builtinHidden(snapshot)) packs.push(packState(builtin, true, snapshot, commanderId));
  for (const pack of imported) {
    if (pack && !packSettings(snapshot.settings, pack.id).hidden) packs.push(packState(pack, false, snapshot, commanderId));
  }
  return { snapshot, commanderId, packs };
}

/** The same packs seen by each Commander (the active one's state reused), for the badge and notifications. */
export function everyCommander(state: TrackerState): Array<{ commander: Commander; state: TrackerState }> {
  return state.snapshot.commanders.list.map((commander) => ({
    commander,
    state:
      commander.id === state.commanderId
        ? state
        : { snapshot: state.snapshot, commanderId: commander.id, packs: state.packs.map((entry) => packState(entry.pack, entry.builtin, state.snapshot, commander.id)) },
  }));
}

export const builtinHidden = (snapshot: SnapshotHead): boolean => packSettings(snapshot.settings, BUILTIN_PACK_ID).hidden === true;

/** Imported pack ids in import order. */
export function importedPackIds(snapshot: SnapshotHead): string[] {
  return Object.entries(snapshot.packIndex)
    .sort(([, a], [, b]) => a.importedAt - b.importedAt)
    .map(([id]) => id)
    .filter((id) => id !== BUILTIN_PACK_ID);
}

/** Imported packs the snapshot shows, in import order: the ones a view reads. */
export const visiblePackIds = (snapshot: SnapshotHead): string[] =>
  importedPackIds(snapshot).filter((id) => !packSettings(snapshot.settings, id).hidden);

/** The followed track of every visible pack, with its progress. */
export function followedTracks(state: TrackerState): FollowedTrack[] {
  const followed: FollowedTrack[] = [];
  for (const entry of state.packs) {
    const { schedule } = entry;
    if (schedule) followed.push({ schedule, progress: trackProgress(entry.progress, schedule.track.id) });
  }
  return followed;
}
