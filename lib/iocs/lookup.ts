/**
 * "Is this value in SentinelOne?" for the popup, the context menu and the sheet, answered from the
 * local cache. Values are found and judged exactly as the New IOCs review does (same extraction,
 * same validation), so a value the popup calls absent is one the review would send.
 */
import type { Ioc } from '../s1/schemas';
import { valueKey } from '../store/ioc-repo';
import type { Candidate } from './extract';
import { groupByValue, type LookupAnswer } from './lookup-text';
import { buildReview } from './review';

export type { LookupAnswer } from './lookup-text';
export { describeAnswer, describeMatch } from './lookup-text';

/** A row of the values asked: what the review would make of it, before any cache is consulted. */
export type AskedRow = ReturnType<typeof buildReview>[number];

const NOTHING_CACHED = () => undefined;

/**
 * The distinct values the analyst gave, judged once, in order: URL-host and e-mail suggestions are
 * left out (the question was about what was typed) unless there is nothing else. Whether a row is
 * invalid or a duplicate does not depend on any cache, so with several profiles this runs once per
 * text and answerRows once per cache (validation was a tenth of each paste's work with ten).
 */
export function askedRows(candidates: readonly Candidate[]): AskedRow[] {
  const rows = buildReview(candidates, NOTHING_CACHED).filter((row) => row.status !== 'duplicate');
  // A lone e-mail address or URL host is all there is to answer for: then the suggestion is the question.
  return rows.some((row) => !row.suggestion) ? rows.filter((row) => !row.suggestion) : rows;
}

/** One answer per row from one cache; `cached` holds at least the IOCs with these values. */
export function answerRows(rows: readonly AskedRow[], cached: readonly Ioc[]): LookupAnswer[] {
  const byKey = groupByValue(cached);
  return rows.map((row): LookupAnswer => {
    if (row.status === 'invalid')
      return {
        value: row.value,
        type: row.type,
        state: 'invalid',
        reason: row.reason,
        warnings: [],
        matches: [],
      };
    const matches = byKey.get(valueKey(row.value)) ?? [];
    return {
      value: row.value,
      type: row.type,
      state: matches.length > 0 ? 'in-s1' : 'absent',
      warnings: row.warnings,
      matches,
    };
  });
}

/** One answer per distinct value the analyst gave, in order (askedRows), from one cache. */
export function answerLookups(candidates: readonly Candidate[], cached: readonly Ioc[]): LookupAnswer[] {
  return answerRows(askedRows(candidates), cached);
}
