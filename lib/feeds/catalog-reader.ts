// Reads a catalogue of packs (docs/catalog-format.md, version 1): a title and a list of packs by id, title
// and address. One valibot schema is the rule book; its first issue becomes the refusal with its path.
import * as v from 'valibot';
import { parsePackTime } from '../schedule/pack-time';
import { refused, type ReadResult } from '../validation/problem';
import { checkFeedUrl, MAX_URL_LENGTH } from './feed-url';
import { problemOfIssue } from './issue-path';

export const CATALOG_FORMAT = 'stfc-milestone-catalog';
export const CATALOG_VERSION = 1;
export const MAX_CATALOG_BYTES = 256 * 1024;
export const MAX_CATALOG_PACKS = 200;

const text = (max: number) =>
  v.pipe(v.string('not text'), v.minLength(1, 'empty'), v.maxLength(max, `longer than ${max} characters`));

const SLUG = v.pipe(
  v.string('not text'),
  v.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'not a pack id (lowercase letters, digits and dashes, at most 64)'),
);

const DAY = v.pipe(
  v.string('not text'),
  v.regex(/^\d{4}-\d{2}-\d{2}$/, 'not a date (YYYY-MM-DD)'),
  v.check((day) => parsePackTime(day) !== undefined, 'not a real date'),
);

const INSTANT = v.pipe(
  v.string('not text'),
  v.check((at) => /T/.test(at) && parsePackTime(at)?.kind === 'instant', 'not an instant with an offset, e.g. 2024-02-06T12:00:00Z'),
);

const strictObject = <const T extends v.ObjectEntries>(entries: T) =>
  v.strictObject(entries, (issue) =>
    issue.expected === 'never' ? 'unknown field' : issue.path?.length && issue.received === 'undefined' ? 'missing' : 'not an object',
  );

/** One pack the catalogue offers; `url` is as written (absolute, or relative to the catalogue). */
export const CatalogEntrySchema = v.pipe(
  strictObject({
    id: SLUG,
    title: text(120),
    url: text(MAX_URL_LENGTH),
    firstDay: v.optional(DAY),
    lastDay: v.optional(DAY),
    updatedAt: v.optional(INSTANT),
  }),
  v.forward(
    v.check((entry) => !entry.firstDay || !entry.lastDay || entry.firstDay <= entry.lastDay, 'before firstDay'),
    ['lastDay'],
  ),
);

/** The catalogue document. Exported for the JSON Schema generator. */
export const CatalogSchema = strictObject({
  format: v.literal(CATALOG_FORMAT, `must be exactly ${CATALOG_FORMAT}`),
  version: v.pipe(
    v.number('not a number'),
    v.integer('not an integer'),
    v.minValue(1, 'unsupported version'),
    v.maxValue(CATALOG_VERSION, 'made by a newer version'),
  ),
  title: text(120),
  packs: v.pipe(v.array(CatalogEntrySchema, 'not a list'), v.maxLength(MAX_CATALOG_PACKS, `more than ${MAX_CATALOG_PACKS} packs`)),
});

export type CatalogEntry = v.InferOutput<typeof CatalogEntrySchema>;
export interface Catalog {
  title: string;
  /** With every `url` absolute. */
  packs: CatalogEntry[];
}

/**
 * Validates a catalogue fetched from `catalogUrl` (JSON text or a parsed value): every rule of the
 * format, ids unique, and every pack's address resolved against the catalogue's and checked like a
 * feed address, on the catalogue's own site. Never throws.
 */
export function readCatalog(input: unknown, catalogUrl: string): ReadResult<Catalog> {
  let value = input;
  if (typeof input === 'string') {
    if (new TextEncoder().encode(input).length > MAX_CATALOG_BYTES) return refused('', 'larger than 256 KiB');
    try {
      value = JSON.parse(input.charCodeAt(0) === 0xfeff ? input.slice(1) : input);
    } catch {
      return refused('', 'not valid JSON');
    }
  }
  if (typeof value === 'object' && value !== null && (value as { format?: unknown }).format === 'stfc-milestone-pack') {
    return refused('format', `must be exactly ${CATALOG_FORMAT} (this is a pack, not a catalogue)`);
  }
  const parsed = v.safeParse(CatalogSchema, value, { abortEarly: true });
  if (!parsed.success) {
    const problem = problemOfIssue(parsed.issues[0]);
    return { ok: false, problem };
  }
  const site = new URL(catalogUrl).origin;
  const seen = new Set<string>();
  const packs: CatalogEntry[] = [];
  for (const [index, entry] of parsed.output.packs.entries()) {
    if (seen.has(entry.id)) return refused(`packs[${index}].id`, `${entry.id} is listed twice`);
    seen.add(entry.id);
    const address = checkFeedUrl(entry.url, catalogUrl);
    if (!address.ok) return refused(`packs[${index}].url`, address.reason);
    if (address.origin !== site) {
      return refused(`packs[${index}].url`, `on another site (${address.origin}) than the catalogue: list only packs hosted beside it`);
    }
    packs.push({ ...entry, url: address.url });
  }
  return { ok: true, value: { title: parsed.output.title, packs } };
}
