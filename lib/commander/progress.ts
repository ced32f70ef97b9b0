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
