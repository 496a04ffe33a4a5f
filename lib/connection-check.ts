/** "Test connection": proves the console answers, the token works and the account's IOCs can be read. */
import type { Connection } from '../config/connection';
import { createS1Client } from './s1/client';

export interface ConnectionReport {
  userEmail: string | null;
  userName: string | null;
  scope: string | null;
  tokenExpiresAt: string | null;
  accountId: string;
  /** Total IOCs of the account, from the first page's pagination. */
  iocCount: number;
  /** How many IOCs that first page carried. */
  firstPageSize: number;
}

/** Reads the token's user and one page of the account's IOCs. Throws S1Error with a readable message. */
export async function checkConnection(connection: Connection): Promise<ConnectionReport> {
  const client = createS1Client(connection, { maxAttempts: 2, timeoutMs: 15_000 });
  const user = await client.getUser();
  const page = await client.listIocsPage({ limit: 10 });
  return {
    userEmail: user.email ?? null,
    userName: user.fullName ?? null,
    scope: user.scope ?? null,
    tokenExpiresAt: user.apiToken?.expiresAt ?? null,
    accountId: connection.accountId,
    iocCount: page.pagination?.totalItems ?? page.data.length,
    firstPageSize: page.data.length,
  };
}

const WEEK_MS = 7 * 24 * 60 * 60_000;

/** "Test connection" in one sentence, warning when the token expires within a week. */
export function describeConnectionReport(
  report: ConnectionReport,
  now: number,
): { kind: 'ok' | 'warn'; text: string } {
  const who = report.userEmail ?? report.userName ?? 'the token user';
  const base = `Connected as ${who} (${report.scope ?? 'unknown'} scope). Account ${report.accountId} holds ${report.iocCount} IOCs.`;
  if (!report.tokenExpiresAt) return { kind: 'ok', text: base };
  const left = Date.parse(report.tokenExpiresAt) - now;
  const date = report.tokenExpiresAt.slice(0, 10);
  if (left <= 0) return { kind: 'warn', text: `${base} The token expired on ${date}.` };
  const days = Math.floor(left / (24 * 60 * 60_000));
  if (left < WEEK_MS)
    return {
      kind: 'warn',
      text: `${base} Warning: the token expires in ${days} day${days === 1 ? '' : 's'} (${date}); create a new one soon.`,
    };
  return { kind: 'ok', text: `${base} The token expires on ${date}.` };
}
