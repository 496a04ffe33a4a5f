/**
 * The GET answer for the Blocklist and Firewall Control lists: the same paging parameters, opaque
 * cursors and `{data, pagination: {nextCursor, totalItems}}` envelope as threat-intelligence/iocs
 * (routes/paging.ts, cursor.ts), so one client paging loop serves all three.
 */
import { invalidCursor, type Reply, validationError } from '../errors';
import { listPage, type SortKey } from '../list-query';
import type { RouteContext } from './context';
import { parsePaging } from './paging';

export interface ListQuery<T extends { id: string }> {
  /** Namespaces the cursor, so a restrictions cursor is refused by firewall-control. */
  kind: string;
  items: readonly T[];
  filter: { test: (item: T) => boolean; canonical: string };
  sortFields: readonly string[];
  defaultSort: string;
  sortKey(item: T, sortBy: string): SortKey;
}

export function listReply<T extends { id: string }>(ctx: RouteContext, q: ListQuery<T>): Reply {
  const { state } = ctx;
  const parsed = parsePaging(ctx.query, state.knobs.outOfRange, q.sortFields, q.defaultSort);
  if (!parsed.ok) return validationError(parsed.detail);
  const p = parsed.paging;
  // Bound to filters + sort, not to limit/skip, like the IOC cursors.
  const binding = `${q.kind}|${q.filter.canonical}|${p.sortBy}|${p.desc ? 'desc' : 'asc'}`;
  const after = p.cursor === null ? null : state.cursors.decode(binding, p.cursor);
  if (p.cursor !== null && after === null) return invalidCursor();
  const total = () => q.items.filter((i) => q.filter.test(i)).length;
  if (p.countOnly) {
    return { status: 200, body: { data: [], pagination: { nextCursor: null, totalItems: total() } } };
  }
  const page = listPage(q.items, {
    test: q.filter.test,
    sortKey: (i) => q.sortKey(i, p.sortBy),
    desc: p.desc,
    limit: p.limit,
    skip: p.skip,
    after,
  });
  const nextCursor = page.hasMore && page.last ? state.cursors.encode(binding, page.last) : null;
  return {
    status: 200,
    body: {
      data: structuredClone(page.items),
      pagination: { nextCursor, totalItems: p.skipCount ? null : total() },
    },
  };
}
