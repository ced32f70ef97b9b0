// The changes a Commander makes to a pack's progress, and the reducer that applies them inside a write.
// Apart from progress.ts (what views read) so that a view's first paint loads no write code.
import { own, type MilestoneProgress, type PackProgress, type TrackProgress } from './progress';

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
