/**
 * The store package for Chrome and Edge: the zip `npm run zip` writes (`npm test` builds with it) is the
 * build the other specs load, ready for the Chrome Web Store and Edge Add-ons.
 */
import { existsSync, readdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { EXTENSION_DIR } from './fixtures';
import { expectStoreReady, openStorePackage, packagePath } from './store-package';

test('npm run zip packs the tested build with its version and every icon', async () => {
  const file = packagePath('chrome');
  expect(existsSync(file), `${file} is missing: run npm run zip`).toBe(true);
  const chrome = await openStorePackage(file);
  expectStoreReady(chrome);
  expect(chrome.manifest.background).toEqual({ service_worker: 'background.js' });
  // Chrome lists unknown keys as errors on the extensions page; the Firefox hook must not leak here.
  expect(chrome.manifest.browser_specific_settings).toBeUndefined();
  // A zip older than the build would ship something the suite never ran: same files, same names.
  const built = readdirSync(EXTENSION_DIR, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => `${entry.parentPath.slice(EXTENSION_DIR.length + 1)}/${entry.name}`.replace(/^\//, ''))
    .sort();
  expect(chrome.names).toEqual(built);
});
