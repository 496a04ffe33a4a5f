/**
 * The manager table's row pipeline: which cached IOCs match the filters, in which order. Built for
 * 100,000 to 1,000,000 rows: a sort order per column is computed once (on pre-folded keys, with the
 * original position as tie-break so equal keys keep a stable order) and cached; a filter change
 * only walks that order once and writes matching positions into a typed array, allocating nothing
 * per row. Descending order is the ascending order walked backwards.
 */
import type { Ioc } from '../s1/schemas';
import type { TextFilterField } from './filter';
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

export interface IocSort {
  id: IocColumnId;
  desc: boolean;
}

/** After every real string in an ascending sort, so that empty fields gather at the end. */
const LAST = '\uffff';

/** The key a column sorts by: text case-folded, times as their ISO text, the score as a number. */
function sortKey(ioc: Ioc, id: IocColumnId): string | number {
  switch (id) {
    case 'score':
      return ioc.originalRiskScore ?? Number.POSITIVE_INFINITY;
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
export function ascendingOrder(iocs: readonly Ioc[], id: IocColumnId): Uint32Array {
  const keys = iocs.map((ioc) => sortKey(ioc, id));
  const order = new Uint32Array(iocs.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  // The position tie-break makes the order total, so equal keys keep the cache order.
  return order.sort((a, b) => {
    const ka = keys[a] as string | number;
    const kb = keys[b] as string | number;
    return ka < kb ? -1 : ka > kb ? 1 : a - b;
  });
}

export function createIocIndex(iocs: readonly Ioc[]) {
  const orders = new Map<IocColumnId, Uint32Array>();
  const columns = new Map<TextFilterField, TextColumn>();
  const scratch = new Uint32Array(iocs.length);

  function order(id: IocColumnId): Uint32Array {
    let cached = orders.get(id);
    if (!cached) {
      cached = ascendingOrder(iocs, id);
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

  return {
    iocs,
    textColumn,
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
