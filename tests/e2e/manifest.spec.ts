/**
 * Issue 8 item 7: the manifest that ships (.output/chrome-mv3, built by `npm run build` before the e2e
 * suite) asks for exactly the permissions README.md justifies. tests/unit/manifest.test.ts checks
 * wxt.config.ts; this checks what WXT made of it, which is what Chrome grants.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { type PermissionKind, readmeNames } from '../readme-permissions';
import { EXTENSION_DIR } from './fixtures';

type Manifest = Partial<Record<PermissionKind | 'optional_permissions' | 'content_scripts', unknown>>;

function builtManifest(): Manifest {
  const file = path.join(EXTENSION_DIR, 'manifest.json');
  // No skip: a missing build must fail here, not let the check pass unseen.
  return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
}

const sorted = (list: unknown) => (Array.isArray(list) ? [...list].sort() : list);

for (const kind of ['permissions', 'host_permissions', 'optional_host_permissions'] as const) {
  test(`the built manifest asks under ${kind} for exactly what README.md lists`, () => {
    const listed = readmeNames(kind);
    const asked = sorted(builtManifest()[kind] ?? []);
    // The figures, printed (warn: the lint allows only warn and error on the console).
    console.warn(`${kind}: built ${JSON.stringify(asked)}, README ${JSON.stringify(listed)}`);
    expect(asked).toEqual(listed);
  });
}

test('the built manifest grants no access the README table does not list', () => {
  const manifest = builtManifest();
  // README lists no optional API permission, and content scripts' `matches` would grant hosts too.
  expect(manifest.optional_permissions ?? []).toEqual([]);
  expect(manifest.content_scripts).toBeUndefined();
});
