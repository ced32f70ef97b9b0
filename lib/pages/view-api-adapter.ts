import type { browser } from 'wxt/browser';

// Neither panel API is in the polyfill's types: Chrome has sidePanel, Firefox has sidebarAction.
export type ViewApi = typeof browser & {
  sidePanel?: { open(options: { windowId: number }): Promise<void> };
  sidebarAction?: { open(): Promise<void> };
};

/**
 * The browser's own extension namespace (Firefox `browser`, Chrome `chrome`), as wxt/browser gives it
 * without the polyfill. The popup and side panel make only a few promise-returning calls, which both
 * browsers support natively in MV3, and the polyfill would be a fifth of the popup's bytes.
 */
export function viewApi(): ViewApi {
  const scope = globalThis as { browser?: ViewApi; chrome?: ViewApi };
  return (scope.browser?.runtime?.id ? scope.browser : scope.chrome)!;
}
