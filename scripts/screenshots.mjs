// npm run screenshots: builds the Chrome extension (the npm script runs `wxt build` first), then takes the
// README's screenshots in Chromium with tests/e2e/readme-screenshots.ts, so it shares the browser tests'
// TypeScript page set-up.
import { relative } from 'node:path';
import { root, withTypeScriptModule } from './load-typescript.mjs';

await withTypeScriptModule('/tests/e2e/readme-screenshots.ts', async ({ takeReadmeScreenshots }) => {
  for (const path of await takeReadmeScreenshots()) console.log(`wrote ${relative(root, path)}`);
});
