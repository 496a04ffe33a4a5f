/**
 * Answers for the values in `text`, from the local cache (IndexedDB, no network), recomputed when
 * the text changes or the published sync status says the cache changed.
 */
import { useEffect, useState } from 'preact/hooks';
import { lookupValues } from '../lib/iocs/existing-lookup';
import { extractCandidates } from '../lib/iocs/extract';
import { answerLookups, type LookupAnswer } from '../lib/iocs/lookup';
import { pageRepo } from './page-cache';

export function useLookup(text: string, cacheVersion: string) {
  const [answers, setAnswers] = useState<LookupAnswer[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    const candidates = extractCandidates(text);
    pageRepo
      .byValues(lookupValues(candidates))
      .then((cached) => {
        if (!live) return;
        setAnswers(answerLookups(candidates, cached));
        setError(null);
      })
      .catch((e: unknown) => {
        if (live)
          setError(`The local cache could not be read: ${e instanceof Error ? e.message : String(e)}`);
      });
    return () => {
      live = false;
    };
  }, [text, cacheVersion]);
  return { answers, error };
}
