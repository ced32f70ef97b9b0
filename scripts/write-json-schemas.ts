// npm run schema: writes every JSON Schema of scripts/json-schemas.ts, e.g. docs/pack.schema.json.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { JSON_SCHEMAS, jsonSchemaText } from './json-schemas';

const root = fileURLToPath(new URL('..', import.meta.url));
for (const { schema, file } of JSON_SCHEMAS) {
  writeFileSync(`${root}${file}`, jsonSchemaText(schema));
  console.info(`wrote ${file}`);
}
