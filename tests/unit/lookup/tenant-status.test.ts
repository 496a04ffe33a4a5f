import { describe, expect, it } from 'vitest';
import {
  type TenantStatus,
  tenantsCount,
  tenantsHeadline,
  tenantWarnings,
} from '../../../lib/lookup/tenant-status';
import { IDLE_STATUS, type SyncStatus } from '../../../lib/sync/sync-status';

const at = (iso: string): SyncStatus => ({ ...IDLE_STATUS, completeAt: iso, iocCount: 1000 });
const running: SyncStatus = {
  ...IDLE_STATUS,
  running: { kind: 'full', phase: 'fetching', fetched: 1, total: 2, startedAt: '2026-03-01T00:00:00Z' },
};
const failed: SyncStatus = {
  ...at('2026-03-01T00:00:00Z'),
  lastError: { kind: 'network', message: 'offline', at: '2026-03-02T00:00:00Z' },
};

const entries = (rows: [string, SyncStatus | undefined, boolean | null][]): TenantStatus[] =>
  rows.map(([label, status, connected], index) => ({
    tenant: { id: `p${index + 1}`, label, colour: 'blue' },
    status,
    connected,
  }));

describe('tenantsHeadline', () => {
  it.each<[string, [string, SyncStatus | undefined, boolean | null][], string, string]>([
    [
      'all complete: the oldest time',
      [
        ['Acme', at('2026-03-02T00:00:00Z'), true],
        ['Globex', at('2026-03-01T00:00:00Z'), true],
      ],
      'complete',
      'All 2 tenants complete as of 2026-03-01T00:00:00Z',
    ],
    [
      'a sync running names its tenant',
      [
        ['Acme', at('2026-03-02T00:00:00Z'), true],
        ['Globex', running, true],
      ],
      'syncing',
      'Syncing Globex…',
    ],
    [
      'a failure names its tenant',
      [
        ['Acme', failed, true],
        ['Globex', at('2026-03-02T00:00:00Z'), true],
      ],
      'failed',
      'Last sync failed: Acme',
    ],
    [
      'never synced names its tenants',
      [
        ['Acme', at('2026-03-02T00:00:00Z'), true],
        ['Globex', IDLE_STATUS, null],
        ['Initech', IDLE_STATUS, true],
      ],
      'never',
      'Not synced yet: Globex, Initech',
    ],
    [
      'a profile not connected is told by its warning, not the headline',
      [
        ['Acme', at('2026-03-02T00:00:00Z'), true],
        ['Globex', IDLE_STATUS, false],
      ],
      'complete',
      'All 2 tenants complete as of 2026-03-02T00:00:00Z',
    ],
    ['nothing read yet', [['Acme', undefined, null]], 'never', 'Not synced yet'],
  ])('%s', (_name, rows, state, text) => {
    expect(tenantsHeadline(entries(rows))).toEqual({ state, text });
  });
});

describe('tenantWarnings and tenantsCount', () => {
  it('names the tenant of each warning, and adds up the caches', () => {
    const now = Date.parse('2026-03-10T00:00:00Z');
    const rows = entries([
      ['Acme', { ...at('2026-03-02T00:00:00Z'), tokenExpiresAt: '2026-03-12T00:00:00Z' }, true],
      ['Globex', IDLE_STATUS, false],
      ['Initech', at('2026-03-02T00:00:00Z'), true],
    ]);
    expect(tenantWarnings(rows, now)).toEqual([
      'Acme: The API token expires in 2 days (2026-03-12): create a new one soon.',
      'Globex: not connected: set its console URL and API token in Settings.',
    ]);
    expect(tenantsCount(rows)).toBe('2,000 IOCs cached in 3 tenants');
  });
});
