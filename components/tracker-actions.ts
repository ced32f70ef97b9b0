import { recordPackSettings, recordProgress } from '@/lib/storage/remote-store';
import { storageErrorMessage } from './use-stored-state';

/** What a Commander can do in the popup and the side panel; each call records, then re-reads this view. */
export interface TrackerActions {
  followTrack(packId: string, trackId: string): Promise<void>;
  setObjective(packId: string, trackId: string, milestoneId: string, objectiveId: string, value: boolean): Promise<void>;
  setCompleted(packId: string, trackId: string, milestoneId: string, value: boolean): Promise<void>;
  setServerPoints(packId: string, trackId: string, points: number): Promise<void>;
}

/**
 * Actions that write through lib/record (which tells the other views) and then reload this view,
 * since a view does not receive its own announcement. A refused write is reported, never swallowed.
 */
export function trackerActions(
  reload: () => Promise<void>,
  onError: (message: string) => void,
  clock: () => number = Date.now,
): TrackerActions {
  const run = async (write: () => Promise<void>) => {
    const started = performance.now();
    try {
      await write();
      // How long a click takes to be stored (and announced): `npm run bench` reads it from the real build.
      performance.measure('click-stored', { start: started });
    } catch (cause) {
      onError(storageErrorMessage(cause));
    }
    await reload();
  };
  return {
    followTrack: (packId, trackId) => run(() => recordPackSettings(packId, { followedTrackId: trackId })),
    setObjective: (packId, trackId, milestoneId, objectiveId, value) =>
      run(() => recordProgress(packId, { kind: 'objective', trackId, milestoneId, objectiveId, value, at: clock() })),
    setCompleted: (packId, trackId, milestoneId, value) =>
      run(() => recordProgress(packId, { kind: 'completed', trackId, milestoneId, value, at: clock() })),
    setServerPoints: (packId, trackId, points) =>
      run(() => recordProgress(packId, { kind: 'server-points', trackId, points, at: clock() })),
  };
}
