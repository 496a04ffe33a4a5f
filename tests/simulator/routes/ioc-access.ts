/**
 * Who may touch threat-intelligence/iocs (docs/sentinelone-api.md#base-path-and-authentication):
 * multi-account users get the fixture 403 / 4030010; users without TI view (or manage, for writes) get 403
 * (code UNCONFIRMED); naming an account outside the token gets 403 too (my choice: the real answer is
 * UNCONFIRMED).
 */
import { forbidden, multiScope, type Reply } from '../errors';
import { iocAccountOf } from '../state';
import type { RouteContext } from './context';

export type Access = { ok: true; accountId: string } | { ok: false; reply: Reply };

export function iocAccess(ctx: RouteContext, manage: boolean): Access {
  const user = ctx.user;
  if (!user) return { ok: false, reply: forbidden() };
  const accountId = iocAccountOf(user);
  if (accountId === null) return { ok: false, reply: multiScope() };
  if (!user.tiView || (manage && !user.tiManage)) {
    return { ok: false, reply: forbidden('Threat Intelligence permission required') };
  }
  return { ok: true, accountId };
}

/** The requested accounts must all belong to the token (its one account). */
export function checkAccounts(accountId: string, requested: readonly string[] | null): Reply | null {
  if (!requested) return null;
  const foreign = requested.filter((id) => id !== accountId);
  return foreign.length ? forbidden(`No access to account(s) ${foreign.join(', ')}`) : null;
}
