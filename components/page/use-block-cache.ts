/**
 * The cached blocks (the account's Blocklist items and the extension's firewall rules) for the
 * manager, read straight from IndexedDB as the IOCs are (use-ioc-cache.ts), and read again whenever
 * the published sync status says a sync or an unblock changed them. A Blocklist holds thousands of
 * items at most, so every change is one whole read, not a replay of changes.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { blockStateLine } from '../../lib/blocks/blocks-table';
import type { BlocklistItem, FirewallRule } from '../../lib/s1/block-schemas';
import type { BlockRepo } from '../../lib/store/block-repo';
import type { SyncStatus } from '../../lib/sync/sync-status';
import { errorText } from '../../lib/text/error-text';
// The page's one connection to the cache, which the IOC table has opened already.
import { pageBlocks } from './page-cache';

export interface BlockCache {
  blocklist: BlocklistItem[] | null;
  firewallRules: FirewallRule[] | null;
  error: string | null;
  reload(): Promise<void>;
}

/** `status` undefined: the published status is not read yet. */
export function useBlockCache(status: SyncStatus | undefined): BlockCache {
  const [lists, setLists] = useState<{ blocklist: BlocklistItem[]; firewallRules: FirewallRule[] } | null>(
    null,
  );
  const [error, setError] = useState<string | null>(null);
  // Reads may overlap (a sync ends during an unblock's re-read); the latest one started wins.
  const latest = useRef(0);
  const reload = useCallback(async () => {
    const read = ++latest.current;
    try {
      const [blocklist, firewallRules] = await Promise.all([
        pageBlocks.allBlocklist(),
        pageBlocks.allFirewallRules(),
      ]);
      if (read !== latest.current) return;
      setLists({ blocklist, firewallRules });
      setError(null);
    } catch (e) {
      if (read === latest.current) setError(`The local cache of blocks could not be read: ${errorText(e)}`);
    }
  }, []);
  // completeAt changes with every sync, blocklistCount with an unblock between syncs.
  const version = status ? `${status.completeAt}|${status.blocklistCount}|${status.accountKey}` : null;
  useEffect(() => {
    if (version !== null) void reload();
  }, [version, reload]);
  return {
    blocklist: lists?.blocklist ?? null,
    firewallRules: lists?.firewallRules ?? null,
    error,
    reload,
  };
}

/**
 * "Detected · Blocked on Windows, macOS · Network-blocked" for a value the cache holds as an IOC,
 * as the cached blocks say; null until read (or when the blocks cannot be read: the line is extra).
 * `blocks`: another profile's cache, for a row of the manager's view across profiles.
 */
export function useBlockStateLine(value: string, blocks: BlockRepo = pageBlocks): string | null {
  const [line, setLine] = useState<string | null>(null);
  const values = useMemo(() => [value], [value]);
  useEffect(() => {
    let live = true;
    setLine(null);
    Promise.all([blocks.blocksByValues(values), blocks.meta()]).then(
      ([found, meta]) => {
        if (!live) return;
        setLine(blockStateLine(value, found, meta.blocklist));
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [values, value, blocks]);
  return line;
}
