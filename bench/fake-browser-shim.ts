// In the Node part of the benchmark, the extension APIs are WXT's fake browser (as in unit tests).
import 'fake-indexeddb/auto';
import { fakeBrowser } from '@webext-core/fake-browser';

// @webext-core/messaging talks to `chrome.runtime` directly.
(globalThis as { chrome?: unknown }).chrome = fakeBrowser;
export const browser = fakeBrowser;
