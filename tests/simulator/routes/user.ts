/**
 * GET user and POST users/api-token-details (docs/sentinelone-api.md#other-endpoints). Shapes follow the
 * spec-derived models; no real body was found (SOURCES.md), so values are invented. scopeRoles items are
 * UNCONFIRMED.
 */
import { accountById } from '../accounts-data';
import type { SimUser } from '../auth';
import { formatUs } from '../clock';
import { type Reply, validationError } from '../errors';
import { objectBody, type RouteContext } from './context';

const tokenDates = (u: SimUser) => ({ createdAt: formatUs(u.createdAt), expiresAt: formatUs(u.expiresAt) });

export function getUser(ctx: RouteContext): Reply {
  const u = ctx.user as SimUser;
  // A site user's roles are held on its sites, an account user's on its accounts.
  const scopeRoles =
    u.scope === 'site'
      ? u.siteIds.map((id) => {
          const site = ctx.state.knobs.sites.find((s) => s.id === id);
          return {
            id,
            name: site?.name ?? id,
            accountName: accountById(site?.accountId ?? '')?.name ?? null,
            roleId: '1090021254354329962',
            roleName: u.roleName,
          };
        })
      : u.accountIds.map((id) => ({
          id,
          name: accountById(id)?.name ?? id,
          accountName: accountById(id)?.name ?? id,
          roleId: '1090021254354329961',
          roleName: u.roleName,
        }));
  const single =
    u.scope !== 'site' && u.accountIds.length === 1 ? accountById(u.accountIds[0] ?? '') : undefined;
  return {
    status: 200,
    body: {
      data: {
        id: u.id,
        email: u.email,
        fullName: u.fullName,
        scope: u.scope,
        scopeRoles,
        apiToken: tokenDates(u),
        canGenerateApiToken: true,
        ...(single ? { account: { id: single.id, name: single.name } } : {}),
      },
    },
  };
}

/** The token in the body is looked up; an unknown one is a 400 (UNCONFIRMED). */
export function postApiTokenDetails(ctx: RouteContext): Reply {
  const body = objectBody(ctx);
  const data = body?.data as Record<string, unknown> | undefined;
  const token = data?.apiToken;
  if (typeof token !== 'string' || token === '')
    return validationError('data: apiToken: Missing data for required field.');
  const user = ctx.state.tokens.get(token);
  if (!user) return validationError('data: apiToken: Invalid API token.');
  return { status: 200, body: { data: tokenDates(user) } };
}
