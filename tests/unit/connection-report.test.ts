import { describe, expect, it } from 'vitest';
import { type ConnectionReport, describeConnectionReport } from '../../lib/connection-check';

const now = Date.parse('2026-11-27T12:00:00Z');
const report = (tokenExpiresAt: string | null): ConnectionReport => ({
  userEmail: 'soc@acme.example',
  userName: 'SOC',
  scope: 'account',
  tokenExpiresAt,
  accountId: '2163822725049635476',
  iocCount: 42,
  firstPageSize: 10,
});

describe('describeConnectionReport', () => {
  it.each([
    [null, 'ok', /holds 42 IOCs\.$/],
    ['2026-12-27T12:00:00Z', 'ok', /The token expires on 2026-12-27\.$/],
    ['2026-12-04T12:00:01Z', 'ok', /expires on 2026-12-04/],
    [
      '2026-12-03T12:00:00Z',
      'warn',
      /Warning: the token expires in 6 days \(2026-12-03\); create a new one soon\.$/,
    ],
    ['2026-11-28T13:00:00Z', 'warn', /expires in 1 day /],
    ['2026-11-27T11:00:00Z', 'warn', /The token expired on 2026-11-27\.$/],
  ])('a token expiring %s is %s', (expiry, kind, text) => {
    const described = describeConnectionReport(report(expiry), now);
    expect(described.kind).toBe(kind);
    expect(described.text).toMatch(
      /^Connected as soc@acme\.example \(account scope\)\. Account 2163822725049635476 holds 42 IOCs\./,
    );
    expect(described.text).toMatch(text);
  });
});
