/**
 * The store package for Firefox: `npm run zip:firefox` builds an MV3 package that addons.mozilla.org
 * accepts. web-ext lint runs the same addons-linter as AMO's upload, on the zip itself. The build is
 * made here, not by `npm test`'s build step, because no other spec loads the Firefox build.
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import webExt from 'web-ext';
import { expectStoreReady, openStorePackage, packagePath, type StorePackage } from './store-package';

// A build plus a lint take ~30 s on an idle machine; the limit leaves room for a busy one.
const BUILD_AND_LINT_LIMIT = 180_000;
let firefox: StorePackage;

test.beforeAll(async () => {
  test.setTimeout(BUILD_AND_LINT_LIMIT);
  rmSync(packagePath('firefox'), { force: true }); // a zip left from an earlier run must not pass for this one
  execFileSync('npm', ['run', 'zip:firefox'], { stdio: 'pipe' });
  firefox = await openStorePackage(packagePath('firefox'));
});

test('the Firefox package passes web-ext lint with no errors', async () => {
  test.setTimeout(BUILD_AND_LINT_LIMIT);
  const report = await webExt.cmd.lint(
    { sourceDir: firefox.file, output: 'none' },
    { shouldExitProgram: false },
  );
  const { errors, warnings, notices } = report.summary;
  const listed = [...report.errors, ...report.warnings, ...report.notices].map(
    (m) => `${m.code} ${m.file ?? ''}`,
  );
  console.warn(
    `web-ext lint: ${errors} errors, ${warnings} warnings, ${notices} notices ${JSON.stringify(listed)}`,
  );
  expect(report.errors.map((m) => `${m.code} ${m.file ?? ''}: ${m.message}`)).toEqual([]);
});

test('the Firefox package carries its version, every icon and the Firefox MV3 keys', () => {
  expectStoreReady(firefox);
  // Firefox MV3 runs the background as an event page; it has no service workers for extensions.
  expect(firefox.manifest.background).toEqual({ scripts: ['background.js'] });
  const gecko = firefox.manifest.browser_specific_settings?.gecko;
  expect(gecko?.id).toMatch(/\S/);
  expect(gecko?.strict_min_version).toBe('140.0');
  expect(gecko?.data_collection_permissions).toEqual({ required: ['none'] });
});
