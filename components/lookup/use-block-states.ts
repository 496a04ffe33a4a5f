/**
 * The block state of each answered value (Blocklist OSes, network block), from the block cache in
 * IndexedDB; read after the answers, so that it never holds up the "is it in SentinelOne?" answer.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { type BlockState, blockStateOf } from '../../lib/blocks/block-state';
import type { LookupAnswer } from '../../lib/iocs/lookup-text';
import type { SyncStatus } from '../../lib/sync/sync-status';
import { pageBlocks } from '../page/page-cache';
import type { TenantRead } from './use-tenant-lookups';

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

/**
 * The block state of each answered value in each profile's block cache (by profile id), read after
 * the answers as useBlockStates does. Every profile is asked about every value: a tenant that does
 * not detect a value may still block it. `version`: the profiles' statuses in one string.
 */
export function useTenantBlockStates(
  reads: readonly TenantRead[],
  version: string,
): ReadonlyMap<string, ReadonlyMap<string, BlockState>> {
  const [states, setStates] = useState<ReadonlyMap<string, ReadonlyMap<string, BlockState>>>(new Map());
  // The profiles and values as strings, so that new reads with the same values read nothing again.
  const profiles = reads.map((read) => read.cache.tenant.id).join(',');
  const key = [
    ...new Set(
      reads.flatMap((read) => read.answers.filter((a) => a.state !== 'invalid').map((a) => a.value)),
    ),
  ].join('\n');
  const caches = useRef(reads);
  caches.current = reads;
  useEffect(() => {
    const values = key === '' ? [] : key.split('\n');
    if (values.length === 0 || profiles === '') return setStates(new Map());
    let live = true;
    void Promise.all(
      caches.current.map(async ({ cache }) => {
        // The answers stand without it: a block cache that cannot be read shows no block line.
        const found = await cache.blocks.blocksByValues(values).catch(() => null);
        const byValue = new Map(found ? values.map((value) => [value, blockStateOf(value, found)]) : []);
        return [cache.tenant.id, byValue] as const;
      }),
    ).then((entries) => live && setStates(new Map(entries)));
    return () => {
      live = false;
    };
  }, [key, profiles, version]);
  return states;
}
