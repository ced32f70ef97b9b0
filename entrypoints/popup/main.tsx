import { loadPopupData, POPUP_SNAPSHOT, PopupApp, type PopupData } from '@/entrypoints/popup/PopupApp';
import type { PopupViewModel } from '@/lib/views/popup-view';
import { mountWithState } from '@/components/mount-with-state';
import theme from '@/components/theme.css?inline';
import views from '@/components/views.css?inline';
import popup from '@/entrypoints/popup/popup.css?inline';

mountWithState<PopupViewModel, PopupData>((start) => <PopupApp {...start} />, [theme, views, popup], POPUP_SNAPSHOT, loadPopupData);
