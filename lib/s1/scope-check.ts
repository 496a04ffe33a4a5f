/**
 * What a token's `GET /user` says about the connection saved with it, before any IOC is read: a token
 * spanning accounts, another account than the one saved, or a site token saved without its site gets
 * the exact reason (scope-resolution.ts) instead of the API's generic 403 on the first IOC call.
 */
import { S1Error } from './errors';
import type { Scope } from './scope';
import { resolveScope, type ScopeUser } from './scope-resolution';

interface SavedScope {
  accountId: string;
  scope?: { kind: 'site'; siteId: string } | null;
}

/** The scope the connection's calls may carry, or an S1Error saying exactly why the token cannot. */
export function checkedScope(user: ScopeUser, connection: SavedScope): Scope {
  const resolved = resolveScope(user, { accountId: connection.accountId, siteId: connection.scope?.siteId });
  if (!resolved.ok) {
    const spansAccounts = user.scope?.toLowerCase() === 'account' && (user.scopeRoles?.length ?? 0) > 1;
    throw new S1Error(spansAccounts ? 'multi-scope-token' : 'forbidden', resolved.reason);
  }
  return resolved.scope;
}

/**
 * The sync's stricter check: a site token must have been saved with its site, since the cache is keyed
 * and the calls are scoped by what was saved (Test connection, in the form, goes on with the site found).
 */
export function savedScope(user: ScopeUser, connection: SavedScope): Scope {
  const scope = checkedScope(user, connection);
  if (scope.kind === 'site' && !connection.scope)
    throw new S1Error(
      'forbidden',
      `This token belongs to site ${scope.siteId}, not to an account: open Settings, press Load accounts and save its site.`,
    );
  return scope;
}
