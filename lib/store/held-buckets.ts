/**
 * A profile's bucket records (value-buckets.ts) held in memory by a page that looks values up at every
 * paste (the popup), so that a look-up reads the chunks the buckets list in the same round trip as the
 * meta record, instead of meta, then the bucket, then the chunk, one after the other. With ten profiles
 * that is three round trips per database per paste become one, which is what doubled a paste's answer.
 *
 * Exact, never a guess: the copy is stamped with the meta record's generation and revision it was read
 * at, and a look-up trusts it only when the meta record read in the look-up's own transaction carries
 * the same stamp. Every write that changes the visible generation's buckets changes that pair in the
 * same transaction (ioc-repo.ts recordWrite; a full sync makes another generation visible), as the
 * pages that follow the cache's changes already rely on (cache-changes.ts).
 */
import type { Ioc } from '../s1/schemas';
import type { CacheMark } from './cache-changes';
import type { CacheMeta } from './db';
import { valueKey } from './ioc-chunks';
import { BUCKETS, type CachedBucket, chunkIdsIn, slotOfKey } from './value-buckets';

/** One generation's bucket entries as read (one string per bucket, '' when empty), and where they stood. */
export interface HeldBuckets {
  mark: CacheMark;
  entries: readonly string[];
}

/** The records of `mark`'s generation, as one array indexed by bucket. */
export function holdBuckets(mark: CacheMark, records: readonly CachedBucket[]): HeldBuckets {
  const entries = new Array<string>(BUCKETS).fill('');
  for (const record of records)
    if (record.generation === mark.generation) entries[record.bucket] = record.entries;
  return { mark: { generation: mark.generation, revision: mark.revision }, entries };
}

/** Whether `held` is the look-up of the cache `meta` describes (read in the same transaction). */
export const stillHeld = (held: HeldBuckets, meta: Pick<CacheMeta, 'generation' | 'revision'>): boolean =>
  held.mark.generation === meta.generation && held.mark.revision === meta.revision;

/** The value keys of `values` (folded, none empty), each once, in the order asked. */
export function keysOf(values: readonly string[]): string[] {
  const keys = new Set(values.map(valueKey));
  keys.delete('');
  return [...keys];
}

/** The ids of the chunks that may hold one of `keys` (a hash shared by two values lists both's). */
export function heldChunkIds(held: HeldBuckets, keys: readonly string[]): string[] {
  const ids = new Set<string>();
  for (const key of keys) {
    const { hash, bucket } = slotOfKey(key);
    for (const id of chunkIdsIn(held.entries[bucket] ?? '', hash)) ids.add(id);
  }
  return [...ids];
}

/** The IOCs of `chunks` whose value is one of `keys`, in the order of the keys (as callers show them). */
export function iocsOfKeys(
  keys: readonly string[],
  chunks: ReadonlyArray<{ iocs: Ioc[] } | undefined>,
): Ioc[] {
  const byKey = new Map<string, Ioc[]>(keys.map((key) => [key, []]));
  for (const chunk of chunks) for (const ioc of chunk?.iocs ?? []) byKey.get(valueKey(ioc.value))?.push(ioc);
  return [...byKey.values()].flat();
}
