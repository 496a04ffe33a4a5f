/**
 * "Test connection": proves the console answers, the token works and the account's IOCs can be read.
 * What the report says about the token (its expiry and role) is in connection-report.ts, which the
 * Settings page loads without the API client.
 */
import { createS1Client, type S1Connection } from '../s1/client';
import type { S1HttpOptions } from '../s1/http';
import type { User } from '../s1/schemas';
import { checkedScope } from '../s1/scope-check';
import type { ConnectionReport } from './connection-report';

/**
 * The analyst waits on the button: two tries, and a console that limits the rate is reported after
 * about ten seconds of holds instead of the quarter of an hour a sync is patient for.
 */
const INTERACTIVE: Partial<S1HttpOptions> = {
  maxAttempts: 2,
  timeoutMs: 15_000,
  rateLimitPatienceMs: 10_000,
};

/**
 * Reads the token's user and one page of the account's IOCs. Throws S1Error with a readable message.
 * `transport` carries the worker's `originAllowed`.
 */
export async function checkConnection(
  connection: S1Connection,
  transport: Partial<S1HttpOptions> = {},
): Promise<ConnectionReport> {
  const user = await createS1Client(connection, { ...transport, ...INTERACTIVE }).getUser();
  const scope = checkedScope(user, connection);
  // A site token names its site; an account token its account, as saved.
  const scoped: S1Connection =
    scope.kind === 'site' ? { ...connection, scope: { kind: 'site', siteId: scope.siteId } } : connection;
  const client = createS1Client(scoped, { ...transport, ...INTERACTIVE });
  const page = await client.listIocsPage({ limit: 10 });
  return {
    userEmail: user.email ?? null,
    userName: user.fullName ?? null,
    scope: user.scope ?? null,
    roles: rolesOf(user, scoped.scope?.siteId ?? connection.accountId),
    tokenExpiresAt: user.apiToken?.expiresAt ?? null,
    accountId: connection.accountId,
    siteId: scoped.scope?.siteId ?? null,
    iocCount: page.pagination?.totalItems ?? page.data.length,
    firstPageSize: page.data.length,
  };
}

/** Distinct role names, the one held on `accountId` first. */
export function rolesOf(user: Pick<User, 'scopeRoles'>, accountId: string): string[] {
  const held = [...(user.scopeRoles ?? [])].sort(
    (a, b) => Number(b.id === accountId) - Number(a.id === accountId),
  );
  const names = held.map((role) => role.roleName?.trim() ?? '').filter((name) => name !== '');
  return [...new Set(names)];
}
