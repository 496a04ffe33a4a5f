/**
 * The manager's first rows, read before the page's code has loaded: the manager's early script
 * (entrypoints/manager-early.ts) starts the read the page would start first (where the cache stands,
 * then its first rows, as cache-follower.ts reads them) while the page's modules load, and the page
 * takes the answers over instead of asking again. On a 2-core machine the modules take ~100 ms to
 * load; the read is then usually done when the page first renders.
 *
 * The early script is its own bundle: the answers are handed over as plain promises of plain data,
 * under a global symbol.
 */
import type { Ioc } from '../../lib/s1/schemas';
import type { CacheMark } from '../../lib/store/cache-changes';
import type { IocRepo } from '../../lib/store/ioc-repo';

const HANDOFF = Symbol.for('s1-ioc-manager/early-rows');

export interface EarlyRows {
  mark: Promise<CacheMark>;
  first: Promise<Ioc[]>;
  /** How many rows `first` asked for. */
  limit: number;
}

type Scope = { [HANDOFF]?: EarlyRows };
const scope = globalThis as Scope;

/** Starts reading where the cache stands, then its first `limit` rows, for takeEarlyRows(). */
export function readRowsEarly(repo: Pick<IocRepo, 'mark' | 'first'>, limit: number): void {
  const mark = repo.mark();
  const first = mark.then(() => repo.first(limit));
  // Taken later, or never (the page failed to load): a failed read must not go unhandled here; the
  // page that takes it sees the failure where it awaits it.
  mark.catch(() => undefined);
  first.catch(() => undefined);
  scope[HANDOFF] ??= { mark, first, limit };
}

/** The read readRowsEarly() started, once; null if it did not run in this page. */
export function takeEarlyRows(): EarlyRows | null {
  const early = scope[HANDOFF] ?? null;
  delete scope[HANDOFF];
  return early;
}

type FirstReads = Pick<IocRepo, 'mark' | 'first'>;

/**
 * `repo` whose first mark() and first(limit) are answered by `early` (the same questions asked
 * earlier); every later question, or another limit, goes to `repo`.
 */
export function withEarlyRows<R extends FirstReads>(repo: R, early: EarlyRows | null): R {
  if (!early) return repo;
  let mark: Promise<CacheMark> | null = early.mark;
  let first: Promise<Ioc[]> | null = early.first;
  return {
    ...repo,
    mark() {
      const answer = mark ?? repo.mark();
      mark = null;
      return answer;
    },
    first(limit: number) {
      const answer = first && limit === early.limit ? first : repo.first(limit);
      first = null;
      return answer;
    },
  };
}
