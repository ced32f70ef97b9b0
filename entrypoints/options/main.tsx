import { render } from 'preact';
import { OptionsPage } from '@/entrypoints/options/OptionsPage';
import '@/components/theme.css';
import './options.css';
import { provideUpgrade } from '@/lib/storage/upgrade-loader';

// A store in an older layout is upgraded by whichever context reads it first: here, from a lazy chunk.
provideUpgrade(() => import('@/lib/storage/upgrade-adapter'));

render(<OptionsPage />, document.getElementById('app')!);
