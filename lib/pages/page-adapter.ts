// What the popup and the side panel ask of the browser itself: open the options page, the side panel
// (Chrome) or the sidebar (Firefox). With private-view-adapter.ts, the views' only browser calls besides
// storage and messaging; loaded after a view's first paint (components/page-actions.ts).
import type { browser } from 'wxt/browser';

// Neither panel API is in the polyfill's types: Chrome has sidePanel, Firefox has sidebarAction.
type ViewApi = typeof browser & {
  sidePanel?: { open(options: { windowId: number }): Promise<void> };
  sidebarAction?: { open(): Promise<void> };
};

/**
 * The browser's own extension namespace (Firefox `browser`, Chrome `chrome`), as wxt/browser gives it
 * without the polyfill. The popup and side panel make only a few promise-returning calls, which both
 * browsers support natively in MV3, and the polyfill would be a fifth of the popup's bytes.
 */
function viewApi(): ViewApi {
  const scope = globalThis as { browser?: ViewApi; chrome?: ViewApi };
  return (scope.browser?.runtime?.id ? scope.browser : scope.chrome)!;
}

export function openOptionsPage(): void {
  void viewApi().runtime.openOptionsPage();
}

/** The options page scrolled to Backup and restore (its section id `backup`), in a new tab. */
export function openBackupAndRestore(): void {
  const api = viewApi();
  void api.tabs.create({ url: api.runtime.getURL('/options.html#backup') });
}

/** The options page scrolled to the Commanders and their daily resets (its section id `commanders`), in a new tab. */
export function openCommanderSettings(): void {
  const api = viewApi();
  void api.tabs.create({ url: api.runtime.getURL('/options.html#commanders') });
}

/** The id of this view's window, which Chrome's sidePanel.open() needs; undefined where there is no side panel. */
export async function sidePanelWindowId(): Promise<number | undefined> {
  const api = viewApi();
  if (!api.sidePanel) return undefined;
  return api.windows.getCurrent().then(
    (current) => current?.id,
    () => undefined,
  );
}

/**
 * Opens the side panel or sidebar. Both browsers only allow this inside the user's gesture, so call it
 * synchronously from the click handler. Undefined when this browser cannot open it from here.
 */
export function openSidePanel(windowId: number | undefined): Promise<void> | undefined {
  const api = viewApi();
  if (api.sidePanel && windowId !== undefined) return api.sidePanel.open({ windowId });
  if (api.sidebarAction) return api.sidebarAction.open();
  return undefined;
}
