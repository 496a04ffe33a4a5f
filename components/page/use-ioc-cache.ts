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

/**
 * `status`: the published status, which says when the cache changed (undefined until read).
 * `readAtOnce`: read the first rows as the page starts, beside the status read instead of after it
 * (and after the frame its effect waits for); false where the page shows no single profile's IOCs.
 */
export function useIocCache(status: SyncStatus | undefined, readAtOnce = false): IocCache {
  const [state, setState] = useState<CacheState>(UNREAD);
  const { reload } = useMemo(() => {
    const follower = followCache(repo, setState);
    // The status read then finds the cache read under way, and only asks what changed since.
    if (readAtOnce) void follower.reload();
    return follower;
  }, []);
  // completeAt and iocCount change when a sync or a delete changed the cache.
  const version = cacheVersionOf(status);
  useEffect(() => {
    if (version !== null) void reload();
  }, [version, reload]);
  return { ...state, reload };
}
