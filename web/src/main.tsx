import { render } from 'preact';
import { App } from './app';
import { loadEcharts } from './components/chart';
import './styles.css';

// Opened straight on a symbol page: its chart code is fetched beside the app's, not after the page has mounted.
if (/^\/securities\/[^/]+/.test(window.location.pathname)) void loadEcharts().catch(() => undefined);

render(<App />, document.getElementById('app')!);
