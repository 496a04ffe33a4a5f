/**
 * One page of a GET (docs/sentinelone-api.md#paging-and-sorting): keyset from the cursor position, then
 * `skip` matches, then up to `limit` matches; one extra match tells whether a next page exists. Cost: O(log N
 * + scanned items).
 */
import type { CursorPosition } from './cursor';
import type { IocFilter } from './ioc-filter';
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
  const step = spec.desc ? -1 : 1;
  let i = spec.desc ? view.length - 1 : 0;
  if (spec.after) i = startAfter(view, spec.sortBy, spec.after, spec.desc);
  const items: IocRecord[] = [];
  let skipped = 0;
  for (; i >= 0 && i < view.length; i += step) {
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
    let n = 0;
    for (const r of store.all()) if (r.visibleAt <= now && filter.test(r)) n++;
    return n;
  });
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
