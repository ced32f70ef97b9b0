import { useEffect, useLayoutEffect, useMemo, useState } from 'preact/hooks';
import { checklistTargets, checklistView, type ChecklistViewModel } from '@/lib/views/checklist-view';
import { writeViewSnapshot } from '@/lib/storage/view-snapshot-adapter';
import type { ViewStart } from '@/components/mount-with-state';
import { openBackupAndRestore, openOptionsPage } from '@/components/page-actions';
import { SidePanelView } from './SidePanelView';
import { addToCalendar, calendarErrorMessage } from '@/components/add-to-calendar';
import type { SaveFile } from '@/components/save-file';
import { trackerActions } from '@/components/tracker-actions';
import { useNow } from '@/components/use-now';
import { useTrackerState } from '@/components/use-tracker-state';

/** Where the side panel keeps its first frame (lib/storage/view-snapshot-adapter.ts). */
export const SIDE_PANEL_SNAPSHOT = 'snapshot:sidepanel';

/**
 * The side panel wired to the store (painted from its snapshot until the first read is in); it stays
 * open, so it re-reads whenever another view records a change.
 */
export function SidePanelApp({ initial, reading, snapshot, saveFile }: ViewStart<ChecklistViewModel> & { saveFile?: SaveFile }) {
  const { state, error, damaged, reload } = useTrackerState(initial, reading);
  const [writeError, setWriteError] = useState<string>();
  const [packId, setPackId] = useState<string>();
  const now = useNow((at) => (state ? checklistTargets(state, at, packId) : (snapshot?.targets ?? [])));
  const model = useMemo(
    () => (state ? checklistView(state, now, packId) : snapshot && { ...snapshot, now }),
    [state, now, packId],
  );
  const actions = useMemo(() => trackerActions(reload, setWriteError), []);

  // Each model from the store is the next open's first frame (the pack chosen here included).
  useEffect(() => {
    if (state && model) writeViewSnapshot(SIDE_PANEL_SNAPSHOT, model, now);
  }, [state, packId]);

  const ready = model !== undefined;
  // Right after the first render that shows data (the snapshot's or the store's) is in the document (a benchmark waits for it).
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
      onAddToCalendar={() => {
        if (state) addToCalendar(state, Date.now(), saveFile).catch((cause: unknown) => setWriteError(calendarErrorMessage(cause)));
      }}
    />
  );
}
