import { SidePanelApp } from '@/components/SidePanelApp';
import { mountWithState } from '@/components/mount-with-state';
import theme from '@/components/theme.css?inline';
import views from '@/components/views.css?inline';
import sidepanel from '@/components/sidepanel.css?inline';
import { builtinPack, provideBuiltinPack } from '@/lib/builtin-pack';

// The side panel usually shows the built-in arc: it carries the pack's data rather than fetching it.
provideBuiltinPack(builtinPack());
mountWithState((initial) => <SidePanelApp initial={initial} />, [theme, views, sidepanel]);
