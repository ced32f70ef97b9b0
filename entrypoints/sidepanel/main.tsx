import { SidePanelApp } from '@/components/SidePanelApp';
import { mountWithState } from '@/components/mount-with-state';
import '@/components/theme.css';
import '@/components/views.css';
import '@/components/sidepanel.css';

mountWithState((initial) => <SidePanelApp initial={initial} />);
