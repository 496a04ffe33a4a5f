/**
 * The manager table's row pipeline: which cached IOCs match the filters, in which order. Built for
 * 100,000 to 1,000,000 rows: a sort order per column is computed once (on pre-folded keys, with the
 * original position as tie-break so equal keys keep a stable order) and cached; a filter change
 * only walks that order once and writes matching positions into a typed array, allocating nothing
 * per row. Descending order is the ascending order walked backwards.
 */
import type { Ioc } from '../s1/schemas';
import type { TextFilterField } from './filter';
import { buildListColumn, type ListColumn } from './list-column';
import { isRichListKey, RICH_FIELDS, type RichKey } from './rich-fields';
import type { ListFilterField } from './rich-filter';
import type { TenantRows } from './tenants';
import { buildTextColumn, type TextColumn } from './text-column';

/** A row test: the IOC and its position in the index (for column look-ups). */
export type RowTest = (ioc: Ioc, position: number) => boolean;

export const IOC_COLUMNS = [
  'value',
  'type',
  'name',
  'description',
  'creator',
  'source',
  'score',
  'validUntil',
  'updatedAt',
] as const;
export type IocColumnId = (typeof IOC_COLUMNS)[number];

/** The optional columns, one per context field (rich-fields.ts), shown when the analyst picks them. */
export const RICH_COLUMNS: readonly RichKey[] = RICH_FIELDS.map((field) => field.key);

/** The column an index across profiles has beside the IOC's own (lib/iocs/tenants.ts). */
export const TENANT_COLUMN = 'tenant';
export type SortColumnId = IocColumnId | RichKey | typeof TENANT_COLUMN;

export interface IocSort {
  id: SortColumnId;
  desc: boolean;
}

/** After every real string in an ascending sort, so that empty fields gather at the end. */
const LAST = '\uffff';

/**
 * The key a column sorts by: text case-folded, times as their ISO text, the score and the severity
 * as numbers, a list by its items joined in their order (its first item first).
 */
function sortKey(ioc: Ioc, id: IocColumnId | RichKey): string | number {
  if (isRichListKey(id)) {
    const list = ioc[id];
    return list && list.length > 0 ? list.join('\n').toLowerCase() : LAST;
  }
  switch (id) {
    case 'score':
      return ioc.originalRiskScore ?? Number.POSITIVE_INFINITY;
    case 'severity':
      return ioc.severity ?? Number.POSITIVE_INFINITY;
    case 'validUntil':
      return ioc.validUntil ?? LAST;
    case 'updatedAt':
      return ioc.updatedAt;
    case 'type':
      return ioc.type;
    default: {
      const text = ioc[id];
      return text ? text.toLowerCase() : LAST;
    }
  }
}

/** Positions 0..n-1 of `iocs` in ascending order of `id`. */
export function ascendingOrder(iocs: readonly Ioc[], id: IocColumnId | RichKey): Uint32Array {
  return ascendingByKeys(iocs.map((ioc) => sortKey(ioc, id)));
}

/**
 * Positions in ascending order of their tenant's label (case-folded), the cache order within a
 * tenant; the cache order for an index of one profile, which has no tenant to sort by.
 */
export function tenantOrder(count: number, tenants: TenantRows | undefined): Uint32Array {
  if (!tenants) return ascendingByKeys(new Array<number>(count).fill(0));
  // Each tenant's rank among the sorted labels: one small number per row to compare, not a string.
  const labels = tenants.tenants.map((tenant, index) => ({ key: tenant.label.toLowerCase(), index }));
  labels.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.index - b.index));
  const rank = new Uint8Array(tenants.tenants.length);
  labels.forEach((label, position) => {
    rank[label.index] = position;
  });
  return ascendingByKeys(Array.from(tenants.of, (index) => rank[index] as number));
}

function ascendingByKeys(keys: readonly (string | number)[]): Uint32Array {
  const order = new Uint32Array(keys.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  // The position tie-break makes the order total, so equal keys keep the cache order.
  return order.sort((a, b) => {
    const ka = keys[a] as string | number;
    const kb = keys[b] as string | number;
    return ka < kb ? -1 : ka > kb ? 1 : a - b;
  });
}

/** `tenants`: the tenant of each row, for an index across profiles (none for one profile's). */
export function createIocIndex(iocs: readonly Ioc[], tenants?: TenantRows) {
  const orders = new Map<SortColumnId, Uint32Array>();
  const columns = new Map<TextFilterField, TextColumn>();
  const listColumns = new Map<ListFilterField, ListColumn>();
  const scratch = new Uint32Array(iocs.length);

  function order(id: SortColumnId): Uint32Array {
    let cached = orders.get(id);
    if (!cached) {
      cached = id === TENANT_COLUMN ? tenantOrder(iocs.length, tenants) : ascendingOrder(iocs, id);
      orders.set(id, cached);
    }
    return cached;
  }

  /** The field of every row by distinct text (text-column.ts), built on first use. */
  function textColumn(field: TextFilterField): TextColumn {
    let column = columns.get(field);
    if (!column) {
      column = buildTextColumn(iocs.map((ioc) => ioc[field]));
      columns.set(field, column);
    }
    return column;
  }

  /** A context list of every row (list-column.ts), built on first use: most analysts never filter on one. */
  function listColumn(field: ListFilterField): ListColumn {
    let column = listColumns.get(field);
    if (!column) {
      column = buildListColumn(iocs.map((ioc) => ioc[field]));
      listColumns.set(field, column);
    }
    return column;
  }

  return {
    iocs,
    tenants,
    textColumn,
    listColumn,
    /**
     * Positions of the IOCs that match, in the order of `sort` (cache order when null). The result
     * is a fresh copy, safe to keep while another query runs.
     */
    query(matches: RowTest, sort: IocSort | null): Uint32Array {
      const source = sort ? order(sort.id) : null;
      const n = iocs.length;
      let count = 0;
      for (let step = 0; step < n; step++) {
        const i = source ? (source[sort?.desc ? n - 1 - step : step] as number) : step;
        if (matches(iocs[i] as Ioc, i)) scratch[count++] = i;
      }
      return scratch.slice(0, count);
    },
    /**
     * The positions of `previous` (an earlier result, in the order wanted) that match: for a filter
     * that narrows the one that gave `previous`, the same answer as query() for a fraction of the work.
     */
    refine(matches: RowTest, previous: Uint32Array): Uint32Array {
      let count = 0;
      for (let k = 0; k < previous.length; k++) {
        const i = previous[k] as number;
        if (matches(iocs[i] as Ioc, i)) scratch[count++] = i;
      }
      return scratch.slice(0, count);
    },
  };
}

export type IocIndex = ReturnType<typeof createIocIndex>;
