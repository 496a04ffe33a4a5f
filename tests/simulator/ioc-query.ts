/**
 * One page of a GET (docs/sentinelone-api.md#paging-and-sorting): keyset from the cursor position, then
 * `skip` matches, then up to `limit` matches; one extra match tells whether a next page exists. Cost: O(log N
 * + scanned items).
 */
import type { CursorPosition } from './cursor';
import type { IocFilter, TimeRange } from './ioc-filter';
import type { IocRecord } from './ioc-model';
import { compareKeys, type ScopeStore, type SortBy, sortKeyOf } from './scope-store';

export interface PageSpec {
  filter: IocFilter;
  sortBy: SortBy;
  desc: boolean;
  limit: number;
  skip: number;
  after: CursorPosition | null;
  /** sim clock, µs: records with a later visibleAt are not shown yet (visibility-delay knob). */
  now: number;
}

export function queryPage(store: ScopeStore, spec: PageSpec): { items: IocRecord[]; hasMore: boolean } {
  const view = store.view(spec.sortBy);
  const range = spec.filter.range?.field === spec.sortBy ? spec.filter.range : null;
  const { start, end } = windowOf(view, range);
  const step = spec.desc ? -1 : 1;
  let i = spec.desc ? end - 1 : start;
  if (spec.after) {
    const next = startAfter(view, spec.sortBy, spec.after, spec.desc);
    i = spec.desc ? Math.min(next, end - 1) : Math.max(next, start);
  }
  const items: IocRecord[] = [];
  let skipped = 0;
  for (; i >= start && i < end; i += step) {
    const r = view[i] as IocRecord;
    if (r.visibleAt > spec.now || !spec.filter.test(r)) continue;
    if (skipped < spec.skip) {
      skipped++;
      continue;
    }
    if (items.length === spec.limit) return { items, hasMore: true };
    items.push(r);
  }
  return { items, hasMore: false };
}

/** Total matches, cached per (query, store version[, clock while items are pending]). */
export function countMatches(store: ScopeStore, filter: IocFilter, now: number): number {
  const key = store.maxVisibleAt > now ? `${filter.canonical}@${now}` : filter.canonical;
  return store.cachedCount(key, () => {
    const { range } = filter;
    const records = range ? store.view(range.field) : store.all();
    const { start, end } = windowOf(records, range);
    let n = 0;
    for (let i = start; i < end; i++) {
      const r = records[i] as IocRecord;
      if (r.visibleAt <= now && filter.test(r)) n++;
    }
    return n;
  });
}

/**
 * The stretch `[start, end)` of `view` (sorted by `range.field`) inside `range`; all of it without
 * one. Found by binary search, so an `updatedAt__gt` of the last minutes costs O(log N + changes).
 */
export function windowOf(
  view: readonly IocRecord[],
  range: TimeRange | null,
): { start: number; end: number } {
  if (!range) return { start: 0, end: view.length };
  const key = (r: IocRecord) => sortKeyOf(r, range.field) as number;
  const { from, to } = range;
  const start =
    from === null ? 0 : firstIndex(view, (r) => key(r) > from || (range.fromInclusive && key(r) === from));
  const end =
    to === null ? view.length : firstIndex(view, (r) => key(r) > to || (!range.toInclusive && key(r) === to));
  return { start, end: Math.max(start, end) };
}

/** The first index of `view` where `past` holds (it holds from some index on, the view being sorted). */
function firstIndex(view: readonly IocRecord[], past: (r: IocRecord) => boolean): number {
  let lo = 0;
  let hi = view.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (past(view[mid] as IocRecord)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Index of the first record strictly after the cursor in scan direction. */
function startAfter(view: IocRecord[], sortBy: SortBy, pos: CursorPosition, desc: boolean): number {
  // lo = first index whose (key, uuid) > pos
  let lo = 0;
  let hi = view.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const r = view[mid] as IocRecord;
    if (compareKeys(sortKeyOf(r, sortBy), r.uuid, pos.k, pos.u) <= 0) lo = mid + 1;
    else hi = mid;
  }
  if (!desc) return lo;
  // last index whose (key, uuid) < pos
  let j = lo - 1;
  while (j >= 0) {
    const r = view[j] as IocRecord;
    if (compareKeys(sortKeyOf(r, sortBy), r.uuid, pos.k, pos.u) < 0) break;
    j--;
  }
  return j;
}
