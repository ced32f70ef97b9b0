// Contract only; the implementation lands in the next commit.
import type { Pack } from './pack-types';

export const MAX_PACK_BYTES = 1024 * 1024;

export interface ReadProblem {
  /** Where the first problem is, e.g. `tracks[0].milestones[3].end`; empty for the document as a whole. */
  path: string;
  /** What is wrong, e.g. `not a date`. */
  message: string;
}

export type ReadResult<T> = { ok: true; value: T } | { ok: false; problem: ReadProblem };

/** `tracks[0].milestones[3].end: not a date`, or just the message for the whole document. */
export function describeProblem(problem: ReadProblem): string {
  return problem.path ? `${problem.path}: ${problem.message}` : problem.message;
}

/** Validates a pack given as JSON text or as an already-parsed value. Never throws. */
export function readPack(input: unknown): ReadResult<Pack> {
  void input;
  return { ok: false, problem: { path: '', message: 'not implemented' } };
}
