import { PopupApp } from '@/components/PopupApp';
import { mountWithState } from '@/components/mount-with-state';
import '@/components/theme.css';
import '@/components/views.css';
import '@/components/popup.css';

mountWithState((initial) => <PopupApp initial={initial} />);
