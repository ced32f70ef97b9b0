// The store's upgrade for the background, built as its own script that the worker loads only when a store
// needs it (lib/background/worker-scripts.ts), so the migrations are not in background.js.
import { migrate } from '@/lib/storage/upgrade-adapter';
import { STORE_UPGRADE } from '@/lib/background/worker-scripts';
import type { Upgrade } from '@/lib/storage/upgrade-loader';

export default defineUnlistedScript(() => {
  const upgrade: Upgrade = { migrate };
  (globalThis as Record<string, unknown>)[STORE_UPGRADE.global] = upgrade;
});
