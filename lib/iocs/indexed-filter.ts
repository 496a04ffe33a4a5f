/**
 * The manager's filter compiled against an index: a plain substring in printable ASCII (most of
 * what analysts type) is looked for with `includes` in the index's lower-cased column, several
 * times faster than the case-insensitive Unicode regex; everything else (patterns, other scripts,
 * type and expiry) goes through compileIocFilter, so both give the same answer (tested).
 */
import {
  compileIocFilter,
  compileTextFilter,
  describeTextFilter,
  type IocFilter,
  TEXT_FILTER_FIELDS,
} from './filter';
import { type IocIndex, NOT_ASCII, type RowTest } from './ioc-index';

const PRINTABLE_ASCII = /^[ -~]*$/;

export function compileIndexedFilter(index: IocIndex, filter: IocFilter, now: number): RowTest {
  const rest: IocFilter = { ...filter };
  const fast: RowTest[] = [];
  for (const field of TEXT_FILTER_FIELDS) {
    const plan = describeTextFilter(filter[field]);
    const slow = compileTextFilter(filter[field]);
    if (plan.kind !== 'contains' || !PRINTABLE_ASCII.test(plan.text) || !slow) continue;
    const needle = plan.text.toLowerCase();
    const column = index.lowerColumn(field);
    fast.push((ioc, i) => {
      const cell = column[i];
      return typeof cell === 'string' ? cell.includes(needle) : cell === NOT_ASCII && slow(ioc[field]);
    });
    rest[field] = '';
  }
  const others = compileIocFilter(rest, now);
  if (fast.length === 0) return others;
  const [only] = fast;
  if (fast.length === 1 && only) return (ioc, i) => only(ioc, i) && others(ioc);
  return (ioc, i) => {
    for (const test of fast) if (!test(ioc, i)) return false;
    return others(ioc);
  };
}
