// Reads an event pack (docs/pack-format.md, version 1) from JSON text or a parsed value, with one valibot
// schema: the same schema is published as docs/pack.schema.json (scripts/json-schemas.ts). The result is
// a fresh Pack of known fields only, so callers never keep a reference to the input.
import * as v from 'valibot';
import type { Pack } from './types';
import { DEFAULT_DAILY_RESET } from '../schedule/pack-time';
import { invertedPeriod } from '../schedule/periods';
import { readDocument } from '../validation/document';
import { dailyReset, fields, integer, integerIn, list, packTime, pathTo, slug, string, text, uniqueIds } from '../validation/pieces';
import { withoutKeys, type KeyedProblem, type ReadResult } from '../validation/problem';

import { MAX_PACK_BYTES } from '../storage/limits';

export { MAX_PACK_BYTES } from '../storage/limits';

export { describeProblem, type KeyedProblem, type ReadProblem, type ReadResult } from '../validation/problem';

export const PACK_FORMAT = 'stfc-milestone-pack';

// The limits of pack-format.md. Within an object the required fields are checked first, then the optional
// ones, each in the order of the format's table, and unknown fields after them; rules across fields (unique
// ids, start < end) once the shape is right. The result's fields come in that same order, as they always
// have, so a pack that went through a backup and back is stored byte for byte as it was.
const NAME = text(120);
const ROLE = text(40);
const NOTES = text(1000, { lines: true });
const OBJECTIVE_TEXT = text(300);
const TEXT_ITEMS = list(text(300), 0, 20);
const REWARDS = list(text(300), 0, 30);
const CHECKED_BY_THE_EXTENSION = '(the extension checks this; JSON Schema cannot say it)';

const PERIOD_END = v.pipe(
  packTime,
  v.description(`A pack time like start, and after start once dates are resolved at the daily reset ${CHECKED_BY_THE_EXTENSION}.`),
);

const objective = fields({
  id: slug,
  text: OBJECTIVE_TEXT,
});

const milestone = fields({
  id: slug,
  name: NAME,
  points: integerIn(0, 100_000),
  start: packTime,
  end: PERIOD_END,
  objectives: v.pipe(
    list(objective, 0, 20),
    uniqueIds(),
    v.description(`Empty means "not published". Objective ids are unique in the milestone ${CHECKED_BY_THE_EXTENSION}.`),
  ),
  rewards: v.optional(v.pipe(REWARDS, v.description('Absent means "not published".'))),
  notes: v.optional(NOTES),
});

const serverEvent = fields({
  name: NAME,
  start: packTime,
  end: PERIOD_END,
  goal: integerIn(1, 1_000_000_000),
  rewards: v.optional(REWARDS),
});

const soloEvent = fields({
  name: NAME,
  rewards: v.optional(REWARDS),
});

const track = fields({
  id: slug,
  name: NAME,
  milestones: v.pipe(list(milestone, 1, 400), uniqueIds(), v.description(`Milestone ids are unique in the track ${CHECKED_BY_THE_EXTENSION}.`)),
  role: v.optional(ROLE),
  server: v.optional(v.pipe(serverEvent, v.description('The server-wide event (IMS).'))),
  solo: v.optional(v.pipe(soloEvent, v.description('The solo event (SMS).'))),
  notes: v.optional(NOTES),
});

type PackFields = Omit<Pack, 'format' | 'version'> & { format: string; version: number; $schema?: string };

/**
 * A period ends after it starts, dates resolved at the pack's daily reset: a rule of the whole pack, since
 * the reset is. The refusal names the milestone, as a player looks for it by name.
 */
const periodsEndAfterStart = v.rawCheck<PackFields>(({ dataset, addIssue }) => {
  if (!dataset.typed) return;
  const pack = dataset.value;
  const reset = pack.dailyReset ?? DEFAULT_DAILY_RESET;
  const inverted = invertedPeriod(pack, reset);
  if (inverted) addIssue({ message: `must end after start (${inverted.what} ends before it starts at the daily reset ${reset})`, path: pathTo(pack, inverted.keys) });
});

/** The event pack, version 1. Exported for the JSON Schema; read documents with readPack. */
export const packSchema = v.pipe(
  fields({
    $schema: v.optional(
      v.pipe(text(2000), v.description('Where this JSON Schema is, for editors. The extension ignores it and does not store it.')),
    ),
    format: v.pipe(string, v.value(PACK_FORMAT, `must be exactly ${PACK_FORMAT}`)),
    version: v.pipe(integer, v.maxValue(1, 'made by a newer version'), v.minValue(1, 'unsupported version')),
    id: slug,
    title: NAME,
    tracks: v.pipe(list(track, 1, 8), uniqueIds(), v.description(`Track ids are unique in the pack ${CHECKED_BY_THE_EXTENSION}.`)),
    dailyReset: v.optional(v.pipe(dailyReset, v.description('The reset time that date-only times use when the user has set none.'))),
    requirements: v.optional(TEXT_ITEMS),
    sources: v.optional(TEXT_ITEMS),
    notes: v.optional(NOTES),
  }),
  periodsEndAfterStart,
  // `$schema` is about the file, not the arc: a stored pack never has it, so export never writes it.
  v.transform(({ $schema: _, ...pack }: PackFields) => pack as Pack),
  v.title('STFC Milestone Tracker event pack, version 1'),
  v.description('One event arc for the STFC Milestone Tracker browser extension. See docs/pack-format.md.'),
);

/** Validates a pack given as JSON text or as an already-parsed value. Never throws. */
export function readPack(input: unknown): ReadResult<Pack> {
  return withoutKeys(readPackKeyed(input));
}

/** readPack, with the problem's path also as keys, for the pack form. */
export function readPackKeyed(input: unknown): ReadResult<Pack, KeyedProblem> {
  return readDocument(packSchema, input, MAX_PACK_BYTES);
}
