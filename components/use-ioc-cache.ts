/**
 * The cached IOCs for the manager tab, read straight from IndexedDB (never from the network), and
 * read again whenever the published sync status says the cache changed.
 */
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import type { Ioc } from '../lib/s1/schemas';
import type { SyncStatus } from '../lib/sync/sync-status';
import { pageRepo as repo } from './page-cache';

export function useIocCache(status: SyncStatus | undefined) {
  const [iocs, setIocs] = useState<Ioc[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(async () => {
    try {
      setIocs(await repo.all());
      setError(null);
    } catch (e) {
      setError(`The local cache could not be read: ${e instanceof Error ? e.message : String(e)}`);
    }
  }, []);
  // completeAt and iocCount change when a sync or a delete changed the cache.
  const version = useMemo(() => `${status?.completeAt}|${status?.iocCount}|${status?.accountKey}`, [status]);
  useEffect(() => {
    void reload();
  }, [version, reload]);
  return { iocs, error, reload };
}
