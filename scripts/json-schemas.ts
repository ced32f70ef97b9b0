// The JSON Schemas published from the readers' own valibot schemas. `npm run schema` writes them
// (scripts/write-json-schemas.ts); tests/unit/validation/json-schemas.test.ts checks the committed files
// are what this makes. To publish another format, add one line to JSON_SCHEMAS.
import { toJsonSchema, type ConversionConfig } from '@valibot/to-json-schema';
import type { GenericSchema } from 'valibot';
import { CatalogSchema } from '../lib/feeds/catalog-reader';
import { packSchema } from '../lib/packs/reader';

export interface PublishedSchema {
  schema: GenericSchema;
  /** Path from the repository root. */
  file: string;
}

export const JSON_SCHEMAS: readonly PublishedSchema[] = [
  { schema: packSchema, file: 'docs/pack.schema.json' },
  { schema: CatalogSchema, file: 'docs/catalog.schema.json' },
];

const CONVERSION: ConversionConfig = {
  target: 'draft-07',
  // What JSON Schema cannot say (a calendar's 30 February, unique ids, start < end, -0 as 0); the
  // schemas' descriptions say the extension checks it. Any other action that cannot be converted fails.
  ignoreActions: ['check', 'raw_check', 'transform'],
  overrideAction: ({ valibotAction, jsonSchema }) => {
    // JSON Schema's maxLength counts code points, as the text pieces do.
    if (valibotAction.type === 'max_code_points' && 'requirement' in valibotAction) {
      return { ...jsonSchema, maxLength: valibotAction.requirement as number };
    }
    // A pattern is read with the `u` flag by JSON Schema validators (ECMA-262, as ajv does): the visible
    // character of the text pieces (\p{…}) needs it, and no other flag is used.
    if (valibotAction.type === 'regex' && 'requirement' in valibotAction && (valibotAction.requirement as RegExp).flags === 'u') {
      return { ...jsonSchema, pattern: (valibotAction.requirement as RegExp).source };
    }
    return undefined;
  },
};

/** The file's text: the JSON Schema with two-space indent and a final newline. */
export function jsonSchemaText(schema: GenericSchema): string {
  return `${JSON.stringify(toJsonSchema(schema, CONVERSION), null, 2)}\n`;
}
