/**
 * GET query parameters and DELETE `filter` bodies share field names (docs/sentinelone-api.md#query-filters
 * and docs/sentinelone-api.md#deleting-iocs). This module turns either into a predicate over stored records
 * plus a canonical string (the cursor binding). Case rules (UNCONFIRMED,
 * docs/sentinelone-api.md#unconfirmed-choices-in-the-simulator): `value` is exact, except hash types compare
 * case-insensitively; `__contains` is a case-insensitive substring, any of a comma list; `__in` and lists are
 * exact any-of. A null creationTime never matches a creationTime filter.
 */
import { parseTimestampUs } from './clock';
import { HASH_TYPES, type IocRecord } from './ioc-model';

const LIST_FIELDS = ['uuids', 'type', 'source', 'siteIds', 'accountIds'] as const;
const SINGLE_FIELDS = ['value', 'externalId', 'batchId'] as const;
const CONTAINS_FIELDS = ['name__contains', 'creator__contains', 'description__contains'] as const;
const IN_FIELDS = [
  'category__in',
  'labels__in',
  'malwareNames__in',
  'threatActors__in',
  'threatActorTypes__in',
  'campaignNames__in',
] as const;
const TIME_FIELDS = ['creationTime', 'uploadTime', 'updatedAt'] as const;
const TIME_OPS = ['gt', 'gte', 'lt', 'lte'] as const;

/**
 * Fields that select IOCs (DELETE needs one besides the scope fields,
 * docs/sentinelone-api.md#deleting-iocs).
 */
export const SCOPE_FIELDS: ReadonlySet<string> = new Set(['accountIds', 'siteIds', 'groupIds', 'tenant']);

export type FilterResult = { ok: true; filter: IocFilter } | { ok: false; detail: string };

export interface IocFilter {
  test(rec: IocRecord): boolean;
  /** Stable text of every filter present (lists sorted), for cursor binding and count caching. */
  canonical: string;
  /** Names of the selecting (non-scope) fields present. */
  selecting: string[];
  accountIds: string[] | null;
  /**
   * The time window the filter asks of one field, when it asks one: every match lies inside it, so a
   * page or a count walks that stretch of the field's sorted view instead of every record (a console
   * answers `updatedAt__gt` from an index; an incremental sync asks it of a 1,000,000-IOC scope).
   */
  range: TimeRange | null;
}

export type TimeField = (typeof TIME_FIELDS)[number];

/** µs bounds of one time field; `null` for an open end. */
export interface TimeRange {
  field: TimeField;
  from: number | null;
  fromInclusive: boolean;
  to: number | null;
  toInclusive: boolean;
}

function asList(v: unknown): string[] | null {
  if (v === undefined || v === null) return null;
  if (Array.isArray(v)) return v.map(String).filter((s) => s !== '');
  const list = String(v)
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  return list;
}

const TIME_KEY = { creationTime: 'creation', uploadTime: 'upload', updatedAt: 'updated' } as const;

export function compileFilter(input: Record<string, unknown>): FilterResult {
  const tests: Array<(r: IocRecord) => boolean> = [];
  const canon: Array<[string, unknown]> = [];
  const selecting: string[] = [];
  const note = (name: string, v: unknown) => {
    canon.push([name, v]);
    if (!SCOPE_FIELDS.has(name)) selecting.push(name);
  };
  let accountIds: string[] | null = null;

  for (const name of LIST_FIELDS) {
    const list = asList(input[name]);
    if (!list) continue;
    note(name, [...list].sort());
    if (name === 'accountIds') {
      accountIds = list;
      continue; // resolved by the route: it picks the scope store
    }
    const set = new Set(name === 'uuids' ? list.map((u) => u.toLowerCase()) : list);
    if (name === 'uuids') tests.push((r) => set.has(r.uuid));
    else if (name === 'type') tests.push((r) => set.has(r.ioc.type));
    else if (name === 'source') tests.push((r) => set.has(r.ioc.source));
    else tests.push((r) => set.has(r.ioc.scopeId)); // siteIds: only IOCs stored at that site scope
  }
  for (const name of SINGLE_FIELDS) {
    const raw = input[name];
    if (raw === undefined || raw === null) continue;
    // A value may contain commas (URLs), so only an explicit JSON array means "any of".
    const list = Array.isArray(raw) ? raw.map(String) : [String(raw)];
    note(name, list);
    if (name === 'value') {
      const exact = new Set(list);
      const lower = new Set(list.map((v) => v.toLowerCase()));
      tests.push(
        (r) => exact.has(r.ioc.value) || (HASH_TYPES.has(r.ioc.type) && lower.has(r.ioc.value.toLowerCase())),
      );
    } else {
      const set = new Set(list);
      tests.push((r) => set.has(String(r.ioc[name])));
    }
  }
  for (const name of CONTAINS_FIELDS) {
    const list = asList(input[name]);
    if (!list) continue;
    note(name, [...list].sort());
    const needles = list.map((s) => s.toLowerCase());
    const field = name.slice(0, -'__contains'.length);
    tests.push((r) => {
      const v = r.ioc[field];
      if (typeof v !== 'string') return false;
      const hay = v.toLowerCase();
      return needles.some((n) => hay.includes(n));
    });
  }
  for (const name of IN_FIELDS) {
    const list = asList(input[name]);
    if (!list) continue;
    note(name, [...list].sort());
    const set = new Set(list);
    const field = name.slice(0, -'__in'.length);
    tests.push((r) => {
      const v = r.ioc[field];
      return Array.isArray(v) && v.some((x) => set.has(String(x)));
    });
  }
  const severities = asList(input.severity);
  if (severities) {
    const nums = severities.map(Number);
    if (nums.some((n) => !Number.isInteger(n)))
      return { ok: false, detail: 'severity: Not a valid integer.' };
    note(
      'severity',
      [...nums].sort((a, b) => a - b),
    );
    const set = new Set(nums);
    tests.push((r) => typeof r.ioc.severity === 'number' && set.has(r.ioc.severity));
  }
  let range: TimeRange | null = null;
  for (const field of TIME_FIELDS) {
    for (const op of TIME_OPS) {
      const name = `${field}__${op}`;
      const raw = input[name];
      if (raw === undefined || raw === null) continue;
      const us = parseTimestampUs(String(raw));
      if (us === null) return { ok: false, detail: `${name}: Not a valid datetime.` };
      note(name, us);
      range = narrowed(range, field, op, us);
      const key = TIME_KEY[field];
      const cmp =
        op === 'gt'
          ? (t: number) => t > us
          : op === 'gte'
            ? (t: number) => t >= us
            : op === 'lt'
              ? (t: number) => t < us
              : (t: number) => t <= us;
      tests.push((r) => {
        const t = r[key];
        return t !== null && cmp(t);
      });
    }
  }
  canon.sort((a, b) => (a[0] < b[0] ? -1 : 1));
  return {
    ok: true,
    filter: {
      test: tests.length === 0 ? () => true : (r) => tests.every((t) => t(r)),
      canonical: JSON.stringify(canon),
      selecting,
      accountIds,
      range,
    },
  };
}

/**
 * `range` with one more bound. The first time field asked keeps the window; a second one is still
 * tested on each record, so the window only ever narrows what is walked, never what matches.
 */
function narrowed(
  range: TimeRange | null,
  field: TimeField,
  op: (typeof TIME_OPS)[number],
  us: number,
): TimeRange {
  const current = range ?? { field, from: null, fromInclusive: true, to: null, toInclusive: true };
  if (current.field !== field) return current;
  if (op === 'gt' || op === 'gte') {
    const inclusive = op === 'gte';
    if (current.from === null || us > current.from || (us === current.from && !inclusive))
      return { ...current, from: us, fromInclusive: inclusive };
    return current;
  }
  const inclusive = op === 'lte';
  if (current.to === null || us < current.to || (us === current.to && !inclusive))
    return { ...current, to: us, toInclusive: inclusive };
  return current;
}
