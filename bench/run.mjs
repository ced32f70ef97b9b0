// npm run bench: loads bench/main.ts through Vite's SSR loader, so the benchmark runs the real TypeScript lib code.
import { root, withTypeScriptModule } from '../scripts/load-typescript.mjs';

const passed = await withTypeScriptModule('/bench/main.ts', ({ runBenchmarks }) => runBenchmarks(root), [
  { find: 'wxt/browser', replacement: `${root}bench/fake-browser-shim.ts` },
]);
process.exit(passed ? 0 : 1);
