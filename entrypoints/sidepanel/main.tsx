import { SIDE_PANEL_SNAPSHOT, SidePanelApp } from '@/entrypoints/sidepanel/SidePanelApp';
import type { ChecklistViewModel } from '@/lib/views/checklist-view';
import { mountWithState } from '@/components/mount-with-state';
import theme from '@/components/theme.css?inline';
import views from '@/components/views.css?inline';
import sidepanel from '@/entrypoints/sidepanel/sidepanel.css?inline';

mountWithState<ChecklistViewModel>((start) => <SidePanelApp {...start} />, [theme, views, sidepanel], SIDE_PANEL_SNAPSHOT);
