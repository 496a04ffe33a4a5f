/**
 * The popup's first answer, before the extraction and validation code has loaded: every token of
 * the text, refanged and stripped of wrapping punctuation, looked up as it stands. Only tokens the
 * cache holds are answered ("In SentinelOne"); the full look-up (lookup.ts) then answers them all.
 */
import type { Ioc } from '../s1/schemas';
import { valueKey } from '../store/ioc-repo';
import { groupByValue, type LookupAnswer } from './lookup-text';
import { refang } from './refang';

const WRAPPERS = /^["'`<([{]+|["'`>)\]},;.!?]+$/g;

/** Distinct tokens of `text`, refanged, without wrapping quotes, brackets and trailing punctuation. */
export function quickTokens(text: string): string[] {
  const tokens = refang(text)
    .split(/[\s,;|]+/)
    .map((token) => token.replace(WRAPPERS, ''))
    .filter((token) => token !== '');
  return [...new Set(tokens)];
}

/** An answer for each token the cache holds, in the order of the tokens. */
export function quickAnswers(tokens: readonly string[], cached: readonly Ioc[]): LookupAnswer[] {
  const byKey = groupByValue(cached);
  const answers: LookupAnswer[] = [];
  const seen = new Set<string>();
  for (const token of tokens) {
    const key = valueKey(token);
    const matches = byKey.get(key);
    if (!matches || seen.has(key)) continue;
    seen.add(key);
    const [first] = matches;
    if (first) answers.push({ value: first.value, type: first.type, state: 'in-s1', warnings: [], matches });
  }
  return answers;
}
