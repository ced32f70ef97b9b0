import { SidePanelApp } from '@/components/SidePanelApp';
import { mountWithState } from '@/components/mount-with-state';
import '@/components/theme.css';
import '@/components/views.css';
import '@/components/sidepanel.css';
import { loadBuiltinPack } from '@/lib/builtin-pack';

// The side panel usually shows the built-in arc: its file is read beside the store (index.html preloads it).
void loadBuiltinPack();
mountWithState((initial) => <SidePanelApp initial={initial} />);
