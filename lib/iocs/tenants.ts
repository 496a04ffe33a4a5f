/**
 * The IOCs of every profile in one table: each profile's cached IOCs one after the other, and beside
 * them one byte per row naming its tenant. The single-profile table has no such column and pays
 * nothing for it; at 10 tenants of 100,000 IOCs the column is 1 MB, where a wrapper object per row
 * would be tens of MB and a copy of every IOC with a tenant field hundreds.
 */
import type { StoredConnection } from '../../config/connection';
import type { ProfileColour, ProfileEntry, ProfileList } from '../profiles/profile-list';
import { profileLabel } from '../profiles/profile-list';
import { scopeInWords } from '../settings/scope-words';
import { errorText } from '../text/error-text';
import { pluralize } from '../text/pluralize';

/** A profile as the combined table shows it. */
export interface Tenant {
  id: string;
  /** The profile's name, else its connection's scope in words, else "Profile N". */
  label: string;
  colour: ProfileColour;
}

/** Which tenant each row of a combined list belongs to. */
export interface TenantRows {
  tenants: readonly Tenant[];
  /** Per row, the index of its tenant in `tenants` (at most MAX_PROFILES, well under 256). */
  of: Uint8Array;
}

/** The tenant of `profile`, labelled as the manager's header labels it. */
export function tenantOf(
  list: ProfileList,
  profile: ProfileEntry,
  connection: Pick<StoredConnection, 'accountId' | 'accountName' | 'scope'> | null | undefined,
): Tenant {
  return {
    id: profile.id,
    label: profileLabel(list, profile, connection ? scopeInWords(connection) : undefined),
    colour: profile.colour,
  };
}

/** The parts' items one after the other, and the tenant of each. */
export function combineTenants<T>(parts: readonly { tenant: Tenant; items: readonly T[] }[]): {
  items: T[];
  rows: TenantRows;
} {
  let total = 0;
  for (const part of parts) total += part.items.length;
  const items: T[] = new Array(total);
  const of = new Uint8Array(total);
  let at = 0;
  parts.forEach((part, index) => {
    const { items: own } = part;
    for (let i = 0; i < own.length; i++) items[at + i] = own[i] as T;
    of.fill(index, at, at + own.length);
    at += own.length;
  });
  return { items, rows: { tenants: parts.map((part) => part.tenant), of } };
}

export interface TenantGroup<T> {
  tenant: Tenant;
  items: T[];
}

/**
 * The rows at `positions` grouped by tenant, in the tenants' order, as `pick` makes them: each write
 * goes to the profile its rows came from, one request per profile.
 */
export function groupByTenant<T>(
  positions: Iterable<number>,
  rows: TenantRows,
  pick: (position: number) => T,
): TenantGroup<T>[] {
  const groups: T[][] = rows.tenants.map(() => []);
  for (const position of positions) groups[rows.of[position] as number]?.push(pick(position));
  return rows.tenants
    .map((tenant, index) => ({ tenant, items: groups[index] as T[] }))
    .filter((group) => group.items.length > 0);
}

/** "2 IOCs in Acme and 1 IOC in Globex": what a write across tenants is about to touch. */
export function describeGroups(groups: readonly { tenant?: Tenant; items: readonly unknown[] }[]): string {
  const parts = groups.map((group) =>
    group.tenant
      ? `${pluralize(group.items.length, 'IOC')} in ${group.tenant.label}`
      : pluralize(group.items.length, 'IOC'),
  );
  if (parts.length <= 1) return parts[0] ?? 'no IOC';
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

/** The index in `rows.tenants` of profile `id`, or -1 when no tenant is that profile. */
export function tenantIndex(rows: TenantRows, id: string): number {
  return rows.tenants.findIndex((tenant) => tenant.id === id);
}

/**
 * The key that tells rows apart for the selection: the IOC's uuid alone in one profile; with the
 * profile in front across profiles, since two consoles owe each other no unique uuids.
 */
export function rowKeyOf(uuid: string, tenant: Tenant | undefined): string {
  return tenant ? `${tenant.id}/${uuid}` : uuid;
}

/**
 * A test of "is the row at a position selected", allocating nothing per row: the selected keys are
 * split by tenant once, so 1,000,000 rows are checked without building 1,000,000 keys.
 */
export function selectionTest(
  selected: ReadonlySet<string>,
  uuidAt: (position: number) => string,
  rows: TenantRows | undefined,
): (position: number) => boolean {
  if (selected.size === 0) return () => false;
  if (!rows) return (position) => selected.has(uuidAt(position));
  const byTenant = rows.tenants.map(() => new Set<string>());
  const index = new Map(rows.tenants.map((tenant, i) => [tenant.id, i]));
  for (const key of selected) {
    const slash = key.indexOf('/');
    const at = slash === -1 ? undefined : index.get(key.slice(0, slash));
    if (at !== undefined) byTenant[at]?.add(key.slice(slash + 1));
  }
  return (position) => byTenant[rows.of[position] as number]?.has(uuidAt(position)) ?? false;
}

/** A write's rows for one profile: `tenant` undefined for the page's one profile. */
export interface WriteGroup<T> {
  tenant?: Tenant;
  items: T[];
}

export interface GroupFailure {
  tenant?: Tenant;
  error: string;
}

/**
 * Runs `write` for each group in turn; a failure in one tenant does not stop the others. Answers
 * the failures, each with its tenant, in the groups' order.
 */
export async function eachGroup<T>(
  groups: readonly WriteGroup<T>[],
  write: (group: WriteGroup<T>) => Promise<void>,
): Promise<GroupFailure[]> {
  const failures: GroupFailure[] = [];
  for (const group of groups) {
    try {
      await write(group);
    } catch (error) {
      failures.push({ tenant: group.tenant, error: errorText(error) });
    }
  }
  return failures;
}

/** "Globex: 403 Forbidden. Initech: …" (or the one failure's reason in one profile); null for none. */
export function failuresText(failures: readonly GroupFailure[]): string | null {
  if (failures.length === 0) return null;
  return failures
    .map((failure) => (failure.tenant ? `${failure.tenant.label}: ${failure.error}` : failure.error))
    .join(' ');
}
