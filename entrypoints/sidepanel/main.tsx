import { render } from 'preact';
import { SidePanelApp } from '@/components/SidePanelApp';
import '@/components/theme.css';
import '@/components/views.css';
import '@/components/sidepanel.css';

render(<SidePanelApp />, document.getElementById('app')!);
