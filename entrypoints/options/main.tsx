import { render } from 'preact';
import { startPageCache } from '../../components/page/use-ioc-cache';
import { App, allProfiles } from './App';

// The first rows' read starts before the first render, beside the page's storage reads: they are
// what the analyst waits for. Across profiles the view reads each profile's cache itself.
const cache = startPageCache(!allProfiles);
const root = document.getElementById('app');
if (root) render(<App cache={cache} />, root);
