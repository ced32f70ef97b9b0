import type { PopupViewModel } from '@/lib/views/popup-view';
import type { TrackerState } from '@/lib/views/tracker-state';
import { openBackupAndRestore, openCommanderSettings, openOptionsPage } from '@/components/page-actions';
import { TrackerApp, type PageExtras } from '@/components/TrackerApp';
import type { TrackerActions } from '@/components/tracker-actions';
import { PopupView } from './PopupView';
import { sidePanelOpener } from './side-panel-opener';

/** The popup's data layer (./popup-data.ts), a lazy chunk loaded as the popup opens. */
export type PopupData = typeof import('./popup-data');
export const loadPopupData = (): Promise<PopupData> => import('./popup-data');

/** Where the popup keeps its first frame (lib/storage/view-snapshot-adapter.ts). */
export const POPUP_SNAPSHOT = 'snapshot:popup';

/**
 * The popup wired to the store (components/TrackerApp.tsx): one read on open (painted from its snapshot
 * until the read is in), a re-read on every change announced elsewhere.
 */
export class PopupApp extends TrackerApp<PopupViewModel, PopupData> {
  protected readonly snapshotKey = POPUP_SNAPSHOT;
  protected readonly readyMark = 'popup-ready';
  private readonly openSidePanel = sidePanelOpener();

  protected loadData(): Promise<PopupData> {
    return loadPopupData();
  }

  protected modelOf(data: PopupData, state: TrackerState, now: number): PopupViewModel {
    return data.popupView(state, now);
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
