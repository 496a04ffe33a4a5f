import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import config from '../../wxt.config';

/** The permission names in README.md's "Permissions" table, in order. */
function readmePermissions(): string[] {
  const readme = readFileSync('README.md', 'utf8');
  const section = readme.split('## Permissions')[1]?.split('\n## ')[0] ?? '';
  return [...section.matchAll(/^\| `([^`]+)`/gm)].map((match) => match[1] ?? '');
}

describe('manifest', () => {
  const manifest = typeof config.manifest === 'object' ? config.manifest : {};

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
