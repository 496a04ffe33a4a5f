/**
 * The cached IOCs for the manager tab, read straight from IndexedDB (never from the network), and
 * read again whenever the published sync status says the cache changed.
 *
 * Reading 100,000 IOCs takes seconds, so the first read shows the first rows at once (the same rows
 * the full read puts first) and marks the list incomplete until the rest arrives.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Ioc } from '../lib/s1/schemas';
import type { SyncStatus } from '../lib/sync/sync-status';
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
  // A newer read wins: an older one that finishes later must not replace it.
  const latest = useRef(0);
  const reload = useCallback(async () => {
    const read = ++latest.current;
    try {
      if (!shown.current) {
        const first = await repo.first(FIRST_ROWS);
        if (read === latest.current && !shown.current) {
          setIocs(first);
          setComplete(false);
        }
      }
      const all = await repo.all();
      if (read !== latest.current) return;
      shown.current = true;
      setIocs(all);
      setComplete(true);
      setError(null);
    } catch (e) {
      setError(`The local cache could not be read: ${e instanceof Error ? e.message : String(e)}`);
    }
  }, []);
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
