/**
 * GET sites (docs/sentinelone-api.md#scopes-and-tenants): the sites a token may see (a site user's own,
 * an account user's account's), filtered by `accountIds`, `siteIds` and `name__contains`, in the nested
 * answer `{data: {allSites: {…}, sites: [...]}, pagination}`. UNCONFIRMED: what `allSites` holds (its
 * licence totals are invented) and the site fields beyond id, name, accountId, state and siteType.
 * One page of at most `limit` sites: no cursor, since no test needs more than a handful of sites.
 */
import { accountById } from '../accounts-data';
import type { SimUser } from '../auth';
import type { Reply } from '../errors';
import type { RouteContext } from './context';

const list = (q: URLSearchParams, name: string) => q.get(name)?.split(',').filter(Boolean) ?? null;

export function getSites(ctx: RouteContext): Reply {
  const user = ctx.user as SimUser;
  const accountIds = list(ctx.query, 'accountIds');
  const siteIds = list(ctx.query, 'siteIds');
  const contains = ctx.query.get('name__contains')?.toLowerCase();
  const limit = Math.min(Math.max(Number(ctx.query.get('limit') ?? 10) || 10, 1), 1000);
  const visible = ctx.state.knobs.sites.filter((s) =>
    user.scope === 'site' ? user.siteIds.includes(s.id) : user.accountIds.includes(s.accountId),
  );
  const matching = visible.filter(
    (s) =>
      (!accountIds || accountIds.includes(s.accountId)) &&
      (!siteIds || siteIds.includes(s.id)) &&
      (!contains || s.name.toLowerCase().includes(contains)),
  );
  const sites = matching.slice(0, limit).map((s) => ({
    id: s.id,
    name: s.name,
    accountId: s.accountId,
    accountName: accountById(s.accountId)?.name ?? s.accountId,
    state: s.state ?? 'active',
    siteType: s.siteType ?? 'Paid',
  }));
  return {
    status: 200,
    body: {
      data: { allSites: { activeLicenses: 0, totalLicenses: 0 }, sites },
      pagination: { nextCursor: null, totalItems: matching.length },
    },
  };
}
