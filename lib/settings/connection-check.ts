/**
 * "Test connection": proves the console answers, the token works and the account's IOCs can be read.
 * What the report says about the token (its expiry and role) is in connection-report.ts, which the
 * Settings page loads without the API client.
 */
import { createS1Client, type S1Connection } from '../s1/client';
import type { S1HttpOptions } from '../s1/http';
import type { User } from '../s1/schemas';
import { resolveScope } from '../s1/scope-resolution';
import type { ConnectionReport } from './connection-report';

/**
 * Reads the token's user and one page of the account's IOCs. Throws S1Error with a readable message.
 * `transport` carries the worker's `originAllowed`.
 */
export async function checkConnection(
  connection: S1Connection,
  transport: Partial<S1HttpOptions> = {},
): Promise<ConnectionReport> {
  const user = await createS1Client(connection, {
    ...transport,
    maxAttempts: 2,
    timeoutMs: 15_000,
  }).getUser();
  const scoped = siteChecked(user, connection);
  const client = createS1Client(scoped, { ...transport, maxAttempts: 2, timeoutMs: 15_000 });
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

/**
 * A site token must name its site: the account's IOCs are not its to read. Account and global tokens go
 * on to the IOC call as before, whose answer (403 / 4030010 for a token spanning accounts) says the rest.
 */
function siteChecked(user: User, connection: S1Connection): S1Connection {
  if (user.scope?.toLowerCase() !== 'site') return connection;
  const resolved = resolveScope(user, { accountId: connection.accountId, siteId: connection.scope?.siteId });
  if (!resolved.ok) throw new Error(resolved.reason);
  if (resolved.scope.kind !== 'site') return connection;
  return { ...connection, scope: { kind: 'site', siteId: resolved.scope.siteId } };
}

/** Distinct role names, the one held on `accountId` first. */
export function rolesOf(user: Pick<User, 'scopeRoles'>, accountId: string): string[] {
  const held = [...(user.scopeRoles ?? [])].sort(
    (a, b) => Number(b.id === accountId) - Number(a.id === accountId),
  );
  const names = held.map((role) => role.roleName?.trim() ?? '').filter((name) => name !== '');
  return [...new Set(names)];
}
