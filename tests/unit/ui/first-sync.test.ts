/** What the IOCs view says while it has no IOCs to show: the first sync, its failure, a cache being read. */
import { describe, expect, it } from 'vitest';
import { IDLE_STATUS, type SyncStatus } from '../../../lib/sync/sync-status';
import { firstSyncNotice } from '../../../lib/ui/first-sync';

const AT = '2025-01-02T03:04:05.000Z';
const running = (fetched: number, total: number | null): SyncStatus['running'] => ({
  kind: 'full',
  phase: 'fetching',
  fetched,
  total,
  startedAt: AT,
});
const status = (change: Partial<SyncStatus>): SyncStatus => ({ ...IDLE_STATUS, ...change });

describe('firstSyncNotice', () => {
  it.each([
    [
      'the first sync with its total',
      status({ running: running(1000, 2345) }),
      0,
      'running',
      'syncing',
      'First sync running: 1,000 of 2,345 IOCs. They appear here once all have arrived.',
    ],
    [
      'the first sync before the console said how many',
      status({ running: running(0, null) }),
      0,
      'running',
      'syncing',
      'First sync running: 0 IOCs fetched so far. They appear here once all have arrived.',
    ],
    [
      'a first sync that failed, its message a sentence',
      status({
        lastError: { kind: 'token-invalid', message: 'The API token is invalid (HTTP 401).', at: AT },
      }),
      0,
      'failed',
      'failed',
      'The first sync failed: The API token is invalid (HTTP 401). Check the connection in Settings, then press “Grab the IOC ✊”.',
    ],
    [
      'a first sync that failed, its message without a full stop',
      status({ lastError: { kind: 'network', message: 'Could not reach the console', at: AT } }),
      0,
      'failed',
      'failed',
      'The first sync failed: Could not reach the console. Check the connection in Settings, then press “Grab the IOC ✊”.',
    ],
    [
      'saved, the sync not started yet',
      IDLE_STATUS,
      0,
      'waiting',
      'never',
      'The first sync starts in a moment; “Grab the IOC ✊” starts it now.',
    ],
    [
      'a completed sync the page has not read yet',
      status({ completeAt: AT, iocCount: 2345 }),
      0,
      'reading',
      'syncing',
      'Reading 2,345 IOCs from the local cache…',
    ],
  ] as const)('%s', (_, given, cached, kind, state, text) => {
    expect(firstSyncNotice(given, cached)).toMatchObject({ kind, state, text });
  });

  it('gives the progress of the first sync for a progress bar', () => {
    expect(firstSyncNotice(status({ running: running(10, 20) }), 0)?.progress).toEqual({
      fetched: 10,
      total: 20,
    });
  });

  it.each([
    ['IOCs are shown', status({ running: running(10, 20) }), 5],
    ['the page is still reading the cache (it says so itself)', status({ running: running(10, 20) }), null],
    ['a completed sync found no IOCs (the table says so)', status({ completeAt: AT, iocCount: 0 }), 0],
    [
      'a later sync runs over a complete cache',
      status({ completeAt: AT, iocCount: 3, running: running(1, 3) }),
      3,
    ],
  ] as const)('shows the table when %s', (_, given, cached) => {
    expect(firstSyncNotice(given, cached)).toBeNull();
  });
});
