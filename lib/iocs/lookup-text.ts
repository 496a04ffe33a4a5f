/**
 * A look-up answer and its text, apart from the code that finds the answers (lookup.ts), so that
 * showing an answer needs no IOC extraction or validation code loaded.
 */
import type { Ioc, IocType } from '../s1/schemas';
import { valueKey } from '../store/ioc-chunks';
import { displayText } from './display-text';
import { describeExpiry } from './expiry';
import type { IocWarning } from './warnings';

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

/** How much of a name or creator a one-line answer shows: a 100 KB field would swamp the popup. */
export const ANSWER_FIELD_MAX = 100;
/** How many cached IOCs a notification line names; an account may hold thousands with one value. */
export const ANSWER_MATCHES_MAX = 3;

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
  // The console's fields spelled out: an RTL override in a name would reverse the rest of the line.
  const name = ioc.name ? displayText(ioc.name, ANSWER_FIELD_MAX) : null;
  const creator = ioc.creator ? `by ${displayText(ioc.creator, ANSWER_FIELD_MAX)}` : null;
  return [ioc.type, name, expires, creator].filter((part): part is string => part !== null).join(' · ');
}

/** One line for a notification or a status: the value and what the cache says about it. */
export function describeAnswer(answer: LookupAnswer, now: number): string {
  const value = displayText(answer.value);
  switch (answer.state) {
    case 'invalid':
      return `${value}: not an IOC (${displayText(answer.reason ?? 'invalid')})`;
    case 'absent':
      return `${value}: not in SentinelOne`;
    default: {
      const named = answer.matches.slice(0, ANSWER_MATCHES_MAX).map((ioc) => describeMatch(ioc, now));
      const more = answer.matches.length - named.length;
      return `${value}: in SentinelOne (${named.join('; ')}${more > 0 ? `; and ${more.toLocaleString('en-US')} more` : ''})`;
    }
  }
}

/**
 * Cached IOCs by case-folded value, in cache order. Appends in place: an account may hold 10,000
 * IOCs sharing one value, which copying the list per IOC would make quadratic.
 */
export function groupByValue(cached: readonly Ioc[]): Map<string, Ioc[]> {
  const byKey = new Map<string, Ioc[]>();
  for (const ioc of cached) {
    const key = valueKey(ioc.value);
    const group = byKey.get(key);
    if (group) group.push(ioc);
    else byKey.set(key, [ioc]);
  }
  return byKey;
}
