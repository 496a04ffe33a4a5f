/**
 * Who may call restrictions (Blocklist) and firewall-control, and which scope a call names
 * (docs/blocking-api.md). Every scope form is served from the token's one account, or a site user's
 * site (site-access.ts); the account, site and group hierarchy is not modelled. UNCONFIRMED choices:
 * - a console without the Control SKU answers 403 to every firewall-control call, before any
 *   permission check; code 4030000 with the title "Firewall Control requires Control SKU";
 * - missing Blacklist / Firewall permissions: the same 403 body as a missing TI permission;
 * - a token spanning several accounts gets the TI endpoints' 403 / 4030010 here too;
 * - naming an account outside the token: 403; naming accountIds together with siteIds or groupIds: 400.
 */
import { accountById } from '../accounts-data';
import { errorBody, forbidden, multiScope, type Reply, validationError } from '../errors';
import { iocAccountOf } from '../state';
import type { RouteContext } from './context';
import { type Access, checkAccounts } from './ioc-access';

export type Feature = 'blocklist' | 'firewall';

export const noControlSku = (): Reply => ({
  status: 403,
  body: errorBody(4030000, 'Firewall Control requires Control SKU', null),
});

export function blockAccess(ctx: RouteContext, feature: Feature, manage: boolean): Access {
  const user = ctx.user;
  if (!user) return { ok: false, reply: forbidden() };
  if (feature === 'firewall' && !ctx.state.knobs.firewallControl) return { ok: false, reply: noControlSku() };
  const accountId = iocAccountOf(user);
  if (accountId === null) return { ok: false, reply: multiScope() };
  const allowed =
    feature === 'blocklist'
      ? user.blocklistView && (!manage || user.blocklistManage)
      : user.firewallView && (!manage || user.firewallManage);
  if (!allowed) {
    const what = feature === 'blocklist' ? 'Blacklist' : 'Firewall Control';
    return { ok: false, reply: forbidden(`${what} ${manage ? 'edit' : 'view'} permission required`) };
  }
  return { ok: true, accountId };
}

/** The scope a filter names: `{accountIds}`, `{siteIds, tenant?}`, `{groupIds}` or `{tenant: true}`. */
export type ScopeForm =
  | { kind: 'account'; ids: string[] }
  | { kind: 'site'; ids: string[] }
  | { kind: 'group'; ids: string[] }
  | { kind: 'tenant' };

const ID_FIELDS = [
  ['accountIds', 'account'],
  ['siteIds', 'site'],
  ['groupIds', 'group'],
] as const;
const MIN_ID = 100000000000000000n;

function idList(field: string, v: unknown): { ids: string[] } | { detail: string } | null {
  if (v === undefined || v === null) return null;
  const raw = Array.isArray(v) ? v.map(String) : String(v).split(',');
  const ids = raw.map((s) => s.trim()).filter((s) => s !== '');
  for (const [i, id] of ids.entries()) {
    if (!/^\d+$/.test(id)) return { detail: `${field}: ${i}: Not a valid integer.` };
    // The wording of the console's real answer for a too-small site id (the restrictions 400 sample).
    if (BigInt(id) < MIN_ID) return { detail: `${field}: ${i}: Must be greater than or equal to ${MIN_ID}.` };
  }
  return ids.length ? { ids } : null;
}

const isTrue = (v: unknown) => v === true || (typeof v === 'string' && v.toLowerCase() === 'true');

/**
 * Reads the scope of a POST/DELETE `filter` or a GET query. `scope` is null when none is named;
 * accountIds outside the token answer 403.
 */
export function readScope(
  accountId: string,
  input: Record<string, unknown>,
): { ok: true; scope: ScopeForm | null } | { ok: false; reply: Reply } {
  const named: ScopeForm[] = [];
  for (const [field, kind] of ID_FIELDS) {
    const r = idList(field, input[field]);
    if (r === null) continue;
    if ('detail' in r) return { ok: false, reply: validationError(r.detail) };
    named.push({ kind, ids: r.ids });
  }
  if (named.length > 1) {
    return {
      ok: false,
      reply: validationError('filter: Only one of accountIds, siteIds, groupIds may be given.'),
    };
  }
  const scope = named[0] ?? (isTrue(input.tenant) ? { kind: 'tenant' as const } : null);
  if (scope?.kind === 'account') {
    const denied = checkAccounts(accountId, scope.ids);
    if (denied) return { ok: false, reply: denied };
  }
  return { ok: true, scope };
}

/** `scopeName` / `scopePath` of an item created in that scope (site and group names are invented). */
export function scopeNames(
  accountId: string,
  scope: ScopeForm,
  siteName?: string,
): { scopeName: string; scopePath: string } {
  const account = accountById(accountId)?.name ?? accountId;
  if (scope.kind === 'tenant') return { scopeName: 'Global', scopePath: 'Global' };
  if (scope.kind === 'account') return { scopeName: account, scopePath: `Global / ${account}` };
  const label = siteName ?? `${scope.kind === 'site' ? 'Site' : 'Group'} ${scope.ids[0]}`;
  return { scopeName: label, scopePath: `Global / ${account} / ${label}` };
}
