/**
 * The manifest that ships (.output/chrome-mv3, built by `npm run build` before the e2e
 * suite) asks for exactly the permissions README.md justifies. tests/unit/manifest.test.ts checks
 * wxt.config.ts; this checks what WXT made of it, which is what Chrome grants, and that the pages'
 * content security policy holds in the browser.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { type PermissionKind, readmeNames } from '../readme-permissions';
import { EXTENSION_DIR, test as extensionTest } from './fixtures';
import { openOptionsPage } from './pages/options-page';

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

test('the built manifest carries the strict page policy', () => {
  const manifest = builtManifest() as { content_security_policy?: { extension_pages?: string } };
  expect(manifest.content_security_policy?.extension_pages).toBe(
    "script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
  );
});

/**
 * What the policy stops, tried in the built options page as injected markup would: a <base> that
 * re-points relative URLs, a plugin object, our page in a frame, a form posting to another host.
 */
extensionTest(
  'the extension pages refuse a base, an object, framing and a form',
  async ({ context, extensionId }) => {
    const page = await openOptionsPage(context, extensionId);
    await expect(page.getByRole('form', { name: 'Connection' })).toBeVisible();
    const optionsUrl = page.url();
    const outcome = await page.evaluate(async () => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (event) =>
        violations.push(event.effectiveDirective),
      );
      const base = document.createElement('base');
      base.href = 'https://attacker.invalid/';
      document.head.prepend(base);
      const baseUri = document.baseURI;
      base.remove();
      const object = document.createElement('object');
      object.data = 'https://attacker.invalid/plugin.swf';
      document.body.append(object);
      const frame = document.createElement('iframe');
      frame.src = location.href;
      const loaded = new Promise((resolve) => frame.addEventListener('load', resolve));
      document.body.append(frame);
      await loaded;
      // Our page, had it loaded in the frame, would be same-origin and draw its connection form.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      let framedForm = false;
      try {
        framedForm = Boolean(frame.contentDocument?.querySelector('form'));
      } catch {
        // A blocked frame is an error page of another origin: nothing of ours inside it.
      }
      return { baseUri, framedForm, violations: [...new Set(violations)].sort() };
    });
    console.warn(`CSP in the options page: ${JSON.stringify(outcome)}`);
    expect(outcome.baseUri, 'a <base> re-points relative URLs').toBe(optionsUrl);
    expect(outcome.framedForm, 'our page loads in a frame').toBe(false);
    expect(outcome.violations).toEqual(expect.arrayContaining(['base-uri', 'object-src']));

    // Last, since without the policy it leaves the page: a form posting to another host.
    const formRefused = page.evaluate(
      () =>
        new Promise<boolean>((resolve) => {
          document.addEventListener('securitypolicyviolation', (event) =>
            resolve(event.effectiveDirective === 'form-action'),
          );
          const form = document.createElement('form');
          form.method = 'post';
          form.action = 'https://attacker.invalid/collect';
          document.body.append(form);
          form.requestSubmit();
        }),
    );
    expect(await formRefused.catch(() => 'the page navigated away'), 'a form posting elsewhere').toBe(true);
    expect(page.url()).toBe(optionsUrl);
  },
);
