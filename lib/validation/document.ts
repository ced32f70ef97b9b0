// Reading a document from outside (a pack, a backup) with its valibot schema: the size limit before
// JSON.parse, then the first problem only, with its path. Never throws.
import * as v from 'valibot';
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
      try {
        // A leading byte order mark is common in saved files and harmless.
        value = JSON.parse(input.charCodeAt(0) === 0xfeff ? input.slice(1) : input);
      } catch (error) {
        return refused([], jsonProblem(error));
      }
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

function refused(keys: PathKey[], message: string): { ok: false; problem: KeyedProblem } {
  return { ok: false, problem: problemAt(keys, message) };
}

function jsonProblem(error: unknown): string {
  const reason = error instanceof Error ? error.message : '';
  if (!reason) return 'not valid JSON';
  const short = reason.length > 120 ? `${reason.slice(0, 119)}…` : reason;
  return `not valid JSON (${short})`;
}
