import { useEffect, useRef } from 'preact/hooks';
import { openSidePanel, sidePanelWindowId } from '@/lib/pages/page-adapter';

/**
 * Returns a click handler that opens the side panel (Chrome) or sidebar (Firefox). Both browsers
 * only allow this inside the user's gesture, so the handler opens it synchronously; the window id
 * Chrome needs is fetched beforehand, on mount.
 */
export function useSidePanelOpener(): () => void {
  const windowId = useRef<number | undefined>(undefined);
  useEffect(() => {
    void sidePanelWindowId().then((id) => (windowId.current = id));
  }, []);

  return () => {
    // The panel shows everything the popup does, so the popup steps aside.
    openSidePanel(windowId.current)?.then(
      () => window.close(),
      (error: unknown) => console.error('could not open the side panel', error),
    );
  };
}
