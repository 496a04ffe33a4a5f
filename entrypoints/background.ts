import { defineBackground } from 'wxt/utils/define-background';
import { serveMessages } from '../lib/serve-messages';

// Wiring only (house-style §3.1): main() must stay synchronous and register every listener at once.
export default defineBackground(() => {
  serveMessages();
});
