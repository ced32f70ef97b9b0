import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { checklistTargets, checklistView } from '@/lib/views/checklist-view';
import type { TrackerState } from '@/lib/views/tracker-state';
import { openBackupAndRestore, openOptionsPage } from '@/lib/pages/page-adapter';
import { SidePanelView } from './SidePanelView';
import { addToCalendar, calendarErrorMessage } from '@/components/add-to-calendar';
import type { SaveFile } from '@/components/save-file';
import { trackerActions } from '@/components/tracker-actions';
import { useNow } from '@/components/use-now';
import { useTrackerState } from '@/components/use-tracker-state';

/** The side panel wired to the store; it stays open, so it re-reads whenever another view records a change. */
export function SidePanelApp({ initial, saveFile }: { initial?: TrackerState | undefined; saveFile?: SaveFile }) {
  const { state, error, damaged, reload } = useTrackerState(initial);
  const [writeError, setWriteError] = useState<string>();
  const [packId, setPackId] = useState<string>();
  const now = useNow((at) => (state ? checklistTargets(state, at, packId) : []));
  const model = useMemo(() => state && checklistView(state, now, packId), [state, now, packId]);
  // Clicks record for the Commander shown, read when the click happens.
  const shown = useRef<string>();
  shown.current = state?.commanderId;
  const actions = useMemo(() => trackerActions(reload, setWriteError, () => shown.current), []);

  const ready = state !== undefined;
  // Right after the first render that shows stored data is in the document (a benchmark waits for it).
  useLayoutEffect(() => {
    if (ready) performance.mark('sidepanel-ready');
  }, [ready]);

  return (
    <SidePanelView
      model={model}
      actions={actions}
      error={error ?? writeError}
      onRestore={damaged ? openBackupAndRestore : undefined}
      onChoosePack={setPackId}
      onOpenOptions={openOptionsPage}
      commanders={state?.snapshot.commanders}
      onAddToCalendar={() => {
        if (state) addToCalendar(state, Date.now(), saveFile).catch((cause: unknown) => setWriteError(calendarErrorMessage(cause)));
      }}
    />
  );
}
