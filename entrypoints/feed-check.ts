// The daily feed check, built as its own script that the background loads when the feeds' alarm
// fires (lib/background/feed-check-loader.ts), so its readers and valibot are not in background.js.
import { checkFeeds } from '@/lib/background/feed-updates';
import { FEED_CHECK_GLOBAL } from '@/lib/background/feed-check-loader';

export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>)[FEED_CHECK_GLOBAL] = checkFeeds;
});
