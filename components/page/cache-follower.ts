/**
 * One profile's cached IOCs as a page holds them: read straight from IndexedDB (never from the
 * network), then kept up to date from the cache's record of what each write changed.
 *
 * Reading 100,000 IOCs takes seconds, so the first read shows the first rows at once (the same rows
 * the full read puts first) and marks the list incomplete until the rest arrives. After that, a
 * change is applied from the cache's record of what each write changed (cache-changes.ts); the
 * whole cache is read again only when that record does not reach back far enough, or a full sync
 * made another generation visible. Used for the page's profile (use-ioc-cache.ts) and for each
 * profile of the view across profiles (use-all-iocs.ts).
 */
import type { Ioc } from '../../lib/s1/schemas';
import { applyChanges, type CacheMark } from '../../lib/store/cache-changes';
import type { IocRepo } from '../../lib/store/ioc-repo';
import { errorText } from '../../lib/text/error-text';

/** Enough rows to fill a tall window before the rest is read. */
export const FIRST_ROWS = 200;

export interface CacheState {
  iocs: Ioc[] | null;
  /** False while only the first rows have been read. */
  complete: boolean;
  error: string | null;
}

export const UNREAD: CacheState = { iocs: null, complete: false, error: null };

type Repo = Pick<IocRepo, 'changesSince' | 'mark' | 'first' | 'all'>;

/**
 * `publish` receives each change of state as an update of the previous one. `untilFirstShown`: what
 * the read of every IOC waits for after the first rows (the view across profiles holds ten such
 * reads until its first rows are painted, so that they do not compete with it); none by default.
 */
export function followCache(
  repo: Repo,
  publish: (update: (state: CacheState) => CacheState) => void,
  untilFirstShown: () => Promise<void> = () => Promise.resolve(),
) {
  let shown = false;
  /** What the IOCs shown hold: every write up to this mark. */
  let held: CacheMark | null = null;

  async function refresh(): Promise<void> {
    try {
      const since = held;
      const changes = since ? await repo.changesSince(since) : null;
      if (since && changes) {
        if (changes.length === 0) return;
        held = { generation: since.generation, revision: changes.at(-1)?.revision ?? since.revision };
        publish((state) => ({ ...state, iocs: applyChanges(state.iocs ?? [], changes), error: null }));
        return;
      }
      // Taken before the read: a write during it is applied again next time, which changes nothing.
      const mark = await repo.mark();
      if (!shown) {
        const first = await repo.first(FIRST_ROWS);
        publish((state) => ({ ...state, iocs: first, complete: false }));
        await untilFirstShown();
      }
      const all = await repo.all(mark.generation);
      shown = true;
      held = mark;
      publish(() => ({ iocs: all, complete: true, error: null }));
    } catch (e) {
      const error = `The local cache could not be read: ${errorText(e)}`;
      publish((state) => ({ ...state, error }));
    }
  }

  // One refresh at a time, and at most one waiting: a change announced while the cache is being
  // read (which takes ~40 s at 1,000,000 IOCs) is caught up with after that read, from the mark it
  // took, instead of by a second read of every IOC beside the first.
  let running: Promise<void> | null = null;
  let waiting: Promise<void> | null = null;
  function reload(): Promise<void> {
    const busy = running;
    if (!busy) {
      const run = refresh().finally(() => {
        running = null;
      });
      running = run;
      return run;
    }
    waiting ??= busy.then(() => {
      waiting = null;
      return reload();
    });
    return waiting;
  }
  return { reload };
}

export type CacheFollower = ReturnType<typeof followCache>;

/** What in a published status says the cache changed: a sync ended, or a write changed the count. */
export function cacheVersionOf(
  status: { completeAt: string | null; iocCount: number; accountKey: string | null } | undefined,
): string | null {
  return status ? `${status.completeAt}|${status.iocCount}|${status.accountKey}` : null;
}
