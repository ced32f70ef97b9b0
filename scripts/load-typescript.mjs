// Runs one export of a TypeScript module of this repository through Vite's SSR loader, so a Node script
// (npm run bench, npm run screenshots) uses the real TypeScript code with the `@/` alias resolved.
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

export const root = fileURLToPath(new URL('..', import.meta.url));

/** Loads `/path/to/module.ts` and calls `use(module)`; `aliases` are added to the `@/` one. */
export async function withTypeScriptModule(path, use, aliases = []) {
  const server = await createServer({
    root,
    configFile: false,
    logLevel: 'error',
    appType: 'custom',
    server: { middlewareMode: true, hmr: false, watch: null },
    optimizeDeps: { noDiscovery: true, include: [] },
    resolve: { alias: [...aliases, { find: /^@\//, replacement: root }] },
  });
  try {
    return await use(await server.ssrLoadModule(path));
  } finally {
    await server.close();
  }
}
