import { pageAdapter } from '@/components/page-actions';

/**
 * A click handler that opens the side panel (Chrome) or sidebar (Firefox). Both browsers only allow this
 * inside the user's gesture, so the handler opens it synchronously: the page adapter and the window id
 * Chrome needs are fetched beforehand, when the popup starts.
 */
export function sidePanelOpener(): () => void {
  let open: (() => void) | undefined;
  void pageAdapter().then(async (adapter) => {
    const windowId = await adapter.sidePanelWindowId();
    open = () =>
      // The panel shows everything the popup does, so the popup steps aside.
      adapter.openSidePanel(windowId)?.then(
        () => window.close(),
        (error: unknown) => console.error('could not open the side panel', error),
      );
  });
  return () => open?.();
}
