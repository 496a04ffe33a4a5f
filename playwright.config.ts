import { defineConfig } from '@playwright/test';

// The extension is loaded into a persistent Chromium profile per test (tests/e2e/fixtures.ts), and
// 2 cores run one Chromium well: one worker, no parallelism.
export default defineConfig({
  testDir: 'tests/e2e',
  // Only specs: the unit tests of the e2e helpers (*.test.ts) beside them are Vitest's.
  testMatch: '**/*.spec.ts',
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  outputDir: 'test-results',
  reporter: [['list'], ['json', { outputFile: 'reports/e2e.json' }]],
  use: { trace: 'retain-on-failure' },
});
