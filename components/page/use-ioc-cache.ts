/**
 * The cached IOCs for the manager tab, read straight from IndexedDB (never from the network), and
 * brought up to date whenever the published sync status says the cache changed.
 *
 * Reading 100,000 IOCs takes seconds, so the first read shows the first rows at once (the same rows
 * the full read puts first) and marks the list incomplete until the rest arrives. After that, a
 * change is applied from the cache's record of what each write changed (cache-changes.ts); the
 * whole cache is read again only when that record does not reach back far enough, or a full sync
 * made another generation visible.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Ioc } from '../../lib/s1/schemas';
import { applyChanges, type CacheMark } from '../../lib/store/cache-changes';
import type { SyncStatus } from '../../lib/sync/sync-status';
import { errorText } from '../../lib/text/error-text';
import { pageRepo as repo } from './page-cache';

/** Enough rows to fill a tall window before the rest is read. */
const FIRST_ROWS = 200;

export interface IocCache {
  iocs: Ioc[] | null;
  /** False while only the first rows have been read. */
  complete: boolean;
  error: string | null;
  reload(): Promise<void>;
}

/** `status` undefined: the published status is not read yet, so which cache to read is not known. */
export function useIocCache(status: SyncStatus | undefined): IocCache {
  const [iocs, setIocs] = useState<Ioc[] | null>(null);
  const [complete, setComplete] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const shown = useRef(false);
  /** What the IOCs shown hold: every write up to this mark. */
  const held = useRef<CacheMark | null>(null);

  const refresh = useCallback(async () => {
    try {
      const since = held.current;
      const changes = since ? await repo.changesSince(since) : null;
      if (since && changes) {
        if (changes.length === 0) return;
        held.current = { generation: since.generation, revision: changes.at(-1)?.revision ?? since.revision };
        setIocs((shownIocs) => applyChanges(shownIocs ?? [], changes));
        setError(null);
        return;
      }
      // Taken before the read: a write during it is applied again next time, which changes nothing.
      const mark = await repo.mark();
      if (!shown.current) {
        setIocs(await repo.first(FIRST_ROWS));
        setComplete(false);
      }
      const all = await repo.all(mark.generation);
      shown.current = true;
      held.current = mark;
      setIocs(all);
      setComplete(true);
      setError(null);
    } catch (e) {
      setError(`The local cache could not be read: ${errorText(e)}`);
    }
  }, []);

  // One refresh at a time, and at most one waiting: a change announced while the cache is being
  // read (which takes ~40 s at 1,000,000 IOCs) is caught up with after that read, from the mark it
  // took, instead of by a second read of every IOC beside the first.
  const running = useRef<Promise<void> | null>(null);
  const waiting = useRef<Promise<void> | null>(null);
  const reload = useCallback((): Promise<void> => {
    const busy = running.current;
    if (!busy) {
      const run = refresh().finally(() => {
        running.current = null;
      });
      running.current = run;
      return run;
    }
    waiting.current ??= busy.then(() => {
      waiting.current = null;
      return reload();
    });
    return waiting.current;
  }, [refresh]);

  // completeAt and iocCount change when a sync or a delete changed the cache.
  const version = useMemo(
    () => (status ? `${status.completeAt}|${status.iocCount}|${status.accountKey}` : null),
    [status],
  );
  useEffect(() => {
    if (version !== null) void reload();
  }, [version, reload]);
  return { iocs, complete, error, reload };
}
