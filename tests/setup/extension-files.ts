// In the browser the extension serves its own files to its pages and worker, such as the built-in
// pack's JSON (lib/packs/builtin.ts); under Node the source tree serves them, to the same fetch().
import { readFileSync } from 'node:fs';
import { BUILTIN_PACK_FILE } from '../../lib/packs/builtin';

const FILES: Record<string, string> = { [BUILTIN_PACK_FILE]: '../../lib/packs/builtin/heroes-and-villains-2023-11.json' };

const fetchElsewhere = globalThis.fetch;

globalThis.fetch = async (input, init) => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  if (!Object.hasOwn(FILES, url)) return fetchElsewhere(input, init);
  const body = readFileSync(new URL(FILES[url]!, import.meta.url), 'utf8');
  return new Response(body, { headers: { 'content-type': 'application/json' } });
};
