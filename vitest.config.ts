import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.ts'],
    setupFiles: ['tests/unit/setup.ts'],
    mockReset: true,
    restoreMocks: true,
    // reports/unit.json feeds the "N passed, N failed" line of .ci/run (tests/ci-summary.mjs).
    reporters: ['default', 'json'],
    outputFile: { json: 'reports/unit.json' },
  },
});
