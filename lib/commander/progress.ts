// What a Commander recorded for one pack, and pure reducers over it. Instants are epoch ms.

export interface MilestoneProgress {
  /** When the Commander marked the milestone completed; absent while not completed. */
  completedAt?: number;
  /** Objective id → when it was checked. Unchecking deletes the entry. */
  objectives: Record<string, number>;
}

export interface ServerPointsSeen {
  points: number;
  seenAt: number;
}

export interface TrackProgress {
  milestones: Record<string, MilestoneProgress>;
  /** The server's IMS points as the Commander last saw them in game. */
  server?: ServerPointsSeen;
}

export interface PackProgress {
  tracks: Record<string, TrackProgress>;
}

export const emptyPackProgress = (): PackProgress => ({ tracks: {} });

// Ids are slugs, and `constructor` is a valid slug: never read a record through the prototype chain.
export function own<T>(record: Record<string, T> | undefined, key: string): T | undefined {
  return record && Object.hasOwn(record, key) ? record[key] : undefined;
}

export function milestoneProgress(
  progress: TrackProgress | undefined,
  milestoneId: string,
): MilestoneProgress | undefined {
  return own(progress?.milestones, milestoneId);
}

export function isCompleted(progress: TrackProgress | undefined, milestoneId: string): boolean {
  return milestoneProgress(progress, milestoneId)?.completedAt !== undefined;
}

export function isObjectiveChecked(
  progress: TrackProgress | undefined,
  milestoneId: string,
  objectiveId: string,
): boolean {
  return own(milestoneProgress(progress, milestoneId)?.objectives, objectiveId) !== undefined;
}

/** A change a view asks for. Plain data, so it can travel in a message and be replayed inside update(). */
export type ProgressChange =
  | { kind: 'completed'; trackId: string; milestoneId: string; value: boolean; at: number }
  | { kind: 'objective'; trackId: string; milestoneId: string; objectiveId: string; value: boolean; at: number }
  | { kind: 'server-points'; trackId: string; points: number; at: number };

function withTrack(progress: PackProgress, trackId: string, change: (track: TrackProgress) => TrackProgress): PackProgress {
  const track = own(progress.tracks, trackId) ?? { milestones: {} };
  return { ...progress, tracks: { ...progress.tracks, [trackId]: change(track) } };
}

function withMilestone(
  track: TrackProgress,
  milestoneId: string,
  change: (milestone: MilestoneProgress) => MilestoneProgress,
): TrackProgress {
  const milestone = own(track.milestones, milestoneId) ?? { objectives: {} };
  return { ...track, milestones: { ...track.milestones, [milestoneId]: change(milestone) } };
}

/**
 * Applies one change. Setting a value that is already set keeps the original instant,
 * so replaying a change (two views, a retried message) never moves "completed at".
 */
export function applyProgressChange(progress: PackProgress, change: ProgressChange): PackProgress {
  switch (change.kind) {
    case 'completed':
      return withTrack(progress, change.trackId, (track) =>
        withMilestone(track, change.milestoneId, (milestone) => {
          const { completedAt, ...rest } = milestone;
          if (!change.value) return rest;
          return { ...rest, completedAt: completedAt ?? change.at };
        }),
      );
    case 'objective':
      return withTrack(progress, change.trackId, (track) =>
        withMilestone(track, change.milestoneId, (milestone) => {
          const objectives = { ...milestone.objectives };
          if (change.value) objectives[change.objectiveId] = own(objectives, change.objectiveId) ?? change.at;
          else delete objectives[change.objectiveId];
          return { ...milestone, objectives };
        }),
      );
    case 'server-points':
      return withTrack(progress, change.trackId, (track) => ({
        ...track,
        server: { points: change.points, seenAt: change.at },
      }));
  }
}
