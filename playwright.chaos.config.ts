import { defineConfig } from '@playwright/test';
import base from './playwright.config';

// `npm run test:chaos`: the long reliability runs (tests/chaos/), against the production build like the
// e2e suite, one Chromium at a time.
export default defineConfig({
  ...base,
  testDir: 'tests/chaos',
  timeout: 30 * 60_000,
  reporter: [['list'], ['json', { outputFile: 'reports/chaos.json' }]],
});
