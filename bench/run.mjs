// npm run bench: loads bench/main.ts through Vite's SSR loader, so the benchmark runs the real TypeScript lib code.
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
  resolve: {
    alias: [
      { find: 'wxt/browser', replacement: `${root}bench/fake-browser-shim.ts` },
      { find: /^@\//, replacement: root },
    ],
  },
});
let failed = false;
try {
  const { runBenchmarks } = await server.ssrLoadModule('/bench/main.ts');
  failed = !(await runBenchmarks(root));
} finally {
  await server.close();
}
process.exit(failed ? 1 : 0);
