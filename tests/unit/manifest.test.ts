import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { UserManifest } from 'wxt';
import config from '../../wxt.config';

/** The permission names in README.md's "Permissions" table, in order. */
function readmePermissions(): string[] {
  const readme = readFileSync('README.md', 'utf8');
  const section = readme.split('## Permissions')[1]?.split('\n## ')[0] ?? '';
  return [...section.matchAll(/^\| `([^`]+)`/gm)].map((match) => match[1] ?? '');
}

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

  it('asks for exactly the permissions README.md justifies', () => {
    const asked = [
      ...(manifest.permissions ?? []),
      ...(manifest.host_permissions ?? []),
      ...(manifest.optional_host_permissions ?? []),
    ];
    expect(asked.sort()).toEqual(readmePermissions().sort());
  });

  it('grants hosts only on SentinelOne consoles, other consoles one origin at a time', () => {
    expect(manifest.host_permissions).toEqual(['https://*.sentinelone.net/*']);
    expect(manifest.optional_host_permissions).toEqual(['https://*/*']);
    expect(JSON.stringify(manifest)).not.toMatch(/localhost|127\.0\.0\.1/);
  });

  it('is named S1 IOC Manager', () => {
    expect(manifest.name).toBe('S1 IOC Manager');
  });
});
