import { defineConfig } from '@playwright/test';
import base from './playwright.config';

// `npm run test:chaos`: the long reliability runs (tests/chaos/), against the production build like the
// e2e suite, one Chromium at a time.
export default defineConfig({
  ...base,
  testDir: 'tests/chaos',
  // Only specs: the unit tests of the e2e helpers (*.test.ts) beside them are Vitest's.
  testMatch: '**/*.spec.ts',
  timeout: 30 * 60_000,
  reporter: [['list'], ['json', { outputFile: 'reports/chaos.json' }]],
});
