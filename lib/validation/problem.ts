// What the pack reader and the backup reader share: how a refusal is reported and how its path is written.

/** One step of a path: a field name or an array index. */
export type PathKey = string | number;

export interface ReadProblem {
  /** Where the first problem is, e.g. `tracks[0].milestones[3].end`; empty for the document as a whole. */
  path: string;
  /** What is wrong, e.g. `not a date`. */
  message: string;
}

/** A problem with its path also as keys (`['tracks', 0, 'milestones', 3, 'end']`), for forms that point at their own inputs. */
export interface KeyedProblem extends ReadProblem {
  keys: readonly PathKey[];
}

export type ReadResult<T, P extends ReadProblem = ReadProblem> = { ok: true; value: T } | { ok: false; problem: P };

/** `tracks[0].milestones[3].end: not a date`, or just the message for the whole document. */
export function describeProblem(problem: ReadProblem): string {
  return problem.path ? `${problem.path}: ${problem.message}` : problem.message;
}

/** `base.key` or `base[index]`; keys that are not plain names are quoted, and shortened when very long. */
export function joinPath(base: string, key: PathKey): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  if (/^[A-Za-z_][\w-]{0,39}$/.test(key)) return base ? `${base}.${key}` : key;
  const short = key.length > 40 ? `${[...key.slice(0, 41)].slice(0, 40).join('')}…` : key;
  return `${base}[${JSON.stringify(short)}]`;
}

/** The problem at `keys`, its path written out. */
export function problemAt(keys: readonly PathKey[], message: string): KeyedProblem {
  return { path: keys.reduce<string>(joinPath, ''), message, keys };
}

/** The problem as users see it, without the keys. */
export function withoutKeys<T>(read: ReadResult<T, KeyedProblem>): ReadResult<T> {
  return read.ok ? read : { ok: false, problem: { path: read.problem.path, message: read.problem.message } };
}
