/**
 * Which store a call touches once its user is known: an account user's calls go to the account, as
 * before; a site user's calls go to the site named by `siteIds` (docs/sentinelone-api.md#scopes-and-tenants).
 * Every user naming both `accountIds` and `siteIds` gets 400 "Account ID and Site ID cannot be used
 * together". UNCONFIRMED choices: a site user naming `accountIds` gets 403 or, with the
 * `siteUserAccountCall: 'empty'` knob, an empty read (its writes are refused either way); a site outside
 * the user gets 403; a site user naming no scope reads its first site.
 */
import { forbidden, type Reply, validationError } from '../errors';
import type { SimSite } from '../sites-data';
import type { RouteContext } from './context';
import type { Access } from './ioc-access';

export type ScopedAccess =
  | {
      ok: true;
      /** The store's key: the account id, or the site id for a site user. */
      accountId: string;
      /** The site a site user's call is in, null for an account user. */
      site: SimSite | null;
      /** A site user's read that named an account, answered empty (knob). */
      empty: boolean;
    }
  | { ok: false; reply: Reply };

const named = (v: unknown): string[] => {
  if (v === undefined || v === null) return [];
  const list = Array.isArray(v) ? v.map(String) : String(v).split(',');
  return list.map((s) => s.trim()).filter((s) => s !== '');
};

export function scopedAccess(
  ctx: RouteContext,
  access: Access,
  input: Record<string, unknown>,
  write: boolean,
): ScopedAccess {
  if (!access.ok) return access;
  const accountIds = named(input.accountIds);
  const siteIds = named(input.siteIds);
  if (accountIds.length && siteIds.length)
    return { ok: false, reply: validationError('Account ID and Site ID cannot be used together') };
  const user = ctx.user;
  if (user?.scope !== 'site') return { ok: true, accountId: access.accountId, site: null, empty: false };
  if (accountIds.length) {
    if (write || ctx.state.knobs.siteUserAccountCall === 'forbidden')
      return { ok: false, reply: forbidden('A site user cannot name an account') };
  }
  const foreign = siteIds.filter((id) => !user.siteIds.includes(id));
  if (foreign.length) return { ok: false, reply: forbidden(`No access to site(s) ${foreign.join(', ')}`) };
  const siteId = siteIds[0] ?? user.siteIds[0];
  const site = ctx.state.knobs.sites.find((s) => s.id === siteId);
  if (!siteId || !site) return { ok: false, reply: forbidden('The token names no known site') };
  return { ok: true, accountId: siteId, site, empty: accountIds.length > 0 };
}
