import { checklistView, type ChecklistViewModel } from '@/lib/views/checklist-view';
import type { TrackerState } from '@/lib/views/tracker-state';
import { openBackupAndRestore, openOptionsPage } from '@/components/page-actions';
import { TrackerApp, type PageExtras } from '@/components/TrackerApp';
import type { TrackerActions } from '@/components/tracker-actions';
import { addToCalendar, calendarErrorMessage } from '@/components/add-to-calendar';
import type { SaveFile } from '@/components/save-file';
import { SidePanelView } from './SidePanelView';

/** Where the side panel keeps its first frame (lib/storage/view-snapshot-adapter.ts). */
export const SIDE_PANEL_SNAPSHOT = 'snapshot:sidepanel';

/**
 * The side panel wired to the store (components/TrackerApp.tsx), painted from its snapshot until the first
 * read is in; it stays open, so it re-reads whenever another view records a change.
 */
export class SidePanelApp extends TrackerApp<ChecklistViewModel, { saveFile?: SaveFile }, { packId?: string | undefined }> {
  protected readonly snapshotKey = SIDE_PANEL_SNAPSHOT;
  protected readonly readyMark = 'sidepanel-ready';

  protected modelOf(state: TrackerState, now: number): ChecklistViewModel {
    return checklistView(state, now, this.state.packId);
  }

  private readonly choosePack = (packId: string) => {
    // The pack chosen here is part of the next open's first frame.
    this.savedState = undefined;
    this.setState({ packId });
  };

  private readonly addToCalendar = () => {
    const { state } = this.state.view;
    if (state) {
      addToCalendar(state, Date.now(), this.props.saveFile).catch((cause: unknown) => this.update({ writeError: calendarErrorMessage(cause) }));
    }
  };

  protected show(model: ChecklistViewModel | undefined, actions: TrackerActions, { error, damaged, commanders }: PageExtras) {
    return (
      <SidePanelView
        model={model}
        actions={actions}
        error={error}
        commanders={commanders}
        onRestore={damaged ? openBackupAndRestore : undefined}
        onChoosePack={this.choosePack}
        onOpenOptions={openOptionsPage}
        onAddToCalendar={this.addToCalendar}
      />
    );
  }
}
