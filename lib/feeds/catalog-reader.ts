// Reads a catalogue of packs (docs/catalog-format.md, version 1): a title and a list of packs by id, title
// and address. One valibot schema is the rule book; its first issue becomes the refusal with its path.
import * as v from 'valibot';
import { parsePackTime } from '../schedule/pack-time';
import { PACK_FORMAT } from '../packs/reader';
import { readDocument } from '../validation/document';
import { exceedsUtf8Bytes, fields, integer, list, slug, string, text, uniqueIds } from '../validation/pieces';
import { withoutKeys, type ReadResult } from '../validation/problem';
import { checkFeedUrl, MAX_URL_LENGTH } from './feed-url';

export const CATALOG_FORMAT = 'stfc-milestone-catalog';
export const CATALOG_VERSION = 1;
export const MAX_CATALOG_BYTES = 256 * 1024;
export const MAX_CATALOG_PACKS = 200;

const DAY = v.pipe(
  string,
  v.regex(/^\d{4}-\d{2}-\d{2}$/, 'not a date (YYYY-MM-DD)'),
  v.check((day) => parsePackTime(day) !== undefined, 'not a real date'),
);

const INSTANT = v.pipe(
  string,
  v.check((at) => /T/.test(at) && parsePackTime(at)?.kind === 'instant', 'not an instant with an offset, e.g. 2024-02-06T12:00:00Z'),
);

/** One pack the catalogue offers; `url` is as written (absolute, or relative to the catalogue). */
export const CatalogEntrySchema = v.pipe(
  fields({
    id: slug,
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
export const CatalogSchema = fields({
  format: v.pipe(
    string,
    v.value(CATALOG_FORMAT, (issue) =>
      `must be exactly ${CATALOG_FORMAT}${issue.input === PACK_FORMAT ? ' (this is a pack, not a catalogue)' : ''}`,
    ),
  ),
  version: v.pipe(integer, v.minValue(1, 'unsupported version'), v.maxValue(CATALOG_VERSION, 'made by a newer version')),
  title: text(120),
  packs: v.pipe(list(CatalogEntrySchema, 0, MAX_CATALOG_PACKS), uniqueIds<CatalogEntry>()),
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
  if (typeof input === 'string' && exceedsUtf8Bytes(input, MAX_CATALOG_BYTES)) return refused('', 'larger than 256 KiB');
  const parsed = withoutKeys(readDocument(CatalogSchema, input, MAX_CATALOG_BYTES));
  if (!parsed.ok) return parsed;
  const site = new URL(catalogUrl).origin;
  const packs: CatalogEntry[] = [];
  for (const [index, entry] of parsed.value.packs.entries()) {
    const address = checkFeedUrl(entry.url, catalogUrl);
    if (!address.ok) return refused(`packs[${index}].url`, address.reason);
    if (address.origin !== site) {
      return refused(`packs[${index}].url`, `on another site (${address.origin}) than the catalogue: list only packs hosted beside it`);
    }
    packs.push({ ...entry, url: address.url });
  }
  return { ok: true, value: { title: parsed.value.title, packs } };
}

function refused(path: string, message: string): { ok: false; problem: { path: string; message: string } } {
  return { ok: false, problem: { path, message } };
}
