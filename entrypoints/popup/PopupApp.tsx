import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { popupView } from '@/lib/views/popup-view';
import type { TrackerState } from '@/lib/views/tracker-state';
import { openBackupAndRestore, openOptionsPage } from '@/lib/pages/page-adapter';
import { PopupView } from './PopupView';
import { trackerActions } from '@/components/tracker-actions';
import { useNow } from '@/components/use-now';
import { useSidePanelOpener } from './use-side-panel-opener';
import { useTrackerState } from '@/components/use-tracker-state';

/** The popup wired to the store: one read on open, a re-read on every change announced elsewhere. */
export function PopupApp({ initial }: { initial?: TrackerState | undefined }) {
  const { state, error, damaged, reload } = useTrackerState(initial);
  const [writeError, setWriteError] = useState<string>();
  const now = useNow((at) => (state ? popupView(state, at).targets : []));
  const model = useMemo(() => state && popupView(state, now), [state, now]);
  // Clicks record for the Commander shown, read when the click happens.
  const shown = useRef<string>();
  shown.current = state?.commanderId;
  const actions = useMemo(() => trackerActions(reload, setWriteError, () => shown.current), []);
  const openSidePanel = useSidePanelOpener();

  const ready = state !== undefined;
  // Right after the first render that shows stored data is in the document (a benchmark waits for it).
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
      commanders={state?.snapshot.commanders}
    />
  );
}
