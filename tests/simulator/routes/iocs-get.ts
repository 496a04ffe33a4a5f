/**
 * GET threat-intelligence/iocs (docs/sentinelone-api.md#listing-iocs). Choices where the real API is
 * UNCONFIRMED:
 * - default sort is `id` (uuid) ascending; every sort breaks ties by uuid in the same direction;
 *   a null creationTime sorts before every date ascending;
 * - `countOnly=true` answers `{data: [], pagination: {nextCursor: null, totalItems: N}}`;
 * - `skipCount=true` answers `totalItems: null` (key kept);
 * - unknown parameters are ignored; `skip` counts matches after the cursor position.
 */
import { invalidCursor, type Reply, validationError } from '../errors';
import { compileFilter } from '../ioc-filter';
import { countMatches, queryPage } from '../ioc-query';
import { SORT_FIELDS, type SortBy, sortKeyOf } from '../scope-store';
import { storeOf } from '../state';
import type { RouteContext } from './context';
import { checkAccounts, iocAccess } from './ioc-access';
import { parsePaging } from './paging';
import { scopedAccess } from './site-access';

export function getIocs(ctx: RouteContext): Reply {
  const access = scopedAccess(ctx, iocAccess(ctx, false), Object.fromEntries(ctx.query), false);
  if (!access.ok) return access.reply;
  const { state } = ctx;
  const parsed = parsePaging(ctx.query, state.knobs.outOfRange, SORT_FIELDS, 'id');
  if (!parsed.ok) return validationError(parsed.detail);
  const compiled = compileFilter(Object.fromEntries(ctx.query));
  if (!compiled.ok) return validationError(compiled.detail);
  const { filter } = compiled;
  const denied = access.site ? null : checkAccounts(access.accountId, filter.accountIds);
  if (denied) return denied;
  if (access.empty)
    return { status: 200, body: { data: [], pagination: { nextCursor: null, totalItems: 0 } } };

  const p = parsed.paging;
  const store = storeOf(state, access.accountId);
  const now = state.clock.now();
  // The cursor is bound to filters + sort, not to limit/skip: clients re-send the filters
  // (docs/sentinelone-api.md#response-envelope-and-cursors).
  const binding = `${filter.canonical}|${p.sortBy}|${p.desc ? 'desc' : 'asc'}`;
  const after = p.cursor === null ? null : state.cursors.decode(binding, p.cursor);
  if (p.cursor !== null && after === null) return invalidCursor();

  if (p.countOnly) {
    return {
      status: 200,
      body: { data: [], pagination: { nextCursor: null, totalItems: countMatches(store, filter, now) } },
    };
  }
  const sortBy = p.sortBy as SortBy;
  const page = queryPage(store, { filter, sortBy, desc: p.desc, limit: p.limit, skip: p.skip, after, now });
  const last = page.items[page.items.length - 1];
  const nextCursor =
    page.hasMore && last ? state.cursors.encode(binding, { k: sortKeyOf(last, sortBy), u: last.uuid }) : null;
  const totalItems = p.skipCount ? null : countMatches(store, filter, now);
  return {
    status: 200,
    body: { data: page.items.map((r) => r.ioc), pagination: { nextCursor, totalItems } },
  };
}
