/**
 * The cached IOCs of the page's profile for the manager tab (cache-follower.ts), brought up to date
 * whenever the published sync status says the cache changed.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { SyncStatus } from '../../lib/sync/sync-status';
import { type CacheState, cacheVersionOf, followCache, UNREAD } from './cache-follower';
import { pageRepo as repo } from './page-cache';

export interface IocCache extends CacheState {
  reload(): Promise<void>;
}

/** `status` undefined: the published status is not read yet, so which cache to read is not known. */
export function useIocCache(status: SyncStatus | undefined): IocCache {
  const [state, setState] = useState<CacheState>(UNREAD);
  const { reload } = useMemo(() => followCache(repo, setState), []);
  // completeAt and iocCount change when a sync or a delete changed the cache.
  const version = cacheVersionOf(status);
  useEffect(() => {
    if (version !== null) void reload();
  }, [version, reload]);
  return { ...state, reload };
}
