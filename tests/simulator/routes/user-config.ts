/**
 * GET threat-intelligence/user-config (docs/sentinelone-api.md#ti-user-config-will-it-fire): the scope's
 * "will it fire?" settings, from the `userConfigs` knob (user-config-model.ts says what is UNCONFIRMED).
 * Scope and auth as the IOC GET: the same 401 / 4030010 / 403 bodies, accountIds outside the token 403,
 * accountIds with siteIds 400, a site user served its site. A user without `tiConfigView` gets 403.
 */
import { formatUs, parseTimestampUs } from '../clock';
import { DEFAULT_NOW } from '../config';
import { forbidden, type Reply } from '../errors';
import { userConfigEntry } from '../user-config-model';
import type { RouteContext } from './context';
import { checkAccounts, iocAccess } from './ioc-access';
import { scopedAccess } from './site-access';

const listed = (v: string | null): string[] | null => {
  const ids = (v ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  return ids.length ? ids : null;
};

export function getUserConfig(ctx: RouteContext): Reply {
  const ti = iocAccess(ctx, false);
  if (ti.ok && !ctx.user?.tiConfigView)
    return forbidden('Threat Intelligence configuration view permission required');
  const access = scopedAccess(ctx, ti, Object.fromEntries(ctx.query), false);
  if (!access.ok) return access.reply;
  const denied = access.site ? null : checkAccounts(access.accountId, listed(ctx.query.get('accountIds')));
  if (denied) return denied;
  if (access.empty) return { status: 200, body: { data: [] } };
  const knob = ctx.state.knobs.userConfigs[access.accountId];
  if (!knob) return { status: 200, body: { data: [] } };
  const start = parseTimestampUs(ctx.state.options.now ?? DEFAULT_NOW) ?? 0;
  const level = access.site ? 'site' : 'account';
  return { status: 200, body: { data: [userConfigEntry(access.accountId, level, knob, formatUs(start))] } };
}
