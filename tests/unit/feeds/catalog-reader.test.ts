import { describe, expect, it } from 'vitest';
import { readCatalog } from '../../../lib/feeds/catalog-reader';
import { describeProblem } from '../../../lib/validation/problem';

const BASE = 'https://packs.example.org/stfc/catalog.json';
// Test documents are edited freely, including into shapes the types forbid.
type Loose = any;
const valid = (): Loose => ({
  format: 'stfc-milestone-catalog',
  version: 1,
  title: 'Alliance packs',
  packs: [
    { id: 'borg-week-1', title: 'Borg week 1', url: 'borg-week-1.json', firstDay: '2024-02-05', lastDay: '2024-02-11', updatedAt: '2024-02-04T18:00:00Z' },
    { id: 'borg-week-2', title: 'Borg week 2', url: 'https://packs.example.org/other/borg-week-2.json' },
  ],
});
const problem = (doc: unknown) => {
  const read = readCatalog(doc, BASE);
  return read.ok ? 'accepted' : describeProblem(read.problem);
};
const edited = (edit: (doc: Loose) => void) => {
  const doc = valid();
  edit(doc);
  return problem(doc);
};

describe('the catalogue reader', () => {
  it('reads a catalogue, resolving each pack’s address against the catalogue’s', () => {
    const read = readCatalog(JSON.stringify(valid()), BASE);
    expect(read).toEqual({
      ok: true,
      value: {
        title: 'Alliance packs',
        packs: [
          { ...valid().packs[0], url: 'https://packs.example.org/stfc/borg-week-1.json' },
          { id: 'borg-week-2', title: 'Borg week 2', url: 'https://packs.example.org/other/borg-week-2.json' },
        ],
      },
    });
  });

  it.each([
    ['format', (d: Loose) => (d.format = 'stfc-milestone-list'), 'format: must be exactly stfc-milestone-catalog'],
    ['a pack given as a catalogue', (d: Loose) => (d.format = 'stfc-milestone-pack'), 'format: must be exactly stfc-milestone-catalog (this is a pack, not a catalogue)'],
    ['missing format', (d: Loose) => delete d.format, 'format: missing'],
    ['newer version', (d: Loose) => (d.version = 2), 'version: made by a newer version'],
    ['version 0', (d: Loose) => (d.version = 0), 'version: unsupported version'],
    ['fractional version', (d: Loose) => (d.version = 1.5), 'version: not an integer'],
    ['version as text', (d: Loose) => (d.version = '1'), 'version: not an integer'],
    ['empty title', (d: Loose) => (d.title = ''), 'title: must be 1–120 characters'],
    ['long title', (d: Loose) => (d.title = 'x'.repeat(121)), 'title: must be 1–120 characters'],
    ['unknown field', (d: Loose) => (d.colour = 'red'), 'colour: unknown field'],
    ['packs not a list', (d: Loose) => (d.packs = {}), 'packs: not an array'],
    ['too many packs', (d: Loose) => (d.packs = Array.from({ length: 201 }, (_, i) => ({ id: `p-${i}`, title: 'P', url: `${i}.json` }))), 'packs: at most 200 items'],
    ['pack not an object', (d: Loose) => (d.packs[1] = 'borg.json'), 'packs[1]: not an object'],
    ['bad id', (d: Loose) => (d.packs[0].id = 'Borg Week'), 'packs[0].id: not a valid id (a–z, 0–9 and -, at most 64)'],
    ['missing title', (d: Loose) => delete d.packs[1].title, 'packs[1].title: missing'],
    ['missing url', (d: Loose) => delete d.packs[0].url, 'packs[0].url: missing'],
    ['unknown entry field', (d: Loose) => (d.packs[0].etag = 'x'), 'packs[0].etag: unknown field'],
    ['firstDay not a date', (d: Loose) => (d.packs[0].firstDay = '5 Feb'), 'packs[0].firstDay: not a date (YYYY-MM-DD)'],
    ['impossible lastDay', (d: Loose) => (d.packs[0].lastDay = '2024-02-30'), 'packs[0].lastDay: not a real date'],
    ['lastDay before firstDay', (d: Loose) => (d.packs[0].lastDay = '2024-02-04'), 'packs[0].lastDay: before firstDay'],
    ['updatedAt without offset', (d: Loose) => (d.packs[0].updatedAt = '2024-02-04T18:00:00'), 'packs[0].updatedAt: not an instant with an offset, e.g. 2024-02-06T12:00:00Z'],
    ['updatedAt a date', (d: Loose) => (d.packs[0].updatedAt = '2024-02-04'), 'packs[0].updatedAt: not an instant with an offset, e.g. 2024-02-06T12:00:00Z'],
    ['duplicate id', (d: Loose) => (d.packs[1].id = 'borg-week-1'), 'packs[1].id: duplicate id "borg-week-1"'],
    ['plain http pack', (d: Loose) => (d.packs[1].url = 'http://packs.example.org/a.json'), 'packs[1].url: plain http is refused (anyone on the way could change the pack): use the https address'],
    ['credentials in a pack address', (d: Loose) => (d.packs[0].url = 'https://me:pw@packs.example.org/a.json'), 'packs[0].url: addresses with a user name or password are refused: a feed must be public'],
    ['pack on another site', (d: Loose) => (d.packs[0].url = 'https://elsewhere.example.com/a.json'), 'packs[0].url: on another site (https://elsewhere.example.com) than the catalogue: list only packs hosted beside it'],
  ])('refuses %s with its path', (_name, edit, expected) => {
    expect(edited(edit)).toBe(expected);
  });

  it('refuses what is not a catalogue document at all', () => {
    expect(problem('{ not json')).toMatch(/^not valid JSON/);
    expect(problem('[]')).toBe('not an object');
    expect(problem(null)).toBe('not an object');
    expect(problem(JSON.stringify({ ...valid(), title: 'x'.repeat(300 * 1024) }))).toBe('larger than 256 KiB');
  });
});
