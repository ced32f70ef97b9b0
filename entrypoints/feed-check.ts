// The daily feed check, built as its own script that the background loads when the feeds' alarm
// fires (lib/background/worker-scripts.ts), so its readers and valibot are not in background.js.
import { checkFeeds } from '@/lib/background/feed-updates';
import { FEED_CHECK } from '@/lib/background/worker-scripts';
import { provideUpgrade } from '@/lib/storage/upgrade-loader';
import { migrate } from '@/lib/storage/upgrade-adapter';

export default defineUnlistedScript(() => {
  // This script's store code is its own copy: it upgrades an older layout with its own copy of the upgrade.
  provideUpgrade(async () => ({ migrate }));
  (globalThis as Record<string, unknown>)[FEED_CHECK.global] = checkFeeds;
});
