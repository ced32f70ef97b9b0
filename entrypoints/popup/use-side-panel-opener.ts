import { useEffect, useRef } from 'preact/hooks';
import { viewApi } from '@/lib/pages/view-api-adapter';

/**
 * Returns a click handler that opens the side panel (Chrome) or sidebar (Firefox). Both browsers
 * only allow this inside the user's gesture, so the handler calls open() synchronously; the window
 * id Chrome needs is fetched beforehand, on mount.
 */
export function useSidePanelOpener(): () => void {
  const windowId = useRef<number | undefined>(undefined);
  useEffect(() => {
    const api = viewApi();
    if (!api.sidePanel) return;
    api.windows.getCurrent().then(
      (current) => (windowId.current = current?.id),
      () => undefined,
    );
  }, []);

  return () => {
    const api = viewApi();
    let opening: Promise<void> | undefined;
    if (api.sidePanel && windowId.current !== undefined) opening = api.sidePanel.open({ windowId: windowId.current });
    else if (api.sidebarAction) opening = api.sidebarAction.open();
    // The panel shows everything the popup does, so the popup steps aside.
    opening?.then(
      () => window.close(),
      (error: unknown) => console.error('could not open the side panel', error),
    );
  };
}
