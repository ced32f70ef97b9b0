import { PopupApp } from '@/components/PopupApp';
import { applyStyles } from '@/components/apply-styles';
import { mountWithState } from '@/components/mount-with-state';
import theme from '@/components/theme.css?inline';
import views from '@/components/views.css?inline';
import popup from '@/components/popup.css?inline';

applyStyles(theme, views, popup);
mountWithState((initial) => <PopupApp initial={initial} />);
