/**
 * "Is this value in SentinelOne?" for the popup, the context menu and the sheet, answered from the
 * local cache. Values are found and judged exactly as the New IOCs review does (same extraction,
 * same validation), so a value the popup calls absent is one the review would send.
 */
import type { Ioc, IocType } from '../s1/schemas';
import { valueKey } from '../store/ioc-repo';
import { findIn } from './existing-lookup';
import { describeExpiry } from './expiry';
import type { Candidate } from './extract';
import { buildReview, type IocWarning } from './review';

export interface LookupAnswer {
  value: string;
  type: IocType;
  state: 'in-s1' | 'absent' | 'invalid';
  /** Why the value cannot be an IOC (invalid only). */
  reason?: string;
  warnings: IocWarning[];
  /** Every cached IOC with this value, of any type or source (in-s1 only). */
  matches: Ioc[];
}

/**
 * One answer per distinct value the analyst gave, in order. URL-host and e-mail suggestions are left
 * out (the question was about what was typed) unless there is nothing else. `cached` holds at least the IOCs with these values.
 */
export function answerLookups(candidates: readonly Candidate[], cached: readonly Ioc[]): LookupAnswer[] {
  const byKey = new Map<string, Ioc[]>();
  for (const ioc of cached) {
    const key = valueKey(ioc.value);
    byKey.set(key, [...(byKey.get(key) ?? []), ioc]);
  }
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

/** `DNS · Phishing kit · expires in 12 days · by alice@acme.example` for one cached IOC. */
export function describeMatch(ioc: Ioc, now: number): string {
  const expiry = describeExpiry(ioc.validUntil, now);
  // An unreadable date comes back as its own text with state 'never': show it, not a false "never".
  const expires =
    expiry.state === 'expired'
      ? expiry.text
      : expiry.state === 'never' && expiry.text === 'never'
        ? 'never expires'
        : `expires ${expiry.text}`;
  return [ioc.type, ioc.name || null, expires, ioc.creator ? `by ${ioc.creator}` : null]
    .filter((part): part is string => part !== null)
    .join(' · ');
}

/** One line for a notification or a status: the value and what the cache says about it. */
export function describeAnswer(answer: LookupAnswer, now: number): string {
  switch (answer.state) {
    case 'invalid':
      return `${answer.value}: not an IOC (${answer.reason ?? 'invalid'})`;
    case 'absent':
      return `${answer.value}: not in SentinelOne`;
    default:
      return `${answer.value}: in SentinelOne (${answer.matches.map((ioc) => describeMatch(ioc, now)).join('; ')})`;
  }
}
