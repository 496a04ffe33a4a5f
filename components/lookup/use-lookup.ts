/**
 * Answers for the values in `text`, from the local cache (IndexedDB, no network), recomputed when
 * the text changes or the published sync status says the cache changed.
 *
 * Two passes, so that an answer does not wait for code: the tokens as typed are looked up at once
 * (quick-lookup.ts; only values the cache holds are answered); then the full look-up (lookup.ts),
 * whose extraction and validation code loads when the popup is first idle or after the quick
 * answer, answers every value, present, absent or invalid.
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { LookupAnswer } from '../../lib/iocs/lookup-text';
import { quickAnswers, quickTokens } from '../../lib/iocs/quick-lookup';
import type { SyncStatus } from '../../lib/sync/sync-status';
import { errorText } from '../../lib/text/error-text';
import { pageRepo } from '../page/page-cache';

async function loadFullLookup() {
  const [extract, existing, lookup] = await Promise.all([
    import('../../lib/iocs/extract'),
    import('../../lib/iocs/existing-lookup'),
    import('../../lib/iocs/lookup'),
  ]);
  return {
    extractCandidates: extract.extractCandidates,
    lookupValues: existing.lookupValues,
    answerLookups: lookup.answerLookups,
    askedRows: lookup.askedRows,
    answerRows: lookup.answerRows,
  };
}

type FullLookup = Awaited<ReturnType<typeof loadFullLookup>>;

let fullLookup: Promise<FullLookup> | null = null;
let loadedLookup: FullLookup | undefined;
/** Starts loading the full look-up (once per page); the popup calls it as soon as it opens. */
export const preloadFullLookup = () =>
  (fullLookup ??= loadFullLookup().then((loaded) => (loadedLookup = loaded)));

/**
 * The full look-up once its code has loaded, else undefined: from then on the quick pass answers
 * nothing the full one would not answer a moment later, and each pass is a read of every cache.
 */
export const loadedFullLookup = (): FullLookup | undefined => loadedLookup;

const cacheReadError = (e: unknown) => `The local cache could not be read: ${errorText(e)}`;

/**
 * What changes when the cache does, or null while the published status has not been read yet. The
 * first version read names the cache the first look-up already read (it reads IndexedDB itself), so
 * only later versions ask again: reading the status must not restart an answer under way.
 */
function useCacheChange(status: SyncStatus | undefined): string | null {
  const version = status ? `${status.completeAt}|${status.iocCount}|${status.accountKey}` : null;
  const first = useRef<string | null>(null);
  if (first.current === null) first.current = version;
  return version === first.current ? null : version;
}

export function useLookup(text: string, status: SyncStatus | undefined) {
  const [answers, setAnswers] = useState<LookupAnswer[]>([]);
  const [error, setError] = useState<string | null>(null);
  const cacheChange = useCacheChange(status);
  // A layout effect: the reads start with the render, not a frame later (the look-up is all async).
  useLayoutEffect(() => {
    if (text.trim() === '') {
      setAnswers([]);
      setError(null);
      return;
    }
    let live = true;
    const tokens = quickTokens(text);
    // Once the full look-up has loaded, the quick pass would only read the cache twice.
    const quick = loadedFullLookup()
      ? Promise.resolve()
      : pageRepo.byValues(tokens).then((cached) => {
          if (live) setAnswers(quickAnswers(tokens, cached));
        });
    quick.catch((e: unknown) => live && setError(cacheReadError(e)));
    // After the quick answer, not beside it: evaluating the full look-up's code (~10 ms) would
    // otherwise hold up the quick answer's render. If the page has been open a moment, it has
    // loaded already (PopupView preloads it when idle).
    quick
      .catch(() => undefined)
      .then(preloadFullLookup)
      .then(async (full) => {
        const candidates = full.extractCandidates(text);
        const cached = await pageRepo.byValues(full.lookupValues(candidates));
        if (!live) return;
        setAnswers(full.answerLookups(candidates, cached));
        setError(null);
      })
      .catch((e: unknown) => live && setError(cacheReadError(e)));
    return () => {
      live = false;
    };
  }, [text, cacheChange]);
  return { answers, error };
}
