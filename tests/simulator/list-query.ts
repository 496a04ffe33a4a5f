/**
 * Filters, sort and keyset pages over the small per-account lists (Blocklist items, Firewall Control
 * rules). Unlike the IOC store (scope-store.ts, built for 1M items) these lists hold tens to a few
 * thousand items, so every page sorts the matches afresh: simple, and exact under concurrent writes.
 * Ids are numeric strings (18-19 digits), compared as numbers; every sort breaks ties by id in the
 * sort direction, so a cursor (last sort key + id) neither skips nor repeats an item.
 */
import { parseTimestampUs } from './clock';
import type { CursorPosition } from './cursor';

export type SortKey = string | number;

/** Numeric-string order: shorter is smaller, then digit by digit. */
export function compareIds(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

function compare(ka: SortKey, ia: string, kb: SortKey, ib: string): number {
  if (ka < kb) return -1;
  if (ka > kb) return 1;
  return compareIds(ia, ib);
}

export interface ListSpec<T extends { id: string }> {
  test(item: T): boolean;
  sortKey(item: T): SortKey;
  desc: boolean;
  limit: number;
  skip: number;
  after: CursorPosition | null;
}

/** One page: matches after the cursor, minus `skip`, up to `limit`; hasMore when one more exists. */
export function listPage<T extends { id: string }>(
  items: readonly T[],
  spec: ListSpec<T>,
): { items: T[]; hasMore: boolean; last: { k: SortKey; u: string } | null } {
  const dir = spec.desc ? -1 : 1;
  const keyed = items.filter((i) => spec.test(i)).map((item) => ({ item, k: spec.sortKey(item) }));
  keyed.sort((a, b) => dir * compare(a.k, a.item.id, b.k, b.item.id));
  const after = spec.after;
  const start = after ? keyed.findIndex((x) => dir * compare(x.k, x.item.id, after.k, after.u) > 0) : 0;
  const from = start < 0 ? keyed.length : start + spec.skip;
  const page = keyed.slice(from, from + spec.limit);
  const tail = page[page.length - 1];
  return {
    items: page.map((x) => x.item),
    hasMore: from + spec.limit < keyed.length,
    last: tail ? { k: tail.k, u: tail.item.id } : null,
  };
}

/** Builds a predicate from query parameters and records what it saw for the cursor binding. */
export class FilterBuilder<T> {
  private readonly tests: Array<(item: T) => boolean> = [];
  private readonly canon: Array<[string, unknown]> = [];
  error: string | null = null;

  constructor(private readonly input: Record<string, unknown>) {}

  /** A comma list (or JSON array) of values; null when absent. */
  list(name: string): string[] | null {
    const v = this.input[name];
    if (v === undefined || v === null) return null;
    const raw = Array.isArray(v) ? v.map(String) : String(v).split(',');
    return raw.map((s) => s.trim()).filter((s) => s !== '');
  }

  /** Item passes when `get(item)` is one of the listed values (exact). */
  anyOf(name: string, get: (item: T) => string | null | undefined): this {
    const list = this.list(name);
    if (!list) return this;
    const set = new Set(list);
    this.add(name, [...list].sort(), (i) => {
      const v = get(i);
      return v !== null && v !== undefined && set.has(v);
    });
    return this;
  }

  /** Substring of any of the fields, any of the comma-separated needles. */
  contains(
    name: string,
    fields: (item: T) => Array<string | null | undefined>,
    caseSensitive: boolean,
  ): this {
    const list = this.list(name);
    if (!list) return this;
    const needles = caseSensitive ? list : list.map((s) => s.toLowerCase());
    this.add(name, [...list].sort(), (i) =>
      fields(i).some((f) => {
        if (typeof f !== 'string') return false;
        const hay = caseSensitive ? f : f.toLowerCase();
        return needles.some((n) => hay.includes(n));
      }),
    );
    return this;
  }

  /** `<field>__gt|gte|lt|lte` on an ISO timestamp field. */
  time(field: string, get: (item: T) => string): this {
    for (const op of ['gt', 'gte', 'lt', 'lte'] as const) {
      const name = `${field}__${op}`;
      const raw = this.input[name];
      if (raw === undefined || raw === null) continue;
      const us = parseTimestampUs(String(raw));
      if (us === null) {
        this.error ??= `${name}: Not a valid datetime.`;
        continue;
      }
      this.add(name, us, (i) => {
        const t = parseTimestampUs(get(i)) ?? Number.NaN;
        return op === 'gt' ? t > us : op === 'gte' ? t >= us : op === 'lt' ? t < us : t <= us;
      });
    }
    return this;
  }

  add(name: string, canonical: unknown, test: (item: T) => boolean): this {
    this.canon.push([name, canonical]);
    this.tests.push(test);
    return this;
  }

  build(): { test: (item: T) => boolean; canonical: string } {
    const tests = [...this.tests];
    const canon = [...this.canon].sort((a, b) => (a[0] < b[0] ? -1 : 1));
    return { test: (i) => tests.every((t) => t(i)), canonical: JSON.stringify(canon) };
  }
}
