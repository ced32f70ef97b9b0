import { popupView, type PopupViewModel } from '@/lib/views/popup-view';
import type { TrackerState } from '@/lib/views/tracker-state';
import { openBackupAndRestore, openCommanderSettings, openOptionsPage } from '@/components/page-actions';
import { TrackerApp, type PageExtras } from '@/components/TrackerApp';
import type { TrackerActions } from '@/components/tracker-actions';
import { PopupView } from './PopupView';
import { sidePanelOpener } from './side-panel-opener';

/** Where the popup keeps its first frame (lib/storage/view-snapshot-adapter.ts). */
export const POPUP_SNAPSHOT = 'snapshot:popup';

/**
 * The popup wired to the store (components/TrackerApp.tsx): one read on open (painted from its snapshot
 * until the read is in), a re-read on every change announced elsewhere.
 */
export class PopupApp extends TrackerApp<PopupViewModel> {
  protected readonly snapshotKey = POPUP_SNAPSHOT;
  protected readonly readyMark = 'popup-ready';
  private readonly openSidePanel = sidePanelOpener();

  protected modelOf(state: TrackerState, now: number): PopupViewModel {
    return popupView(state, now);
  }

  protected show(model: PopupViewModel | undefined, actions: TrackerActions, { error, damaged, commanders }: PageExtras) {
    return (
      <PopupView
        model={model}
        actions={actions}
        error={error}
        commanders={commanders}
        onRestore={damaged ? openBackupAndRestore : undefined}
        onOpenSidePanel={this.openSidePanel}
        onOpenOptions={openOptionsPage}
        onChangeReset={openCommanderSettings}
      />
    );
  }
}
