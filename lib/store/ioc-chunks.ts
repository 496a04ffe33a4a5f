/**
 * Building and changing the cache's chunks (db.ts): pure functions, so that the repo only moves
 * chunks in and out of IndexedDB.
 */

import type { Ioc } from '../s1/schemas';
import type { CachedChunk } from './db';
import { canonicalFoldedIpv6 } from './ipv6-key';
import { sameJson } from './same-json';

/**
 * IOCs per chunk. Small enough that an incremental sync, which rewrites the chunk of every changed
 * IOC, moves little data; large enough that the per-record cost of IndexedDB stays negligible, and
 * that a chunk of typical IOCs (~600 bytes each) serializes past 64 KB. Chromium writes a value that
 * large to a file of its own and a smaller one into its log-structured store, which rewrites it as
 * it compacts: writing 100,000 IOCs cost the browser process 2.5–3.3 s of CPU in chunks of 100
 * (~61 KB), 0.75–1.8 s in chunks of 200, and reading them back was no slower.
 */
export const CHUNK_SIZE = 200;

/**
 * The key every look-up uses: case-insensitive, since hashes and host names are, and an IPv6 address
 * in its one written form (ipv6-key.ts), since the console keeps whichever form it was sent.
 */
export const valueKey = (value: string) => {
  const folded = value.trim().toLowerCase();
  return canonicalFoldedIpv6(folded) ?? folded;
};

/**
 * A 32-bit FNV-1a hash of a value key. Look-ups keep hashes, not keys (value-buckets.ts): 100-character
 * URLs made a look-up structure of keys larger than the IOCs, and a hash shared by two values only
 * costs reading one more chunk, since look-ups compare the values.
 */
export function keyHash(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** keyHash of a value's key in base 36: what value-buckets.ts lists, and the retired byValue index held. */
export const valueHash = (value: string): string => keyHash(valueKey(value)).toString(36);

/** A chunk holding `iocs`. Its look-up entries are the repo's to write (value-buckets.ts). */
export function toChunk(generation: number, id: string, iocs: readonly Ioc[]): CachedChunk {
  return { generation, id, iocs: [...iocs] };
}

/** Splits IOCs into consecutive groups of at most `size`. */
export function splitIocs(iocs: readonly Ioc[], size = CHUNK_SIZE): Ioc[][] {
  const groups: Ioc[][] = [];
  for (let i = 0; i < iocs.length; i += size) groups.push(iocs.slice(i, i + size));
  return groups;
}

/**
 * The chunk with its IOCs replaced by the same uuid's entry in `replace` and those in `drop` left
 * out; null when nothing is left. `changed` counts the IOCs replaced or dropped.
 */
export function rewriteChunk(
  chunk: CachedChunk,
  replace: Pick<ReadonlyMap<string, Ioc>, 'get'>,
  drop: ReadonlySet<string> = new Set(),
): { chunk: CachedChunk | null; changed: number } {
  let changed = 0;
  const kept: Ioc[] = [];
  for (const ioc of chunk.iocs) {
    if (drop.has(ioc.uuid)) {
      changed++;
      continue;
    }
    const next = replace.get(ioc.uuid);
    if (next) changed++;
    kept.push(next ?? ioc);
  }
  return { chunk: kept.length === 0 ? null : toChunk(chunk.generation, chunk.id, kept), changed };
}

/**
 * Whether two IOCs hold the same fields and values (plain JSON, as the console sends them, in any key
 * order). An incremental sync fetches again what changed in the minutes before its watermark (the
 * overlap); those IOCs, stored already, are then not written again.
 */
export function sameIoc(a: Ioc, b: Ioc): boolean {
  return sameJson(a, b);
}
