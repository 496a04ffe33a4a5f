/**
 * The cached IOCs of the page's profile for the manager tab (cache-follower.ts), brought up to date
 * whenever the published sync status says the cache changed.
 */
import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import type { SyncStatus } from '../../lib/sync/sync-status';
import { type CacheState, cacheVersionOf, followCache, UNREAD } from './cache-follower';
import { takeEarlyRows, withEarlyRows } from './early-rows';
import { pageRepo as repo } from './page-cache';

export interface IocCache extends CacheState {
  reload(): Promise<void>;
}

/** The page's cache as it is read: its latest state, and who to tell of the next. */
export interface PageCache {
  reload(): Promise<void>;
  current(): CacheState;
  subscribe(listener: (state: CacheState) => void): () => void;
}

/**
 * Starts following the page's cache, before the page's first render (the entrypoint calls it).
 * `readNow`: read the first rows at once, beside the page's storage reads instead of after the
 * status read (and the frame its effect waits for); false where the page shows no single profile's
 * IOCs. The status read then finds the cache read under way, and only asks what changed since. The
 * manager's early script may have asked the first questions already (early-rows.ts).
 */
export function startPageCache(readNow: boolean): PageCache {
  let state = UNREAD;
  const listeners = new Set<(state: CacheState) => void>();
  const { reload } = followCache(readNow ? withEarlyRows(repo, takeEarlyRows()) : repo, (update) => {
    state = update(state);
    for (const listener of listeners) listener(state);
  });
  if (readNow) void reload();
  return {
    reload,
    current: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** `status`: the published status, which says when the cache changed (undefined until read). */
export function useIocCache(cache: PageCache, status: SyncStatus | undefined): IocCache {
  const [state, setState] = useState(cache.current);
  // Before the browser paints, so that rows read meanwhile are not a frame late; a state already
  // shown is the same object, which renders nothing again.
  useLayoutEffect(() => {
    setState(cache.current());
    return cache.subscribe(setState);
  }, [cache]);
  // completeAt and iocCount change when a sync or a delete changed the cache.
  const version = cacheVersionOf(status);
  const { reload } = cache;
  useEffect(() => {
    if (version !== null) void reload();
  }, [version, reload]);
  return { ...state, reload };
}
