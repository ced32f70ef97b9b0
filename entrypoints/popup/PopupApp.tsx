import { useEffect, useLayoutEffect, useMemo, useState } from 'preact/hooks';
import { popupView, type PopupViewModel } from '@/lib/views/popup-view';
import { writeViewSnapshot } from '@/lib/storage/view-snapshot-adapter';
import type { ViewStart } from '@/components/mount-with-state';
import { openBackupAndRestore, openOptionsPage } from '@/components/page-actions';
import { PopupView } from './PopupView';
import { trackerActions } from '@/components/tracker-actions';
import { useNow } from '@/components/use-now';
import { useSidePanelOpener } from './use-side-panel-opener';
import { useTrackerState } from '@/components/use-tracker-state';

/** Where the popup keeps its first frame (lib/storage/view-snapshot-adapter.ts). */
export const POPUP_SNAPSHOT = 'snapshot:popup';

/**
 * The popup wired to the store: one read on open (painted from its snapshot until the read is in), a
 * re-read on every change announced elsewhere.
 */
export function PopupApp({ initial, reading, snapshot }: ViewStart<PopupViewModel>) {
  const { state, error, damaged, reload } = useTrackerState(initial, reading);
  const [writeError, setWriteError] = useState<string>();
  const now = useNow((at) => (state ? popupView(state, at).targets : (snapshot?.targets ?? [])));
  const model = useMemo(() => (state ? popupView(state, now) : snapshot && { ...snapshot, now }), [state, now]);
  const actions = useMemo(() => trackerActions(reload, setWriteError), []);
  const openSidePanel = useSidePanelOpener();

  // Each model from the store is the next open's first frame.
  useEffect(() => {
    if (state && model) writeViewSnapshot(POPUP_SNAPSHOT, model, now);
  }, [state]);

  const ready = model !== undefined;
  // Right after the first render that shows data (the snapshot's or the store's) is in the document (a benchmark waits for it).
  useLayoutEffect(() => {
    if (ready) performance.mark('popup-ready');
  }, [ready]);

  return (
    <PopupView
      model={model}
      actions={actions}
      error={error ?? writeError}
      onRestore={damaged ? openBackupAndRestore : undefined}
      onOpenSidePanel={openSidePanel}
      onOpenOptions={openOptionsPage}
    />
  );
}
