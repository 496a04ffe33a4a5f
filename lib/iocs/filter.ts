/**
 * The manager page's column filters, compiled once per filter change into one row test. The page
 * filters up to 1,000,000 cached IOCs on every keystroke, so everything that can be prepared is
 * prepared in compileIocFilter (regexes, time bounds) and the row test allocates nothing: `RegExp#test`
 * on the raw field (case folding is the regex's `i` flag, not a lower-cased copy of every field) and
 * plain string comparisons for the expiry.
 *
 * Text semantics (product spec):
 * - Leading/trailing whitespace of the filter text is ignored; an empty text matches every row,
 *   including rows where the field is null or missing.
 * - Without `%` or `*` the text matches case-insensitively anywhere in the field (substring).
 * - With `%` or `*` the text is a pattern over the whole field (anchored both ends) in which `%` and
 *   `*` both mean "any run of characters, possibly empty". `_` is a literal underscore: the original
 *   tool used SQL LIKE, where `_` silently matched any character and surprised users hunting for
 *   `evil_domain`. Every other character, regex metacharacters included, is literal.
 * - A non-empty text never matches a null or missing field. That includes a pattern of only
 *   wildcards (`%`, `*`, `%%`): it means "the field has a value" (any value, even '').
 * - Case-insensitivity is Unicode simple case folding (the regex `iu` flags), so `Ä` finds `ä`.
 * - On a context list (threat actors, labels…) the text is matched against each item alone, and
 *   one matching item is enough (rich-filter.ts); an empty list is like a missing field.
 */
import type { Ioc, IocType } from '../s1/schemas';
import { EXPIRING_SOON_MS, isoToEpochMs } from './expiry';
import {
  anyItem,
  compileSeverityFilter,
  LIST_FILTER_FIELDS,
  type ListFilterField,
  type SeverityFilter,
  severityNarrows,
} from './rich-filter';

/** The Ioc fields with a free-text filter, in the order the filter bar (and the URL) shows them. */
export const TEXT_FILTER_FIELDS = ['value', 'creator', 'name', 'description', 'source'] as const;
export type TextFilterField = (typeof TEXT_FILTER_FIELDS)[number];

/** `expiring`: not yet expired and expiring within EXPIRING_SOON_DAYS; `expired`: validUntil < now. */
export const EXPIRY_FILTERS = ['all', 'expiring', 'expired'] as const;
export type ExpiryFilter = (typeof EXPIRY_FILTERS)[number];

/** The text filters over the context lists (rich-filter.ts): an item of the list must match. */
type ListFilters = Record<ListFilterField, string>;

export interface IocFilter extends ListFilters {
  value: string;
  creator: string;
  name: string;
  description: string;
  source: string;
  /** '' means every type. */
  type: IocType | '';
  expiry: ExpiryFilter;
  /**
   * The profile id of the tenant to show, across profiles (lib/iocs/tenants.ts); '' means every
   * tenant. An IOC does not know its tenant, so compileIocFilter leaves this to the index.
   */
  tenant: string;
  severity: SeverityFilter;
}

/** The filter that matches every IOC; frozen so a shared default cannot be mutated by accident. */
export const EMPTY_FILTER: Readonly<IocFilter> = Object.freeze({
  value: '',
  creator: '',
  name: '',
  description: '',
  source: '',
  type: '',
  expiry: 'all',
  tenant: '',
  threatActors: '',
  malwareNames: '',
  labels: '',
  campaignNames: '',
  category: '',
  severity: '',
});

/** True when the filter matches every IOC (texts that are blank after trimming count as empty). */
export function isFilterEmpty(filter: IocFilter): boolean {
  return (
    filter.type === '' &&
    filter.expiry === 'all' &&
    filter.tenant === '' &&
    filter.severity === '' &&
    TEXT_FILTER_FIELDS.every((field) => filter[field].trim() === '') &&
    LIST_FILTER_FIELDS.every((field) => filter[field].trim() === '')
  );
}

export type TextFilterPlan =
  | { kind: 'all' }
  | { kind: 'contains'; text: string; regexSource: string; flags: string }
  | { kind: 'pattern'; text: string; regexSource: string; flags: string };

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * How a filter text is read: matches everything, a substring, or an anchored wildcard pattern, with
 * the regex it compiles to (the filter bar's tooltip shows the kind).
 */
export function describeTextFilter(text: string): TextFilterPlan {
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'all' };
  if (!/[%*]/.test(trimmed)) {
    return { kind: 'contains', text: trimmed, regexSource: escapeRegExp(trimmed), flags: 'iu' };
  }
  const parts = trimmed.split(/[%*]+/);
  // split() on a text containing a wildcard yields at least two parts: first and last are the
  // anchored prefix and suffix ('' when the pattern starts or ends with a wildcard).
  const prefix = escapeRegExp(parts[0] ?? '');
  const suffix = escapeRegExp(parts[parts.length - 1] ?? '');
  const middles = parts.slice(1, -1).map(escapeRegExp);
  // `s`: the wildcard also spans line breaks inside descriptions.
  const flags = 'isu';
  // `%word%` is a substring search, which the regex engine does fastest unanchored.
  if (prefix === '' && suffix === '' && middles.length === 1) {
    return { kind: 'pattern', text: trimmed, regexSource: middles[0] ?? '', flags };
  }
  // The middle parts must appear in order between prefix and suffix. `^a.*b.*c.*d$` backtracks
  // polynomially (O(n^k)) on a long description that nearly matches, freezing the page for one
  // keystroke; taking the leftmost occurrence of each part is always right for a glob, and an
  // atomic step `(?=(.*?part))\N` (a lookahead is never re-entered) keeps the whole test linear.
  const steps = middles.map((part, i) => `(?=(.*?${part}))\\${i + 1}`).join('');
  // A trailing wildcard matches any rest, so it needs no `.*$` scan to the end.
  const end = suffix === '' ? '' : `.*${suffix}$`;
  return { kind: 'pattern', text: trimmed, regexSource: `^${prefix}${steps}${end}`, flags };
}

/**
 * A filter text made only of printable ASCII, as the lower-case pieces a match is made of: the text
 * starts with `prefix`, holds `middles` in order after it, and ends with `suffix` ('' = anything).
 * A substring is one middle. For printable-ASCII field values this decides exactly what the
 * case-insensitive regex of describeTextFilter decides (lower-casing is ASCII case folding); null
 * for any other text.
 */
export interface AsciiGlob {
  prefix: string;
  middles: string[];
  suffix: string;
}

export function describeAsciiGlob(text: string): AsciiGlob | null {
  const plan = describeTextFilter(text);
  if (plan.kind === 'all' || !/^[ -~]*$/.test(plan.text)) return null;
  const lower = plan.text.toLowerCase();
  if (plan.kind === 'contains') return { prefix: '', middles: [lower], suffix: '' };
  const parts = lower.split(/[%*]+/);
  return {
    prefix: parts[0] ?? '',
    middles: parts.slice(1, -1).filter((part) => part !== ''),
    suffix: parts.length > 1 ? (parts[parts.length - 1] ?? '') : '',
  };
}

/** The test one text filter makes on one field value; null when the text matches everything. */
export function compileTextFilter(text: string): ((value: string | null | undefined) => boolean) | null {
  const plan = describeTextFilter(text);
  if (plan.kind === 'all') return null;
  // No `g` flag: test() then keeps no lastIndex state between rows.
  const regex = new RegExp(plan.regexSource, plan.flags);
  return (value) => value != null && regex.test(value);
}

/** `YYYY-MM-DDTHH:MM:SS` (UTC) of the second `ms` falls in. */
function utcSecond(ms: number): string {
  // split/join copies the slice into a flat string: V8 keeps a slice as a view into the ISO text,
  // and comparing 100,000 values against such a view measured about twice as slow.
  return new Date(ms).toISOString().slice(0, 19).split('').join('');
}

/** `YYYY-MM-DDTHH:MM:SS` followed by `Z` or `.<fraction>Z`: the form S1 sends for every timestamp. */
const UTC_ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z$/;

/**
 * The expiry test compares `validUntil` as text instead of parsing it on every row. In the UTC_ISO
 * form the first 19 characters (to the second) sort like the time they name, so a value below an
 * instant's `YYYY-MM-DDTHH:MM:SS` as a string is in an earlier second, and one at or above the next
 * second's text is in a later one. Only a value in the same second as a bound (where `…48Z` sorts
 * after `…48.062Z` although it is earlier) or not in that form (an offset, no zone, a space) is
 * parsed. A missing or unreadable validUntil never expires: it is in neither set (NaN compares false).
 */
function compileExpiry(expiry: ExpiryFilter, now: number): ((ioc: Ioc) => boolean) | null {
  if (expiry === 'all') return null;
  const nowSecond = utcSecond(now);
  const afterNowSecond = utcSecond(now + 1000);
  if (expiry === 'expired') {
    return (ioc) => {
      const validUntil = ioc.validUntil;
      if (validUntil == null) return false;
      if (UTC_ISO.test(validUntil)) {
        if (validUntil < nowSecond) return true;
        if (validUntil >= afterNowSecond) return false;
      }
      return isoToEpochMs(validUntil) < now;
    };
  }
  const soon = now + EXPIRING_SOON_MS;
  const soonSecond = utcSecond(soon);
  const afterSoonSecond = utcSecond(soon + 1000);
  return (ioc) => {
    const validUntil = ioc.validUntil;
    if (validUntil == null) return false;
    if (UTC_ISO.test(validUntil)) {
      if (validUntil < nowSecond || validUntil >= afterSoonSecond) return false;
      if (validUntil >= afterNowSecond && validUntil < soonSecond) return true;
    }
    const at = isoToEpochMs(validUntil);
    return at >= now && at <= soon;
  };
}

const matchAll = (): boolean => true;

/** One allocation-free row test for `filter` (all fields ANDed); `now` is epoch ms for the expiry. */
export function compileIocFilter(filter: IocFilter, now: number): (ioc: Ioc) => boolean {
  const tests: ((ioc: Ioc) => boolean)[] = [];
  // Cheapest first, so most rows are rejected before any regex runs.
  const type = filter.type;
  if (type !== '') tests.push((ioc) => ioc.type === type);
  const severity = compileSeverityFilter(filter.severity);
  if (severity) tests.push((ioc) => severity(ioc.severity));
  const expiry = compileExpiry(filter.expiry, now);
  if (expiry) tests.push(expiry);
  for (const field of TEXT_FILTER_FIELDS) {
    const test = compileTextFilter(filter[field]);
    if (test) tests.push((ioc) => test(ioc[field]));
  }
  for (const field of LIST_FILTER_FIELDS) {
    const test = compileTextFilter(filter[field]);
    if (!test) continue;
    const inList = anyItem(test);
    tests.push((ioc) => inList(ioc[field]));
  }
  const [first, second] = tests;
  if (first === undefined) return matchAll;
  if (second === undefined) return first;
  return (ioc) => {
    for (const test of tests) {
      if (!test(ioc)) return false;
    }
    return true;
  };
}

const ASCII = /^[ -~]*$/;

/** Whether every field value matching `next` also matches `previous` (one text filter). */
function textNarrows(previous: string, next: string): boolean {
  const before = describeTextFilter(previous);
  if (before.kind === 'all') return true;
  const after = describeTextFilter(next);
  if (after.kind === 'all') return false;
  if (after.kind !== 'contains' || before.kind !== 'contains')
    return before.text === after.text && before.kind === after.kind;
  // Case folding of printable ASCII is plain lower-casing; beyond ASCII only an exact-case extension is sure.
  if (ASCII.test(before.text) && ASCII.test(after.text))
    return after.text.toLowerCase().includes(before.text.toLowerCase());
  return after.text.includes(before.text);
}

/**
 * True when every IOC that `next` matches is also matched by `previous`: typing one more character
 * into a filter. The manager then tests only the rows already shown instead of the whole cache.
 */
export function narrows(previous: IocFilter, next: IocFilter): boolean {
  return (
    previous.type === next.type &&
    previous.expiry === next.expiry &&
    previous.tenant === next.tenant &&
    severityNarrows(previous.severity, next.severity) &&
    TEXT_FILTER_FIELDS.every((field) => textNarrows(previous[field], next[field])) &&
    // An item that matches the longer text matches the shorter one, so "any item" narrows alike.
    LIST_FILTER_FIELDS.every((field) => textNarrows(previous[field], next[field]))
  );
}
