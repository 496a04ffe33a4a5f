/**
 * "Is this value in SentinelOne?" for the popup, the context menu and the sheet, answered from the
 * local cache. Values are found and judged exactly as the New IOCs review does (same extraction,
 * same validation), so a value the popup calls absent is one the review would send.
 */
import type { Ioc } from '../s1/schemas';
import { valueKey } from '../store/ioc-repo';
import { findIn } from './existing-lookup';
import type { Candidate } from './extract';
import { groupByValue, type LookupAnswer } from './lookup-text';
import { buildReview } from './review';

export type { LookupAnswer } from './lookup-text';
export { describeAnswer, describeMatch } from './lookup-text';

/**
 * One answer per distinct value the analyst gave, in order. URL-host and e-mail suggestions are left
 * out (the question was about what was typed) unless there is nothing else. `cached` holds at least
 * the IOCs with these values.
 */
export function answerLookups(candidates: readonly Candidate[], cached: readonly Ioc[]): LookupAnswer[] {
  const byKey = groupByValue(cached);
  const rows = buildReview(candidates, findIn(cached)).filter((row) => row.status !== 'duplicate');
  // A lone e-mail address or URL host is all there is to answer for: then the suggestion is the question.
  const asked = rows.some((row) => !row.suggestion) ? rows.filter((row) => !row.suggestion) : rows;
  return asked.map((row): LookupAnswer => {
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
