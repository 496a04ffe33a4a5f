import { describe, expect, it } from 'vitest';
import type { UserManifest } from 'wxt';
import { POPUP_COMMAND } from '../../lib/ui/shortcuts';
import config from '../../wxt.config';
import { readmeNames } from '../readme-permissions';

/** The manifest of wxt.config.ts, which must stay a plain object so that it can be reviewed at a glance. */
function staticManifest(): UserManifest {
  const manifest = config.manifest;
  if (!manifest || typeof manifest === 'function' || manifest instanceof Promise) {
    throw new Error('wxt.config.ts: keep `manifest` a plain object');
  }
  return manifest;
}

describe('manifest', () => {
  const manifest = staticManifest();

  it.each(['permissions', 'host_permissions', 'optional_host_permissions'] as const)(
    'asks under %s for exactly what README.md justifies',
    (kind) => {
      expect([...(manifest[kind] ?? [])].sort()).toEqual(readmeNames(kind));
    },
  );

  it('grants hosts only on SentinelOne consoles, other consoles one origin at a time', () => {
    expect(manifest.host_permissions).toEqual(['https://*.sentinelone.net/*']);
    expect(manifest.optional_host_permissions).toEqual(['https://*/*']);
    expect(JSON.stringify(manifest)).not.toMatch(/localhost|127\.0\.0\.1/);
  });

  it.each([
    ["script-src 'self'", 'scripts only from the package'],
    ["object-src 'none'", 'no plugins'],
    ["base-uri 'none'", 'no <base> to re-point relative URLs'],
    ["frame-ancestors 'none'", 'no page may frame ours'],
    ["form-action 'none'", 'no form navigates anywhere'],
  ])('restricts the extension pages with %s: %s', (directive) => {
    const policy = manifest.content_security_policy?.extension_pages ?? '';
    expect(policy.split(';').map((part) => part.trim())).toContain(directive);
  });

  it('allows nothing in its page policy beyond the package itself', () => {
    const policy = manifest.content_security_policy?.extension_pages ?? '';
    expect(policy).not.toMatch(/unsafe-|https?:|\*|data:|blob:|wasm/);
  });

  it('opens the popup with the key the manager lists (a command needs no permission)', () => {
    expect(manifest.commands).toEqual({
      _execute_action: {
        suggested_key: { default: POPUP_COMMAND.keys, mac: POPUP_COMMAND.macKeys.replace('⌘', 'Command') },
        description: 'Open the look-up popup',
      },
    });
    expect(manifest.permissions).not.toContain('commands');
  });

  it('is named S1 IOC Manager', () => {
    expect(manifest.name).toBe('S1 IOC Manager');
  });
});
