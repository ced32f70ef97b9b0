import { useEffect, useRef } from 'preact/hooks';
import { pageAdapter } from '@/components/page-actions';

/**
 * Returns a click handler that opens the side panel (Chrome) or sidebar (Firefox). Both browsers
 * only allow this inside the user's gesture, so the handler opens it synchronously: the page adapter
 * and the window id Chrome needs are fetched beforehand, on mount.
 */
export function useSidePanelOpener(): () => void {
  const open = useRef<(() => void) | undefined>(undefined);
  useEffect(() => {
    void pageAdapter().then(async (adapter) => {
      const windowId = await adapter.sidePanelWindowId();
      open.current = () =>
        // The panel shows everything the popup does, so the popup steps aside.
        adapter.openSidePanel(windowId)?.then(
          () => window.close(),
          (error: unknown) => console.error('could not open the side panel', error),
        );
    });
  }, []);

  return () => open.current?.();
}
