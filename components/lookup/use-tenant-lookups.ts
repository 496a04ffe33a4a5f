/**
 * The popup's answers for the values in `text`, from every profile's cache at once (IndexedDB, no
 * network), with the block state of each value in each profile. Each pass reads all the caches side
 * by side and is shown when the slowest has answered, so that no tenant is shown "not in" before its
 * cache was asked.
 *
 * One pass per paste once the full look-up's code has loaded (PopupView loads it when idle), which
 * reads each profile's IOCs and block caches in one transaction (value-lookup.ts) and renders once. Before that, the tokens as
 * typed are answered first (as use-lookup.ts does), then the full pass. With ten profiles each pass
 * is ten IndexedDB transactions or more, handled on the popup's main thread, so a pass saved is what
 * keeps a paste's answer as quick as with one profile (tests/bench/results.md, 11b).
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { type BlockState, blockStateOf } from '../../lib/blocks/block-state';
import type { LookupAnswer } from '../../lib/iocs/lookup-text';
import { quickAnswers, quickTokens } from '../../lib/iocs/quick-lookup';
import type { Ioc } from '../../lib/s1/schemas';
import type { BlocksFound } from '../../lib/store/block-repo';
import { errorText } from '../../lib/text/error-text';
import { type ProfileStores, popupStores, popupTenants, type TenantCache } from './popup-caches';
import { loadedFullLookup, preloadFullLookup } from './use-lookup';

export interface TenantRead {
  cache: TenantCache;
  answers: LookupAnswer[];
  /** Block state by value; empty until the full pass, or when the block cache could not be read. */
  blockStates: ReadonlyMap<string, BlockState>;
  /** Why this profile's cache could not be read; null when it answered. */
  error: string | null;
}

const NO_BLOCKS: ReadonlyMap<string, BlockState> = new Map();
/** Resolves once what was rendered before the call has been painted (as Preact runs effects). */
const afterPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
const cacheReadError = (e: unknown) => `The local cache could not be read: ${errorText(e)}`;

/** What a pass reads of each cache: its IOCs holding the values and, in the full pass, their blocks. */
type CacheRead = (stores: ProfileStores) => Promise<{ iocs: Ioc[]; blocks: BlocksFound | null }>;

/** One profile's part of a pass, before its tenant (label, colour) is attached. */
type StoresRead = Omit<TenantRead, 'cache'>;

/**
 * Each profile's answers through `answer`, read from every profile's caches side by side while their
 * labels are read (popup-caches.ts); a cache that fails keeps `previous` answers and says why.
 */
async function readAll(
  values: readonly string[],
  read: CacheRead,
  answer: (cached: Ioc[]) => LookupAnswer[],
  previous: readonly TenantRead[],
): Promise<TenantRead[]> {
  const stores = await popupStores;
  const reads = Promise.all(
    stores.map(async (store, index): Promise<StoresRead> => {
      try {
        const { iocs, blocks } = await read(store);
        // A block cache that could not be read shows no block line: the answers stand without it.
        const blockStates = blocks
          ? new Map(values.map((value) => [value, blockStateOf(value, blocks)]))
          : NO_BLOCKS;
        return { answers: answer(iocs), blockStates, error: null };
      } catch (e) {
        const before = previous[index];
        return {
          answers: before?.answers ?? [],
          blockStates: before?.blockStates ?? NO_BLOCKS,
          error: cacheReadError(e),
        };
      }
    }),
  );
  const [tenants, done] = await Promise.all([popupTenants, reads]);
  return tenants.map((cache, index) => ({ cache, ...(done[index] as StoresRead) }));
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

/**
 * `version`: the profiles' statuses in one string, naming what changes their IOC and block caches
 * (null until all are read), to read again on a change.
 */
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
      void popupTenants.then((caches) =>
        show(caches.map((cache) => ({ cache, answers: [], blockStates: NO_BLOCKS, error: null }))),
      );
      return () => {
        live = false;
      };
    }
    const fullPass = async (previous: readonly TenantRead[]) => {
      const full = loadedFullLookup() ?? (await preloadFullLookup());
      const candidates = full.extractCandidates(text);
      const values = full.lookupValues(candidates);
      // Judged once for every cache: validation does not depend on what a cache holds.
      const rows = full.askedRows(candidates);
      return readAll(
        values,
        (stores) => stores.lookup(values),
        (cached) => full.answerRows(rows, cached),
        previous,
      );
    };
    void (async () => {
      if (!loadedFullLookup()) {
        const tokens = quickTokens(text);
        const iocsOnly: CacheRead = async (stores) => ({
          iocs: await stores.repo.byValues(tokens),
          blocks: null,
        });
        const quick = await readAll(
          tokens,
          iocsOnly,
          (cached) => quickAnswers(tokens, cached),
          shown.current,
        );
        show(quick);
        // Loading the full look-up's code (a module preload link added to the head, a fetch, ~10 ms
        // of evaluation) would otherwise run between the quick answer's state and its render.
        if (quick.some((read) => read.answers.length > 0)) await afterPaint();
        if (!live) return;
      }
      show(await fullPass(shown.current));
    })().catch((e: unknown) => show(shown.current.map((read) => ({ ...read, error: cacheReadError(e) }))));
    return () => {
      live = false;
    };
  }, [text, cacheChange]);
  return reads;
}
