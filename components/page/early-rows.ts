/**
 * The manager's first rows, read before the page's code has loaded: the manager's early script
 * (entrypoints/manager-early.ts) starts the read the page would start first (where the cache stands,
 * then its first rows, as cache-follower.ts reads them) while the page's modules load, and the page
 * takes the answers over instead of asking again. On a 2-core machine the modules take ~100 ms to
 * load; the read is then usually done when the page first renders.
 *
 * Across profiles (`?profile=all`) the script reads every profile's cache the same way, each handed
 * over by profile id to the view's reads of that profile (use-all-iocs.ts).
 *
 * The early script is its own bundle: the answers are handed over as plain promises of plain data,
 * under a global symbol.
 */
import type { Ioc } from '../../lib/s1/schemas';
import type { CacheMark } from '../../lib/store/cache-changes';
import type { IocRepo } from '../../lib/store/ioc-repo';

const HANDOFF = Symbol.for('s1-ioc-manager/early-rows');
const PROFILES_HANDOFF = Symbol.for('s1-ioc-manager/early-profile-rows');

export interface EarlyRows {
  mark: Promise<CacheMark>;
  first: Promise<Ioc[]>;
  /** How many rows `first` asked for. */
  limit: number;
}

type FirstReads = Pick<IocRepo, 'mark' | 'first'>;

type Scope = { [HANDOFF]?: EarlyRows; [PROFILES_HANDOFF]?: Promise<Map<string, EarlyRows>> };
const scope = globalThis as Scope;

/** Where the cache stands, then its first `limit` rows, asked now. */
function startReads(repo: FirstReads, limit: number): EarlyRows {
  const mark = repo.mark();
  const first = mark.then(() => repo.first(limit));
  // Taken later, or never (the page failed to load): a failed read must not go unhandled here; the
  // page that takes it sees the failure where it awaits it.
  mark.catch(() => undefined);
  first.catch(() => undefined);
  return { mark, first, limit };
}

/** Starts reading where the cache stands, then its first `limit` rows, for takeEarlyRows(). */
export function readRowsEarly(repo: FirstReads, limit: number): void {
  scope[HANDOFF] ??= startReads(repo, limit);
}

/**
 * Across profiles: each cache of `repos` (by profile id, known once the profile list is read) read as
 * readRowsEarly() reads one, each as soon as it is known, for takeEarlyProfileRows().
 */
export function readProfileRowsEarly(repos: Promise<ReadonlyMap<string, FirstReads>>, limit: number): void {
  if (scope[PROFILES_HANDOFF]) return;
  const reads = repos.then((known) => new Map([...known].map(([id, repo]) => [id, startReads(repo, limit)])));
  reads.catch(() => undefined);
  scope[PROFILES_HANDOFF] = reads;
}

/** The read readRowsEarly() started, once; null if it did not run in this page. */
export function takeEarlyRows(): EarlyRows | null {
  const early = scope[HANDOFF] ?? null;
  delete scope[HANDOFF];
  return early;
}

/** The reads readProfileRowsEarly() started, by profile id, once; null if it did not run in this page. */
export function takeEarlyProfileRows(): Promise<Map<string, EarlyRows>> | null {
  const early = scope[PROFILES_HANDOFF] ?? null;
  delete scope[PROFILES_HANDOFF];
  return early;
}

/** `profileId`'s reads among takeEarlyProfileRows()'s: null when none were started for it. */
export function earlyRowsOf(
  all: Promise<ReadonlyMap<string, EarlyRows>> | null,
  profileId: string,
): Promise<EarlyRows | null> | null {
  if (!all) return null;
  return all.then((reads) => reads.get(profileId) ?? null).catch(() => null);
}

/**
 * `repo` whose first mark() and first(limit) are answered by `early` (the same questions asked
 * earlier); every later question, or another limit, goes to `repo`. `early` may still be coming (a
 * profile's reads across profiles start once the list is read): none then means `repo` answers.
 */
export function withEarlyRows<R extends FirstReads>(
  repo: R,
  early: EarlyRows | Promise<EarlyRows | null> | null,
): R {
  if (!early) return repo;
  const coming = Promise.resolve(early);
  let markAsked = false;
  let firstAsked = false;
  return {
    ...repo,
    mark() {
      const answer = markAsked ? repo.mark() : coming.then((reads) => (reads ? reads.mark : repo.mark()));
      markAsked = true;
      return answer;
    },
    first(limit: number) {
      const answer = firstAsked
        ? repo.first(limit)
        : coming.then((reads) => (reads && limit === reads.limit ? reads.first : repo.first(limit)));
      firstAsked = true;
      return answer;
    },
  };
}
