import { render } from 'preact';
import { popupGate } from '../../components/lookup/popup-gate';
import { holdIdleWork } from '../../components/page/when-idle';
import { App } from './App';

// Before the first render: every hook's idle work waits for the first answer (popup-gate.ts).
holdIdleWork(popupGate.opened);
const root = document.getElementById('app');
if (root) render(<App />, root);
