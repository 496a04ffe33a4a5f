import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { yamlAsData } from './config/vite-yaml';

export default defineConfig({
  plugins: [WxtVitest(), yamlAsData()],
  test: {
    // Unit tests mirror lib/ under tests/unit/; the simulator's, bench's, demo's and CI's own tests sit
    // beside the code they test.
    include: ['tests/**/*.test.ts', '.ci/**/*.test.ts'],
    setupFiles: ['tests/unit/setup.ts'],
    mockReset: true,
    restoreMocks: true,
    // reports/unit.json feeds the "N passed, N failed" line of .ci/run (tests/ci-summary.mjs).
    reporters: ['default', 'json'],
    outputFile: { json: 'reports/unit.json' },
  },
});
