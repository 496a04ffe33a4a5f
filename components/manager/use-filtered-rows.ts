/**
 * The rows the filter and sort leave, recomputed per keystroke. Typing one more character only
 * narrows the previous answer (filter.ts narrows), so those rows are tested instead of the cache.
 */
import { useMemo, useRef } from 'preact/hooks';
import { type IocFilter, narrows } from '../../lib/iocs/filter';
import { compileIndexedFilter } from '../../lib/iocs/indexed-filter';
import type { IocIndex, IocSort } from '../../lib/iocs/ioc-index';

interface Last {
  index: IocIndex;
  filter: IocFilter;
  sort: IocSort | null;
  now: number;
  rows: Uint32Array;
}

export function useFilteredRows(
  index: IocIndex,
  filter: IocFilter,
  sort: IocSort | null,
  now: number,
): Uint32Array {
  const last = useRef<Last | null>(null);
  return useMemo(() => {
    const previous = last.current;
    const matches = compileIndexedFilter(index, filter, now);
    const sameBase =
      previous !== null &&
      previous.index === index &&
      previous.now === now &&
      previous.sort?.id === sort?.id &&
      previous.sort?.desc === sort?.desc;
    const rows =
      sameBase && narrows(previous.filter, filter)
        ? index.refine(matches, previous.rows)
        : index.query(matches, sort);
    last.current = { index, filter, sort, now, rows };
    return rows;
  }, [index, filter, sort, now]);
}
