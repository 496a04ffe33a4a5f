/**
 * The block state of each answered value (Blocklist OSes, network block), from the block cache in
 * IndexedDB; read after the answers, so that it never holds up the "is it in SentinelOne?" answer.
 * (The popup reads its block states with its answers: use-tenant-lookups.ts.)
 */
import { useEffect, useState } from 'preact/hooks';
import { type BlockState, blockStateOf } from '../../lib/blocks/block-state';
import type { LookupAnswer } from '../../lib/iocs/lookup-text';
import type { SyncStatus } from '../../lib/sync/sync-status';
import { pageBlocks } from '../page/page-cache';

export function useBlockStates(
  answers: readonly LookupAnswer[],
  status: SyncStatus | undefined,
): ReadonlyMap<string, BlockState> {
  const [states, setStates] = useState<ReadonlyMap<string, BlockState>>(new Map());
  // The values as one string, so that a new answers array with the same values reads nothing again.
  const key = answers
    .filter((a) => a.state !== 'invalid')
    .map((a) => a.value)
    .join('\n');
  // A write of the extension's own, or a sync, changes these: read again when the status says so.
  const version = status ? `${status.completeAt}|${status.blocklistCount}|${status.accountKey}` : '';
  useEffect(() => {
    const values = key === '' ? [] : key.split('\n');
    if (values.length === 0) return setStates(new Map());
    let live = true;
    pageBlocks
      .blocksByValues(values)
      .then((found) => {
        if (live) setStates(new Map(values.map((value) => [value, blockStateOf(value, found)])));
      })
      // The answers stand without it: a block cache that cannot be read shows no block line.
      .catch(() => live && setStates(new Map()));
    return () => {
      live = false;
    };
  }, [key, version]);
  return states;
}
