import { PopupApp } from '@/components/PopupApp';
import { mountWithState } from '@/components/mount-with-state';
import theme from '@/components/theme.css?inline';
import views from '@/components/views.css?inline';
import popup from '@/components/popup.css?inline';

mountWithState((initial) => <PopupApp initial={initial} />, [theme, views, popup]);
