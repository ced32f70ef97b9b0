// npm run screenshots: builds the Chrome extension (the npm script runs `wxt build` first), then takes the
// README's screenshots in Chromium with tests/e2e/readme-screenshots.ts, loaded through Vite's SSR loader
// (as bench/run.mjs loads the bench) so it shares the browser tests' TypeScript page set-up.
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const server = await createServer({
  root,
  configFile: false,
  logLevel: 'error',
  appType: 'custom',
  server: { middlewareMode: true, hmr: false, watch: null },
  optimizeDeps: { noDiscovery: true, include: [] },
  resolve: { alias: [{ find: /^@\//, replacement: root }] },
});
try {
  const { takeReadmeScreenshots } = await server.ssrLoadModule('/tests/e2e/readme-screenshots.ts');
  for (const path of await takeReadmeScreenshots()) console.log(`wrote ${relative(root, path)}`);
} finally {
  await server.close();
}
