import { recordActiveCommander, recordCommanderReset, recordFollowedTrack, recordProgress, viewLive, type Recorded } from '@/lib/storage/remote-store';
import type { DailyReset } from '@/lib/schedule/daily-reset';

/** What a Commander can do in the popup and the side panel; each call records, then re-reads this view. */
export interface TrackerActions {
  followTrack(packId: string, trackId: string): Promise<void>;
  setObjective(packId: string, trackId: string, milestoneId: string, objectiveId: string, value: boolean): Promise<void>;
  setCompleted(packId: string, trackId: string, milestoneId: string, value: boolean): Promise<void>;
  setServerPoints(packId: string, trackId: string, points: number): Promise<void>;
  /** Shows another Commander, in every view. */
  switchCommander(commanderId: string): Promise<void>;
  /** The shown Commander's daily reset (the first-run question's answer). */
  setReset(reset: DailyReset): Promise<void>;
}

/**
 * Actions that write through lib/storage/remote-store.ts and reload this view as soon as the write is
 * stored (a view does not receive its own announcement), while the other views and the badge catch up on
 * the announcement: a slow one never holds back the click's own view. A refused write is reported, never swallowed.
 * `commanderId` names the Commander the view shows now: its records are the ones a click changes.
 */
export function trackerActions(
  reload: () => Promise<void>,
  onError: (message: string) => void,
  commanderId: () => string | undefined,
  clock: () => number = Date.now,
): TrackerActions {
  const run = async (write: (commanderId: string) => Promise<Recorded>) => {
    const shown = commanderId();
    const started = performance.now();
    let recorded: Recorded | undefined;
    try {
      if (shown !== undefined) recorded = await write(shown);
    } catch (cause) {
      onError((await viewLive()).storageErrorMessage(cause));
    }
    const reloaded = reload();
    if (recorded) {
      await recorded.announced;
      // How long a click takes to be stored and announced: `npm run bench` reads it from the real build.
      performance.measure('click-stored', { start: started });
    }
    await reloaded;
  };
  return {
    followTrack: (packId, trackId) => run((id) => recordFollowedTrack(id, packId, trackId)),
    setObjective: (packId, trackId, milestoneId, objectiveId, value) =>
      run((id) => recordProgress(id, packId, { kind: 'objective', trackId, milestoneId, objectiveId, value, at: clock() })),
    setCompleted: (packId, trackId, milestoneId, value) =>
      run((id) => recordProgress(id, packId, { kind: 'completed', trackId, milestoneId, value, at: clock() })),
    setServerPoints: (packId, trackId, points) =>
      run((id) => recordProgress(id, packId, { kind: 'server-points', trackId, points, at: clock() })),
    switchCommander: (next) => run(() => recordActiveCommander(next)),
    setReset: (reset) => run((id) => recordCommanderReset(id, reset)),
  };
}
