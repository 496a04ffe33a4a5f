/**
 * The filters on the IOC's context fields (rich-fields.ts): a text filter over a list field matches
 * when any one item matches it, with the text filters' own rules (filter.ts: substring, or a `%`/`*`
 * pattern over the whole item), so `APT*` finds an IOC whose threat actors are ["Lazarus", "APT28"];
 * the severity filter is one level or "at least" a level.
 */
import type { RichListKey } from './rich-fields';

/** The list fields with a filter, in the order the "More filters" block (and the URL) shows them. */
export const LIST_FILTER_FIELDS = [
  'threatActors',
  'malwareNames',
  'labels',
  'campaignNames',
  'category',
] as const satisfies readonly RichListKey[];
export type ListFilterField = (typeof LIST_FILTER_FIELDS)[number];

/** '' for any severity, `4` for exactly 4, `4+` for 4 or above (the URL's text too). */
export type SeverityFilter = '' | `${number}` | `${number}+`;

const SEVERITY_FILTER = /^([0-7])(\+?)$/;

/** The severity filter a text names ('' when it names none: a hand-edited URL may say anything). */
export function parseSeverityFilter(text: string): SeverityFilter {
  const found = SEVERITY_FILTER.exec(text.trim());
  return found ? (`${found[1]}${found[2]}` as SeverityFilter) : '';
}

/** The lowest and highest severity the filter keeps; null for any severity. */
export function severityRange(filter: SeverityFilter): { min: number; max: number } | null {
  const found = SEVERITY_FILTER.exec(filter);
  if (!found) return null;
  const min = Number(found[1]);
  return { min, max: found[2] === '+' ? 7 : min };
}

/** The row test of a severity filter; null when it keeps every IOC. No severity never matches a level. */
export function compileSeverityFilter(
  filter: SeverityFilter,
): ((severity: number | null | undefined) => boolean) | null {
  const range = severityRange(filter);
  if (!range) return null;
  const { min, max } = range;
  return (severity) => severity != null && severity >= min && severity <= max;
}

/** Whether every severity `next` keeps is kept by `previous` (the rows shown can then be refined). */
export function severityNarrows(previous: SeverityFilter, next: SeverityFilter): boolean {
  const before = severityRange(previous);
  if (!before) return true;
  const after = severityRange(next);
  return after !== null && after.min >= before.min && after.max <= before.max;
}

/** An item test lifted to a list: any item matches. An absent or empty list matches nothing. */
export function anyItem(
  test: (item: string) => boolean,
): (list: readonly string[] | null | undefined) => boolean {
  return (list) => {
    if (!list) return false;
    for (const item of list) if (test(item)) return true;
    return false;
  };
}
