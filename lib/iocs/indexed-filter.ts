/**
 * The manager's filter compiled against an index: each text filter is decided once per distinct
 * text of its column (text-column.ts): a printable-ASCII substring or pattern (most of what
 * analysts type) by native `indexOf` over the lower-cased column, everything else by the filter's own test
 * (compileTextFilter), so both ways give the same answer (tested). Type and expiry are tested per
 * row by compileIocFilter, as is the severity; a context list's filter is decided once per distinct
 * item and list (list-column.ts). The tenant is tested on the index's tenant column; an index of one
 * profile has none and ignores it, as does one where no tenant is that profile (a bookmark that
 * outlived a removed profile shows every tenant, as the Tenant filter then says).
 */
import {
  compileIocFilter,
  compileTextFilter,
  describeAsciiGlob,
  EMPTY_FILTER,
  type IocFilter,
  TEXT_FILTER_FIELDS,
} from './filter';
import type { IocIndex, RowTest } from './ioc-index';
import { matchingLists } from './list-column';
import { LIST_FILTER_FIELDS } from './rich-filter';
import { tenantIndex } from './tenants';
import { matchingTexts } from './text-column';

export function compileIndexedFilter(index: IocIndex, filter: IocFilter, now: number): RowTest {
  const byColumn: RowTest[] = [];
  for (const field of TEXT_FILTER_FIELDS) {
    const test = compileTextFilter(filter[field]);
    if (!test) continue;
    const column = index.textColumn(field);
    const matched = matchingTexts(column, describeAsciiGlob(filter[field]), test);
    const ids = column.ids;
    byColumn.push((_ioc, i) => matched[ids[i] as number] === 1);
  }
  for (const field of LIST_FILTER_FIELDS) {
    const test = compileTextFilter(filter[field]);
    if (!test) continue;
    const column = index.listColumn(field);
    const matched = matchingLists(column, describeAsciiGlob(filter[field]), test);
    const ids = column.ids;
    byColumn.push((_ioc, i) => matched[ids[i] as number] === 1);
  }
  const tenants = index.tenants;
  const wanted = filter.tenant !== '' && tenants ? tenantIndex(tenants, filter.tenant) : -1;
  // First: the cheapest test, and with several tenants the one that rejects most rows.
  if (tenants && wanted !== -1) byColumn.unshift((_ioc, i) => tenants.of[i] === wanted);
  const perRow = filter.type !== '' || filter.expiry !== 'all' || filter.severity !== '';
  const others = compileIocFilter(
    { ...EMPTY_FILTER, type: filter.type, expiry: filter.expiry, severity: filter.severity },
    now,
  );
  if (byColumn.length === 0) return others;
  const [only] = byColumn;
  if (byColumn.length === 1 && only) return perRow ? (ioc, i) => only(ioc, i) && others(ioc) : only;
  return (ioc, i) => {
    for (const test of byColumn) if (!test(ioc, i)) return false;
    return !perRow || others(ioc);
  };
}
