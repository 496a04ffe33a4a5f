/**
 * README.md's "Permissions" table, the one place a permission is justified. Read by the unit test of
 * wxt.config.ts and by the e2e test of the built manifest, so both hold the manifest to one list.
 */
import { readFileSync } from 'node:fs';

/** Which manifest key a row belongs to: its annotation after the name, `(host)` or `(optional host)`. */
export type PermissionKind = 'permissions' | 'host_permissions' | 'optional_host_permissions';

const KINDS: Readonly<Record<string, PermissionKind>> = {
  '': 'permissions',
  '(host)': 'host_permissions',
  '(optional host)': 'optional_host_permissions',
};

/** Every row of the table as [kind, name], in order; throws when the section or a row cannot be read. */
export function readmePermissions(
  readme = readFileSync('README.md', 'utf8'),
): Array<[PermissionKind, string]> {
  const section = readme.split('\n## Permissions\n')[1]?.split('\n## ')[0];
  if (section === undefined) throw new Error('README.md has no "## Permissions" section');
  const rows = [...section.matchAll(/^\| `([^`]+)`([^|]*)\|/gm)].map((match): [PermissionKind, string] => {
    const note = (match[2] ?? '').trim();
    const kind = KINDS[note];
    // A row with an unknown note would otherwise be counted under the wrong key.
    if (kind === undefined) throw new Error(`README.md Permissions: unknown note "${note}" on ${match[1]}`);
    return [kind, match[1] ?? ''];
  });
  if (rows.length === 0) throw new Error('README.md Permissions: the table has no rows');
  return rows;
}

/** The README's names for one manifest key, sorted. */
export function readmeNames(kind: PermissionKind, readme?: string): string[] {
  return readmePermissions(readme)
    .filter(([k]) => k === kind)
    .map(([, name]) => name)
    .sort();
}
