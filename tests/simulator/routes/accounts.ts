/**
 * GET accounts and accounts/{id} (docs/sentinelone-api.md#other-endpoints): only the token's accounts, with
 * ids/accountIds, name, name__contains, states/state and accountType filters; offset paging with cursors
 * bound to the filters (same codec as IOCs, the offset as key). An account outside the token -> 403
 * (UNCONFIRMED).
 */
import { SIM_ACCOUNTS, type SimAccount } from '../accounts-data';
import type { SimUser } from '../auth';
import { forbidden, invalidCursor, type Reply, validationError } from '../errors';
import type { RouteContext } from './context';
import { parsePaging } from './paging';

const SORTS = ['id', 'name', 'createdAt', 'updatedAt', 'expiration', 'activeAgents'];
const list = (q: URLSearchParams, name: string) => q.get(name)?.split(',').filter(Boolean) ?? null;

function filtered(user: SimUser, q: URLSearchParams): SimAccount[] {
  const ids = list(q, 'ids') ?? list(q, 'accountIds');
  const contains = list(q, 'name__contains')?.map((s) => s.toLowerCase());
  const states = list(q, 'states') ?? list(q, 'state');
  const name = q.get('name');
  const type = q.get('accountType');
  return SIM_ACCOUNTS.filter(
    (a) =>
      user.accountIds.includes(a.id) &&
      (!ids || ids.includes(a.id)) &&
      (!contains || contains.some((c) => a.name.toLowerCase().includes(c))) &&
      (!states || states.includes(a.state)) &&
      (name === null || a.name === name) &&
      (type === null || a.accountType === type),
  );
}

export function getAccounts(ctx: RouteContext): Reply {
  const parsed = parsePaging(ctx.query, ctx.state.knobs.outOfRange, SORTS, 'id');
  if (!parsed.ok) return validationError(parsed.detail);
  const p = parsed.paging;
  const items = filtered(ctx.user as SimUser, ctx.query);
  const key = p.sortBy as keyof SimAccount;
  items.sort((a, b) => {
    const x = a[key] ?? '';
    const y = b[key] ?? '';
    const c = x < y ? -1 : x > y ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
    return p.desc ? -c : c;
  });
  const binding = `accounts|${[
    'ids',
    'accountIds',
    'name',
    'name__contains',
    'states',
    'state',
    'accountType',
  ]
    .map((n) => ctx.query.get(n))
    .join('|')}|${p.sortBy}|${p.desc}`;
  let offset = 0;
  if (p.cursor !== null) {
    const pos = ctx.state.cursors.decode(binding, p.cursor);
    if (!pos || typeof pos.k !== 'number') return invalidCursor();
    offset = pos.k;
  }
  const total = items.length;
  if (p.countOnly)
    return { status: 200, body: { data: [], pagination: { nextCursor: null, totalItems: total } } };
  const start = offset + p.skip;
  const page = items.slice(start, start + p.limit);
  const end = start + page.length;
  const nextCursor = end < total ? ctx.state.cursors.encode(binding, { k: end, u: '' }) : null;
  return {
    status: 200,
    body: { data: page, pagination: { nextCursor, totalItems: p.skipCount ? null : total } },
  };
}

export function getAccount(ctx: RouteContext): Reply {
  const id = ctx.params[0] ?? '';
  const user = ctx.user as SimUser;
  const account = SIM_ACCOUNTS.find((a) => a.id === id);
  if (!account || !user.accountIds.includes(id)) return forbidden(`No access to account ${id}`);
  return { status: 200, body: { data: account } };
}
