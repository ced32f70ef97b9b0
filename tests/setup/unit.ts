import 'fake-indexeddb/auto';
import './extension-files';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach } from 'vitest';
import { provideUpgrade } from '../../lib/storage/upgrade-loader';

beforeEach(async () => {
  fakeBrowser.reset();
  // As a page does (components/mount-with-state.tsx).
  provideUpgrade(() => import('../../lib/storage/upgrade-adapter'));
  // The background loads the upgrade from its own script (lib/background/worker-scripts.ts), which Node cannot
  // import: run that script's code, as the worker's script cache would hold it.
  (await import('../../entrypoints/store-upgrade')).default.main();
});
