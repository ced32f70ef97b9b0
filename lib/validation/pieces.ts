// The pieces the pack and backup schemas are built from. Each rule is written once here: its check, the
// words a player reads when it fails, and what the published JSON Schema says about it.
// The factories are marked free of side effects, so that a bundle that imports a reader's module without
// reading anything (the popup, through lib/storage/writes.ts) drops the schemas, as it drops valibot's.
import * as v from 'valibot';
import { isInstantWithoutOffset, parseDailyReset, parsePackTime } from '../schedule/pack-time';

export const NOT_AN_OBJECT = 'not an object';
export const NOT_A_STRING = 'not a string';
export const NOT_AN_INTEGER = 'not an integer';
export const BAD_ID = 'not a valid id (a–z, 0–9 and -, at most 64)';

/** Pack, track, milestone and objective ids, and the keys of a backup's records. */
export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

export const string = v.string(NOT_A_STRING);

export const boolean = v.boolean('not true or false');

/** An integer; `-0` becomes `0` here, the one place, so that stored numbers compare and serialise alike. */
export const integer = v.pipe(
  v.number(NOT_AN_INTEGER),
  v.integer(NOT_AN_INTEGER),
  v.transform((n: number) => (n === 0 ? 0 : n)),
);

/** An integer from `min` to `max`, both included. */
/* @__NO_SIDE_EFFECTS__ */
export function integerIn(min: number, max: number) {
  const range = `must be ${min}–${max}`;
  return v.pipe(integer, v.minValue(min, range), v.maxValue(max, range));
}

/**
 * `schema` with a shortcut: a value that `isCertainlyValid` vouches for passes as it is, without a run
 * through the pipe. That is a third of the time of a large pack. Every other value, and so every refusal
 * and its message, goes through `schema`, which alone says what is valid (and what the JSON Schema says).
 */
/* @__NO_SIDE_EFFECTS__ */
function withShortcut<TSchema extends v.GenericSchema>(schema: TSchema, isCertainlyValid: (value: unknown) => boolean): TSchema {
  const run = schema['~run'];
  return {
    ...schema,
    '~run': (dataset: v.UnknownDataset, config: v.Config<v.BaseIssue<unknown>>) => {
      if (!isCertainlyValid(dataset.value)) return run.call(schema, dataset, config);
      (dataset as { typed: boolean }).typed = true;
      return dataset;
    },
  } as TSchema;
}

export const slug = withShortcut(
  v.pipe(v.string(NOT_A_STRING), v.regex(SLUG_PATTERN, BAD_ID)),
  (value) => typeof value === 'string' && SLUG_PATTERN.test(value),
);

// What text must hold: a character a player can see. Whitespace, format characters (zero-width spaces
// and joiners, bidirectional marks), other default-ignorable code points and combining marks alone show
// nothing. Lone surrogates are not text at all; control characters are not text a player reads, except
// line feeds and tabs where text has lines (notes).
const VISIBLE = /[^\s\p{Cc}\p{Cf}\p{Cs}\p{M}\p{Default_Ignorable_Code_Point}]/u;
const LONE_SURROGATE = /\p{Cs}/u;
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const CONTROL_IN_LINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
/** Anything that needs a closer look than "printable ASCII first": controls, surrogates, C1. */
const NOT_PLAIN = /[\u0000-\u001f\u007f-\u009f\ud800-\udfff]/;

const codePoint = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

export interface TextOptions {
  /** Text with lines (notes): line feeds and tabs are allowed. */
  lines?: boolean;
}

/**
 * Plain text of 1–`max` characters, counted as Unicode code points (as JSON Schema counts them), with at
 * least one visible character, no lone surrogate and no control character (but line feeds and tabs in
 * text with `lines`).
 */
/* @__NO_SIDE_EFFECTS__ */
export function text(max: number, { lines = false }: TextOptions = {}) {
  const length = `must be 1–${max} characters`;
  const control = lines ? CONTROL_IN_LINES : CONTROL;
  const checked = v.pipe(
    string,
    v.minLength(1, length),
    // A code point takes one or two UTF-16 units, so a longer text is refused before any counting.
    v.maxLength(2 * max, length),
    v.maxCodePoints(max, length),
    v.regex(VISIBLE, 'must contain a visible character (not only spaces or invisible characters)'),
    v.check((s: string) => !LONE_SURROGATE.test(s), 'contains a lone surrogate (half of a character), not text'),
    v.check(
      (s: string) => !control.test(s),
      (issue) => `contains the control character ${codePoint(String(issue.input).match(control)![0])}`,
    ),
  );
  // No more units than `max` means no more code points; a printable ASCII first character is visible.
  return withShortcut(checked, (value) => {
    if (typeof value !== 'string' || value.length === 0 || value.length > max) return false;
    const first = value.charCodeAt(0);
    return first > 0x20 && first < 0x7f && !NOT_PLAIN.test(value);
  });
}

/** The shape of a pack time for editors; the check after it refuses what only a calendar knows (30 February). */
// Offsets run from −12:00 to +14:00, as real time zones do (lib/schedule/pack-time.ts checks the same).
const PACK_TIME_SHAPE =
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,3})?)?(Z|\+(0\d|1[0-3]):[0-5]\d|\+14:00|-(0\d|1[01]):[0-5]\d|-12:00))?$/;

const packTimeProblem = (issue: { input: unknown }) =>
  typeof issue.input === 'string' && isInstantWithoutOffset(issue.input) ? 'instant without an offset' : 'not a date';

/** `YYYY-MM-DD` (the daily reset on that date) or an ISO 8601 instant with a mandatory offset. */
export const packTime = v.pipe(
  string,
  v.regex(PACK_TIME_SHAPE, packTimeProblem),
  v.check((s: string) => parsePackTime(s) !== undefined, packTimeProblem),
  v.description('A date YYYY-MM-DD (the daily reset on that date) or an ISO 8601 instant with an offset, e.g. 2023-11-13T11:00Z.'),
);

const DAILY_RESET_SHAPE = /^([01]\d|2[0-3]):[0-5]\d(Z|\+(0\d|1[0-3]):[0-5]\d|\+14:00|-(0\d|1[01]):[0-5]\d|-12:00)$/;
const NOT_A_DAILY_RESET = 'not a daily reset like 00:00Z or 05:00+02:00';

/** `HH:MM` then `Z` or an offset such as `+02:00`. */
export const dailyReset = v.pipe(
  string,
  v.regex(DAILY_RESET_SHAPE, NOT_A_DAILY_RESET),
  v.check((s: string) => parseDailyReset(s) !== undefined, NOT_A_DAILY_RESET),
  v.description('HH:MM followed by Z or an offset like +02:00.'),
);

// ---------------------------------------------------------------------------------------------
// Objects, lists and records.

type Fields = Record<string, unknown>;

const isFieldsObject = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);

const fieldProblem = (issue: { expected: string | null }) => (issue.expected === 'never' ? 'unknown field' : 'missing');

/**
 * valibot's strictObject: exactly these fields, checked in the order given, unknown fields refused after
 * them. Arrays are not objects here, and only own fields with a value count: inherited ones (prototype
 * tricks) and `undefined` are as if absent, as JSON has neither.
 *
 * An ordinary object (plain, no unknown or missing field: nearly all) is read here in one pass over its
 * keys and one over its fields, which is less than half the time of strictObject's run on a large pack;
 * the fields' own schemas do all the checking. Anything else goes to strictObject itself, which reports
 * the first problem in its words.
 */
/* @__NO_SIDE_EFFECTS__ */
export function fields<const TEntries extends v.ObjectEntries>(entries: TEntries) {
  const strict = v.strictObject(entries, fieldProblem);
  const notAnObject = v.custom<Fields>(isFieldsObject, NOT_AN_OBJECT);
  const keys = Object.keys(entries);
  const known = new Set(keys);
  const schemas = keys.map((key) => entries[key]!);
  const optional = schemas.map((schema) => schema.type === 'optional');
  type Run = (typeof strict)['~run'];
  const run: Run = (dataset, config) => {
    const input = dataset.value;
    if (!isFieldsObject(input)) return notAnObject['~run'](dataset, config) as ReturnType<Run>;
    const proto: unknown = Object.getPrototypeOf(input);
    // Plain: JSON-like, as JSON.parse makes it; ordinary: also nothing but known fields.
    let plain = proto === Object.prototype || proto === null;
    let ordinary = config.abortEarly === true;
    for (const key in input) {
      if (input[key] === undefined) plain = false;
      else if (!known.has(key)) ordinary = false;
    }
    if (!plain) dataset.value = ownDefinedFields(input);
    if (!ordinary || !plain) return strict['~run'](dataset, config);
    const output: Fields = {};
    // One dataset for all fields, as nothing keeps it: a large pack makes far less garbage.
    const field = { value: undefined as unknown, typed: false, issues: undefined as v.BaseIssue<unknown>[] | undefined };
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      const value = input[key];
      if (value === undefined) {
        if (optional[i]) continue;
        return strict['~run'](dataset, config); // says which field is missing
      }
      field.value = value;
      const read = schemas[i]!['~run'](field as v.UnknownDataset, config);
      if (read.issues) {
        return failedAt(dataset, output, read.issues, { type: 'object', origin: 'value', input, key, value }) as ReturnType<Run>;
      }
      output[key] = read.value;
      field.typed = false;
    }
    const done = dataset as { typed: boolean; value: unknown };
    done.typed = true;
    done.value = output;
    return done as ReturnType<Run>;
  };
  return { ...strict, '~run': run };
}

/** Marks `dataset` failed with the issues of the part at `here`; as valibot's own objects do, the path grows from the inside out. */
function failedAt(dataset: unknown, output: unknown, issues: v.BaseIssue<unknown>[], here: v.IssuePathItem): unknown {
  for (const issue of issues) {
    if (issue.path) issue.path.unshift(here);
    else (issue as { path?: v.IssuePathItem[] }).path = [here];
  }
  const failed = dataset as { typed: boolean; value: unknown; issues?: unknown };
  failed.typed = false;
  failed.value = output;
  failed.issues = issues;
  return failed;
}

/** The own fields of `o` that have a value, on a bare object (so a `__proto__` key stays a plain key). */
function ownDefinedFields(o: Fields): Fields {
  const copy: Fields = Object.create(null);
  for (const key of Object.keys(o)) {
    const value = o[key];
    if (value !== undefined) copy[key] = value;
  }
  return copy;
}

/** valibot's array, reading its items with one dataset, as fields() does (that is a tenth of a large pack). */
/* @__NO_SIDE_EFFECTS__ */
function array<TItem extends v.GenericSchema>(item: TItem) {
  const checked = v.array(item, 'not an array');
  type Run = (typeof checked)['~run'];
  const run: Run = (dataset, config) => {
    const input = dataset.value;
    if (!Array.isArray(input) || config.abortEarly !== true) return checked['~run'](dataset, config);
    const output: unknown[] = [];
    const entry = { value: undefined as unknown, typed: false };
    for (let i = 0; i < input.length; i++) {
      const value: unknown = input[i];
      entry.value = value;
      const read = item['~run'](entry as v.UnknownDataset, config);
      if (read.issues) {
        return failedAt(dataset, output, read.issues, { type: 'array', origin: 'value', input, key: i, value }) as ReturnType<Run>;
      }
      output.push(read.value);
      entry.typed = false;
    }
    const done = dataset as { typed: boolean; value: unknown };
    done.typed = true;
    done.value = output;
    return done as ReturnType<Run>;
  };
  return { ...checked, '~run': run };
}

/** An array of `min`–`max` items. */
/* @__NO_SIDE_EFFECTS__ */
export function list<TItem extends v.GenericSchema>(item: TItem, min: number, max: number) {
  const checked = array(item);
  if (min === 0) return v.pipe(checked, v.maxLength(max, `at most ${max} items`));
  const count = `must have ${min}–${max} items`;
  return v.pipe(checked, v.minLength(min, count), v.maxLength(max, count));
}

/** The path items of `keys` under `root`, for a check that refuses something deeper than the value it checks. */
export function pathTo(root: unknown, keys: readonly (string | number)[]): [v.IssuePathItem, ...v.IssuePathItem[]] | undefined {
  const path: v.IssuePathItem[] = [];
  let input = root;
  for (const key of keys) {
    const value = (input as Fields)[key as string];
    path.push(
      typeof key === 'number'
        ? { type: 'array', origin: 'value', input: input as unknown[], key, value }
        : { type: 'object', origin: 'value', input: input as Fields, key, value },
    );
    input = value;
  }
  return path.length > 0 ? (path as [v.IssuePathItem, ...v.IssuePathItem[]]) : undefined;
}

/** Refuses the second item of a list whose `id` an earlier item already has, naming that id. */
/* @__NO_SIDE_EFFECTS__ */
export function uniqueIds<TItem extends { id: string }>() {
  return v.rawCheck<TItem[]>(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const items = dataset.value;
    const seen = new Set<string>();
    for (let i = 0; i < items.length; i++) {
      const id = items[i]!.id;
      if (seen.has(id)) return addIssue({ message: `duplicate id ${JSON.stringify(id)}`, path: pathTo(items, [i, 'id']) });
      seen.add(id);
    }
  });
}

export interface IdRecordOptions {
  /** At most this many entries. */
  max: number;
  /** Why a key that is a valid id is still refused here, if it is. */
  refuseKey?: (key: string) => string | undefined;
}

/**
 * An object keyed by ids, each value read by `item`. Not valibot's record(), which skips the keys
 * `constructor` and `prototype`: both are valid ids, and skipping them would lose what they hold.
 */
/* @__NO_SIDE_EFFECTS__ */
export function idRecord<TItem extends v.GenericSchema>(item: TItem, { max, refuseKey }: IdRecordOptions) {
  return v.pipe(
    v.custom<Fields>(isFieldsObject, NOT_AN_OBJECT),
    v.rawTransform(({ dataset, config, addIssue, NEVER }) => {
      const input = dataset.value;
      const out: Record<string, v.InferOutput<TItem>> = {};
      let count = 0;
      for (const key in input) {
        if (!Object.prototype.hasOwnProperty.call(input, key)) continue;
        const value = input[key];
        const here: v.IssuePathItem = { type: 'object', origin: 'value', input, key, value };
        // Ids also rule out `__proto__`, so the assignment below always makes an own property.
        const refusal = SLUG_PATTERN.test(key) ? refuseKey?.(key) : BAD_ID;
        if (refusal !== undefined) {
          addIssue({ message: refusal, path: [{ ...here, origin: 'key' }] });
          return NEVER;
        }
        if (++count > max) {
          addIssue({ message: `at most ${max} entries` });
          return NEVER;
        }
        const read = v.safeParse(item, value, { abortEarly: config.abortEarly });
        if (!read.success) {
          const [first] = read.issues;
          addIssue({ message: first.message, path: [here, ...(first.path ?? [])] });
          return NEVER;
        }
        out[key] = read.output;
      }
      return out;
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// Size.

/** True when the UTF-8 encoding of `s` is longer than `limit` bytes; counts only when the length leaves it open. */
export function exceedsUtf8Bytes(s: string, limit: number): boolean {
  // Each UTF-16 unit takes 1–3 bytes (a surrogate pair 4 for 2), so most texts need no counting.
  if (s.length > limit) return true;
  if (s.length * 3 <= limit) return false;
  let bytes = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes > limit;
}
