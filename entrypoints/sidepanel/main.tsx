import { SIDE_PANEL_SNAPSHOT, SidePanelApp } from '@/entrypoints/sidepanel/SidePanelApp';
import type { ChecklistViewModel } from '@/lib/views/checklist-view';
import { mountWithState } from '@/components/mount-with-state';
import theme from '@/components/theme.css?inline';
import views from '@/components/views.css?inline';
import sidepanel from '@/entrypoints/sidepanel/sidepanel.css?inline';
import { builtinPack, provideBuiltinPack } from '@/lib/packs/builtin';

// The side panel usually shows the built-in arc: it carries the pack's data rather than fetching it.
provideBuiltinPack(builtinPack());
mountWithState<ChecklistViewModel>((start) => <SidePanelApp {...start} />, [theme, views, sidepanel], SIDE_PANEL_SNAPSHOT);
