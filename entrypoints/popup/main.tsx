import { PopupApp } from '@/entrypoints/popup/PopupApp';
import { mountWithState } from '@/components/mount-with-state';
import theme from '@/components/theme.css?inline';
import views from '@/components/views.css?inline';
import popup from '@/entrypoints/popup/popup.css?inline';

mountWithState((initial) => <PopupApp initial={initial} />, [theme, views, popup]);
