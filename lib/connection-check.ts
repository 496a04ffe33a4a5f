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
