/**
 * The popup's answers for the values in `text`, from every profile's cache at once (IndexedDB, no
 * network): the same two passes as use-lookup.ts (the tokens as typed, then the full look-up), each
 * pass read from all the caches side by side and shown when the slowest has answered, so that no
 * tenant is shown "not in" before its cache was asked.
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { LookupAnswer } from '../../lib/iocs/lookup-text';
import { quickAnswers, quickTokens } from '../../lib/iocs/quick-lookup';
import type { Ioc } from '../../lib/s1/schemas';
import { errorText } from '../../lib/text/error-text';
import { popupTenants, type TenantCache } from './popup-caches';
import { preloadFullLookup } from './use-lookup';

export interface TenantRead {
  cache: TenantCache;
  answers: LookupAnswer[];
  /** Why this profile's cache could not be read; null when it answered. */
  error: string | null;
}

const cacheReadError = (e: unknown) => `The local cache could not be read: ${errorText(e)}`;

/** Each cache's answers through `answer`; a cache that fails keeps `previous` answers and says why. */
function readAll(
  caches: readonly TenantCache[],
  values: readonly string[],
  answer: (cached: Ioc[]) => LookupAnswer[],
  previous: readonly TenantRead[],
): Promise<TenantRead[]> {
  return Promise.all(
    caches.map((cache, index) =>
      cache.repo.byValues(values).then(
        (cached): TenantRead => ({ cache, answers: answer(cached), error: null }),
        (e: unknown): TenantRead => ({
          cache,
          answers: previous[index]?.answers ?? [],
          error: cacheReadError(e),
        }),
      ),
    ),
  );
}

/**
 * What changes when any cache does, or null while the statuses have not all been read: the first
 * version read names the caches the first look-up already read, so reading the statuses must not
 * restart an answer under way (as use-lookup.ts's useCacheChange).
 */
function useCacheChange(version: string | null): string | null {
  const first = useRef<string | null>(null);
  if (first.current === null) first.current = version;
  return version === first.current ? null : version;
}

/** `version`: the profiles' statuses in one string (null until all are read), to read again on a change. */
export function useTenantLookups(text: string, version: string | null): TenantRead[] {
  const [reads, setReads] = useState<TenantRead[]>([]);
  const cacheChange = useCacheChange(version);
  const shown = useRef<TenantRead[]>([]);
  // A layout effect: the reads start with the render, not a frame later (the look-up is all async).
  useLayoutEffect(() => {
    let live = true;
    const show = (next: TenantRead[]) => {
      if (!live) return;
      shown.current = next;
      setReads(next);
    };
    if (text.trim() === '') {
      void popupTenants.then((caches) => show(caches.map((cache) => ({ cache, answers: [], error: null }))));
      return () => {
        live = false;
      };
    }
    const tokens = quickTokens(text);
    void (async () => {
      const caches = await popupTenants;
      const quick = await readAll(caches, tokens, (cached) => quickAnswers(tokens, cached), shown.current);
      show(quick);
      if (!live) return;
      // After the quick answer, not beside it: evaluating the full look-up's code would hold it up.
      const full = await preloadFullLookup();
      const candidates = full.extractCandidates(text);
      const values = full.lookupValues(candidates);
      show(await readAll(caches, values, (cached) => full.answerLookups(candidates, cached), quick));
    })().catch((e: unknown) => show(shown.current.map((read) => ({ ...read, error: cacheReadError(e) }))));
    return () => {
      live = false;
    };
  }, [text, cacheChange]);
  return reads;
}
