import { POPUP_SNAPSHOT, PopupApp } from '@/entrypoints/popup/PopupApp';
import type { PopupViewModel } from '@/lib/views/popup-view';
import { mountWithState } from '@/components/mount-with-state';
import theme from '@/components/theme.css?inline';
import views from '@/components/views.css?inline';
import popup from '@/entrypoints/popup/popup.css?inline';

mountWithState<PopupViewModel>((start) => <PopupApp {...start} />, [theme, views, popup], POPUP_SNAPSHOT);
