// Reading a document from outside (a pack, a backup) with its valibot schema: the size limit before
// JSON.parse, then the first problem only, with its path. Never throws.
import * as v from 'valibot';
import { findDuplicateKey } from './duplicate-keys';
import { exceedsUtf8Bytes } from './pieces';
import { problemAt, type KeyedProblem, type PathKey, type ReadResult } from './problem';

/** The first problem is the one users see; stopping there also keeps a hostile document cheap. */
const FIRST_PROBLEM_ONLY = { abortEarly: true } as const;

/** Validates `input`, given as JSON text of at most `maxBytes` UTF-8 bytes or as an already-parsed value. */
export function readDocument<TSchema extends v.GenericSchema>(
  schema: TSchema,
  input: unknown,
  maxBytes: number,
): ReadResult<v.InferOutput<TSchema>, KeyedProblem> {
  try {
    let value = input;
    if (typeof input === 'string') {
      if (exceedsUtf8Bytes(input, maxBytes)) return refused([], `larger than ${maxBytes / (1024 * 1024)} MiB`);
      const parsed = parseJson(input);
      if (!parsed.ok) return parsed;
      value = parsed.value;
    }
    const read = v.safeParse(schema, value, FIRST_PROBLEM_ONLY);
    if (read.success) return { ok: true, value: read.output };
    const [first] = read.issues;
    return refused(first.path?.map((item) => item.key as PathKey) ?? [], first.message);
  } catch {
    // Only hostile parsed values get here (throwing getters, proxies); JSON text never does.
    return refused([], 'could not be read');
  }
}

/**
 * JSON text as a value, refusing what JSON.parse lets through silently: a key twice in one object. Callers
 * check the size first. Never throws.
 */
export function parseJson(text: string): ReadResult<unknown, KeyedProblem> {
  // A leading byte order mark is common in saved files and harmless.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    return refused([], jsonProblem(error));
  }
  const duplicate = findDuplicateKey(body);
  if (duplicate) return refused(duplicate.keys, `the key ${JSON.stringify(duplicate.key)} appears twice in this object`);
  return { ok: true, value };
}

function refused(keys: PathKey[], message: string): { ok: false; problem: KeyedProblem } {
  return { ok: false, problem: problemAt(keys, message) };
}

function jsonProblem(error: unknown): string {
  const reason = error instanceof Error ? error.message : '';
  if (!reason) return 'not valid JSON';
  const short = reason.length > 120 ? `${reason.slice(0, 119)}…` : reason;
  return `not valid JSON (${short})`;
}
