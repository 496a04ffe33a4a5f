import { describe, expect, it } from 'vitest';
import {
  badgeText,
  IDLE_STATUS,
  type SyncStatus,
  syncHeadline,
  tokenWarning,
} from '../../../lib/sync/sync-status';

const running = (fetched: number, total: number | null, kind: 'full' | 'incremental' = 'full') => ({
  kind,
  phase: 'fetching' as const,
  fetched,
  total,
  startedAt: '2026-11-27T12:00:00.000Z',
});

describe('syncHeadline', () => {
  it.each<[string, Partial<SyncStatus>, string, string]>([
    ['never synced', {}, 'never', 'Not synced yet'],
    ['syncing with a total', { running: running(1000, 2345) }, 'syncing', 'Full sync: 1,000 of 2,345 IOCs…'],
    [
      'syncing without a total',
      { running: running(12, null, 'incremental') },
      'syncing',
      'Syncing: 12 IOCs…',
    ],
    [
      'syncing while the console limits the rate',
      { running: { ...running(1000, 2345), slowedByConsole: true } },
      'syncing',
      'Full sync: 1,000 of 2,345 IOCs… SentinelOne is limiting the request rate: slowing down.',
    ],
    [
      'complete',
      { completeAt: '2026-11-27T12:00:00.000Z' },
      'complete',
      'Complete as of 2026-11-27T12:00:00.000Z',
    ],
    [
      'failed after a success',
      {
        completeAt: '2026-11-27T12:00:00.000Z',
        lastError: { kind: 'server', message: 'HTTP 500', at: '2026-11-27T12:15:00.000Z' },
      },
      'failed',
      'Last sync failed: HTTP 500',
    ],
    [
      'an old failure fixed since',
      {
        completeAt: '2026-11-27T12:30:00.000Z',
        lastError: { kind: 'server', message: 'HTTP 500', at: '2026-11-27T12:15:00.000Z' },
      },
      'complete',
      'Complete as of 2026-11-27T12:30:00.000Z',
    ],
  ])('%s', (_, change, state, text) => {
    expect(syncHeadline({ ...IDLE_STATUS, ...change })).toEqual({ state, text });
  });
});

describe('badgeText', () => {
  it.each([
    [null, ''],
    [running(0, null), '…'],
    [running(0, 0), '…'],
    [running(500, 1000), '50%'],
    [running(1000, 1000), '99%'],
    [running(1200, 1000), '99%'],
  ])('%j shows %j', (progress, text) => {
    expect(badgeText(progress)).toBe(text);
  });
});

describe('tokenWarning', () => {
  const now = Date.parse('2026-11-27T12:00:00Z');
  it.each<[Partial<SyncStatus>, string | null]>([
    [{}, null],
    [{ tokenExpiresAt: '2027-01-01T00:00:00Z' }, null],
    [
      { tokenExpiresAt: '2026-12-01T12:00:00Z' },
      'The API token expires in 4 days (2026-12-01): create a new one soon.',
    ],
    [
      { tokenExpiresAt: '2026-11-28T11:00:00Z' },
      'The API token expires in less than a day (2026-11-28): create a new one soon.',
    ],
    [
      { tokenExpiresAt: '2026-11-20T00:00:00Z' },
      'The API token expired on 2026-11-20: enter a new one in Settings.',
    ],
    [
      { tokenExpiresAt: '2027-01-01T00:00:00Z', lastError: { kind: 'token-invalid', message: 'x', at: 'T' } },
      'The API token is invalid or has expired: enter a new one in Settings.',
    ],
  ])('%j', (change, expected) => {
    expect(tokenWarning({ ...IDLE_STATUS, ...change }, now)).toBe(expected);
  });
});
