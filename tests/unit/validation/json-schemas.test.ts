// The published JSON Schema is generated from the reader's own schema, and a standard validator agrees
// with the reader on the built-in pack and on broken ones.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { JSON_SCHEMAS, jsonSchemaText } from '../../../scripts/json-schemas';
import { describeProblem, packSchema, readPack } from '../../../lib/packs/reader';
import { CatalogSchema, readCatalog } from '../../../lib/feeds/catalog-reader';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const read = (file: string) => readFileSync(`${ROOT}${file}`, 'utf8');
const builtinPack = () => JSON.parse(read('lib/packs/builtin/heroes-and-villains-2023-11.json'));
type Loose = any;

describe('the committed JSON Schemas', () => {
  it.each(JSON_SCHEMAS.map(({ schema, file }) => [file, schema] as const))('%s is what npm run schema makes now', (file, schema) => {
    expect(read(file)).toBe(jsonSchemaText(schema));
  });

  it('publishes the catalogue format as docs/catalog.schema.json, and the example catalogue passes it and the reader', () => {
    expect(JSON_SCHEMAS.find((s) => s.file === 'docs/catalog.schema.json')?.schema).toBe(CatalogSchema);
    const validate = new Ajv({ allErrors: true }).compile(JSON.parse(read('docs/catalog.schema.json')));
    const example = JSON.parse(read('packs/catalog.json'));
    expect(validate(example)).toBe(true);
    expect(readCatalog(example, 'https://example.org/packs/catalog.json').ok).toBe(true);
    expect(validate({ ...example, packs: [{ ...example.packs[0], id: 'Not An Id' }] })).toBe(false);
  });

  it('publishes the pack format as docs/pack.schema.json', () => {
    expect(JSON_SCHEMAS.find((s) => s.file === 'docs/pack.schema.json')?.schema).toBe(packSchema);
  });
});

describe('docs/pack.schema.json with a standard validator (ajv)', () => {
  const validate = new Ajv({ allErrors: true }).compile(JSON.parse(read('docs/pack.schema.json')));
  const errors = () => (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`).join('; ');

  /** The built-in pack after `change`, which must break it for the reader too. */
  function broken(change: (pack: Loose) => void): Loose {
    const pack = builtinPack();
    change(pack);
    expect(readPack(pack).ok).toBe(false);
    return pack;
  }

  it('accepts the built-in pack, as the reader does', () => {
    const pack = builtinPack();
    expect(readPack(pack).ok).toBe(true);
    expect(validate(pack), errors()).toBe(true);
  });

  it('accepts a $schema field pointing at it, as the reader does', () => {
    const pack = { $schema: './pack.schema.json', ...builtinPack() };
    const result = readPack(pack);
    expect(result.ok ? '' : describeProblem(result.problem)).toBe('');
    expect(validate(pack), errors()).toBe(true);
  });

  it.each([
    ['missing tracks', (p: Loose) => delete p.tracks, "must have required property 'tracks'"],
    ['a wrong format', (p: Loose) => (p.format = 'stfc-milestone-backup'), 'must be equal to constant'],
    ['a bad slug', (p: Loose) => (p.tracks[0].milestones[1].id = 'Enlisting Old Allies'), 'must match pattern'],
    ['an unknown field', (p: Loose) => (p.tracks[0].colour = 'red'), 'must NOT have additional properties'],
    ['an instant without an offset', (p: Loose) => (p.tracks[1].milestones[0].start = '2023-11-13T11:00'), 'must match pattern'],
    ['a title of 121 code points', (p: Loose) => (p.title = '🖖'.repeat(121)), 'must NOT have more than 120 characters'],
    ['a blank name', (p: Loose) => (p.tracks[0].name = ' \t'), 'must match pattern'],
    ['points that are not an integer', (p: Loose) => (p.tracks[0].milestones[0].points = 99.5), 'must be integer'],
    ['nine tracks', (p: Loose) => (p.tracks = Array.from({ length: 9 }, () => p.tracks[0])), 'must NOT have more than 8 items'],
  ])('rejects a pack with %s', (_label, change, message) => {
    expect(validate(broken(change))).toBe(false);
    expect(errors()).toContain(message);
  });

  it('accepts a title of 120 code points (JSON Schema counts code points, as the reader does)', () => {
    const pack = { ...builtinPack(), title: '🖖'.repeat(120) };
    expect(readPack(pack).ok).toBe(true);
    expect(validate(pack), errors()).toBe(true);
  });
});
