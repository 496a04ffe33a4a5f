/**
 * The popup's status line with several profiles: one headline for all their syncs, naming a tenant
 * only when it needs a look (syncing, failing, never synced), and each tenant's warnings named.
 */
import { type SyncHeadline, type SyncStatus, syncHeadline, tokenWarning } from '../sync/sync-status';
import type { Tenant } from './tenant-answers';

export interface TenantStatus {
  tenant: Tenant;
  /** Undefined until read. */
  status: SyncStatus | undefined;
  /** Null while unknown (the settings load when the popup is idle). */
  connected: boolean | null;
}

const names = (entries: readonly TenantStatus[]) => entries.map((e) => e.tenant.label).join(', ');

/** "Syncing Globex…", "Last sync failed: Globex", "Not synced yet: Initech", or the oldest complete time. */
export function tenantsHeadline(
  entries: readonly TenantStatus[],
  formatTime: (iso: string) => string = (iso) => iso,
): SyncHeadline {
  const read = entries.filter((e): e is TenantStatus & { status: SyncStatus } => e.status !== undefined);
  const inState = (state: SyncHeadline['state']) =>
    read.filter((e) => e.connected !== false && syncHeadline(e.status).state === state);
  const syncing = inState('syncing');
  if (syncing.length > 0) return { state: 'syncing', text: `Syncing ${names(syncing)}…` };
  const failed = inState('failed');
  if (failed.length > 0) return { state: 'failed', text: `Last sync failed: ${names(failed)}` };
  const never = inState('never');
  if (never.length > 0 || read.length === 0)
    return { state: 'never', text: never.length > 0 ? `Not synced yet: ${names(never)}` : 'Not synced yet' };
  const oldest = read
    .map((e) => e.status.completeAt)
    .filter((at): at is string => at !== null)
    .sort()[0] as string;
  return { state: 'complete', text: `All ${entries.length} tenants complete as of ${formatTime(oldest)}` };
}

/** Every tenant's warnings (not connected, token expiring or refused), each named by its tenant. */
export function tenantWarnings(entries: readonly TenantStatus[], now: number): string[] {
  return entries.flatMap(({ tenant, status, connected }) => {
    if (connected === false)
      return [`${tenant.label}: not connected: set its console URL and API token in Settings.`];
    const warning = status ? tokenWarning(status, now) : null;
    return warning ? [`${tenant.label}: ${warning}`] : [];
  });
}

/** "12,345 IOCs cached in 3 tenants". */
/** One formatter for the popup's life: toLocaleString builds one per call, at each render. */
const COUNT = new Intl.NumberFormat('en-US');

export function tenantsCount(entries: readonly TenantStatus[]): string {
  const total = entries.reduce((sum, e) => sum + (e.status?.iocCount ?? 0), 0);
  return `${COUNT.format(total)} IOCs cached in ${entries.length} tenants`;
}
