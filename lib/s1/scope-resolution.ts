/**
 * From the token's `GET /user` answer (and what the analyst chose) to the scope its calls will carry, or
 * the exact reason the token cannot hold Threat Intelligence IOCs. Pure, so every token kind is tested in
 * a table (docs/sentinelone-api.md#scopes-and-tenants).
 */
import type { Scope } from './scope';

/** The parts of `/user` the resolution reads; `scopeRoles` ids are accounts or sites, per `scope`. */
export interface ScopeUser {
  scope?: string | null;
  scopeRoles?: readonly { id?: unknown; name?: unknown }[] | null;
  account?: { id: string } | null;
}

export interface ScopeChoice {
  accountId?: string;
  siteId?: string;
}

export type ScopeResolution = { ok: true; scope: Scope } | { ok: false; reason: string };

const DEDICATED =
  'Create a service user in one account or one site and use its token: SentinelOne refuses Threat Intelligence calls from a token that spans several accounts.';

const idsOf = (user: ScopeUser): string[] =>
  (user.scopeRoles ?? [])
    .map((role) => (typeof role.id === 'string' || typeof role.id === 'number' ? String(role.id) : ''))
    .filter((id) => id !== '');

export function resolveScope(user: ScopeUser, choice: ScopeChoice = {}): ScopeResolution {
  const ids = idsOf(user);
  const scope = user.scope?.toLowerCase() ?? '';
  if (scope === 'site') return siteScope(ids, choice);
  if (scope === 'account') {
    if (ids.length > 1) return { ok: false, reason: `This token spans ${ids.length} accounts. ${DEDICATED}` };
    const only = ids[0] ?? user.account?.id;
    if (choice.accountId && only && choice.accountId !== only)
      return { ok: false, reason: `This token belongs to account ${only}, not ${choice.accountId}.` };
    const accountId = choice.accountId || only;
    return accountId
      ? { ok: true, scope: { kind: 'account', accountId } }
      : {
          ok: false,
          reason: 'The console did not say which account this token belongs to: enter the account id.',
        };
  }
  // A global (tenant) user, or a console whose /user leaves the scope out: the chosen account decides.
  if (choice.accountId) return { ok: true, scope: { kind: 'account', accountId: choice.accountId } };
  return {
    ok: false,
    reason:
      scope === 'tenant' || scope === 'global'
        ? 'This token has global scope: IOCs live in an account, so pick the account to work in (Load accounts), or use the token of a service user in that account.'
        : 'The console did not say which account or site this token belongs to: enter the account id.',
  };
}

/** A site user: its one site, or the chosen one among its sites. */
function siteScope(ids: readonly string[], choice: ScopeChoice): ScopeResolution {
  const accountId = choice.accountId || undefined;
  if (choice.siteId) {
    if (ids.length > 0 && !ids.includes(choice.siteId))
      return { ok: false, reason: `This token has no role in site ${choice.siteId}: pick one of its sites.` };
    return { ok: true, scope: { kind: 'site', siteId: choice.siteId, accountId } };
  }
  if (ids.length === 1) return { ok: true, scope: { kind: 'site', siteId: ids[0] as string, accountId } };
  if (ids.length === 0)
    return { ok: false, reason: 'This site-scoped token names no site: load its sites and pick one.' };
  return { ok: false, reason: `This token has roles in ${ids.length} sites: pick the one to work in.` };
}
