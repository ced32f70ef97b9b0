// What the pack reader and the backup reader share: how a refusal is reported and how its path is written.

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

/** Thrown inside a reader to stop at the first problem; caught at the reader's boundary. */
export class Refusal {
  constructor(
    readonly path: string,
    readonly message: string,
  ) {}
}

export function refuse(path: string, message: string): never {
  throw new Refusal(path, message);
}

export function refused<T>(path: string, message: string): ReadResult<T> {
  return { ok: false, problem: { path, message } };
}

/** `base.key` or `base[index]`; keys that are not plain names are quoted, and shortened when very long. */
export function joinPath(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  if (/^[A-Za-z_][\w-]{0,39}$/.test(key)) return base ? `${base}.${key}` : key;
  const short = key.length > 40 ? `${[...key.slice(0, 41)].slice(0, 40).join('')}…` : key;
  return `${base}[${JSON.stringify(short)}]`;
}

/** An own property; inherited ones (prototype tricks) count as absent, and so does `undefined`. */
export function ownValue(o: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(o, key) ? o[key] : undefined;
}
