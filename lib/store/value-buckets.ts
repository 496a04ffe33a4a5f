/**
 * The cache's look-up by value (db.ts): which chunks hold a value, kept as a few hundred bucket
 * records per generation instead of an index entry per IOC. Pure functions, so that the repo only
 * moves buckets in and out of IndexedDB.
 *
 * A value's key (ioc-chunks.ts valueKey) is hashed to 32 bits; the hash picks a bucket, and the bucket
 * lists `hash → chunk id` entries as one string (`;hash=id;hash=id…`). A multiEntry index wrote one
 * index record per IOC, 100,000 for a full sync of 100,000 IOCs beside 1,000 chunks; BUCKETS records
 * written once, when the sync's generation is complete, cost a few. One string instead of an array of
 * pairs because a string is copied in and out of IndexedDB as one block, and a look-up finds its
 * entries by searching it, without parsing the rest.
 */
import type { Ioc } from '../s1/schemas';
import { keyHash, valueKey } from './ioc-chunks';

/**
 * Buckets per generation. Few enough that writing them all when a full sync ends costs little (each
 * record costs ~0.25 ms to write); many enough that a look-up reads a small record: at 1,000,000 IOCs
 * a bucket holds about 4,000 entries (~80 KB).
 */
export const BUCKETS = 256;

export interface CachedBucket {
  generation: number;
  bucket: number;
  /** `;hash=chunkId` per chunk holding a value of that hash (valueHash), in no particular order. */
  entries: string;
}

/** Where a value's chunks are listed: its hash (base 36) and its bucket. */
export interface ValueSlot {
  hash: string;
  bucket: number;
}

/** The slot of a value key (already folded: valueKey). */
export function slotOfKey(key: string): ValueSlot {
  const hash = keyHash(key);
  return { hash: hash.toString(36), bucket: hash % BUCKETS };
}

export const slotOf = (value: string): ValueSlot => slotOfKey(valueKey(value));

/** The ids of the chunks `entries` lists for `hash` (a hash shared by two values lists both's chunks). */
export function chunkIdsIn(entries: string, hash: string): string[] {
  const ids: string[] = [];
  const needle = `;${hash}=`;
  for (let at = entries.indexOf(needle); at !== -1; at = entries.indexOf(needle, at + 1)) {
    const start = at + needle.length;
    const end = entries.indexOf(';', start);
    ids.push(entries.slice(start, end === -1 ? undefined : end));
  }
  return ids;
}

/** The distinct slots of a chunk's IOCs. */
export function slotsOfIocs(iocs: readonly Ioc[]): ValueSlot[] {
  const slots = new Map<string, ValueSlot>();
  for (const ioc of iocs) {
    const slot = slotOf(ioc.value);
    slots.set(slot.hash, slot);
  }
  return [...slots.values()];
}

/** `entries` with `add` listed and `remove` no longer, both as `hash=chunkId`. */
export function editEntries(entries: string, add: Iterable<string>, remove: ReadonlySet<string>): string {
  const kept = entries.split(';').filter((entry) => entry !== '' && !remove.has(entry));
  const present = new Set(kept);
  for (const entry of add) {
    if (present.has(entry)) continue;
    present.add(entry);
    kept.push(entry);
  }
  return kept.length === 0 ? '' : `;${kept.join(';')}`;
}

/**
 * The buckets of a generation being written, kept in memory while a full sync appends its chunks,
 * and written once when it is complete (ioc-repo.ts seal).
 */
export class BucketBuilder {
  /**
   * Each chunk's id and the distinct hashes of its values, as numbers: 4 bytes a value while a
   * 1,000,000-IOC sync runs, where an entry string each took ~50 MB of the worker's heap.
   */
  private readonly listed: Array<{ id: string; hashes: Uint32Array }> = [];

  /** The chunks added, so that the repo can tell whether every stored chunk was. */
  get chunks(): number {
    return this.listed.length;
  }

  add(chunkId: string, iocs: readonly Ioc[]): void {
    const hashes = new Set(iocs.map((ioc) => keyHash(valueKey(ioc.value))));
    this.listed.push({ id: chunkId, hashes: Uint32Array.from(hashes) });
  }

  /** The bucket records, each built in turn, so that only one bucket's entry strings exist at once. */
  records(generation: number): CachedBucket[] {
    // A counting sort of the entries by bucket; an entry is `chunk index * 2^16 + hash index`.
    const counts = new Array<number>(BUCKETS + 1).fill(0);
    for (const { hashes } of this.listed)
      for (const hash of hashes) (counts[(hash % BUCKETS) + 1] as number)++;
    for (let b = 1; b <= BUCKETS; b++) (counts[b] as number) += counts[b - 1] as number;
    const starts = counts.slice();
    const order = new Float64Array(counts[BUCKETS] as number);
    for (const [c, { hashes }] of this.listed.entries())
      for (const [h, hash] of hashes.entries()) order[(starts[hash % BUCKETS] as number)++] = c * 65_536 + h;
    const out: CachedBucket[] = [];
    for (let bucket = 0; bucket < BUCKETS; bucket++) {
      const parts: string[] = [];
      for (let at = counts[bucket] as number; at < (counts[bucket + 1] as number); at++) {
        const entry = order[at] as number;
        const chunk = this.listed[Math.floor(entry / 65_536)] as { id: string; hashes: Uint32Array };
        parts.push(`;${(chunk.hashes[entry % 65_536] as number).toString(36)}=${chunk.id}`);
      }
      if (parts.length > 0) out.push({ generation, bucket, entries: parts.join('') });
    }
    return out;
  }
}

/**
 * The bucket entries a write adds and removes, gathered while its chunks change and applied once per
 * bucket at its end (a bucket holds the entries of many chunks); the repo reads and writes the records.
 */
export class BucketEdits {
  private readonly byBucket = new Map<number, { add: Set<string>; remove: Set<string> }>();

  /** The buckets with entries to add or remove. */
  get buckets(): number[] {
    return [...this.byBucket.keys()];
  }

  /**
   * Chunk `id` held `before` and holds `after` (nothing when deleted, or new). Only the hashes that
   * came or went are edited: the others are listed already, and an update that keeps its value (most
   * of an incremental sync) then rewrites no bucket.
   */
  change(id: string, before: readonly Ioc[], after: readonly Ioc[]): void {
    // A chunk whose IOCs were replaced in place (rewriteChunk keeps their order) by IOCs of the same
    // value lists the same hashes: nothing to hash. An incremental sync rewrote ~100 chunks of 100
    // IOCs for 100 changes, and hashed each chunk's 100 values twice to find no edit.
    if (before.length === after.length && before.every((ioc, i) => ioc.value === after[i]?.value)) return;
    const was = new Map(slotsOfIocs(before).map((slot) => [slot.hash, slot]));
    const is = new Map(slotsOfIocs(after).map((slot) => [slot.hash, slot]));
    for (const [hash, slot] of was) if (!is.has(hash)) this.edit(slot.bucket).remove.add(`${hash}=${id}`);
    for (const [hash, slot] of is) if (!was.has(hash)) this.edit(slot.bucket).add.add(`${hash}=${id}`);
  }

  /** The entries of `bucket` (stored as `entries`) once this write's edits are applied. */
  applied(bucket: number, entries: string): string {
    const edit = this.byBucket.get(bucket);
    return edit ? editEntries(entries, edit.add, edit.remove) : entries;
  }

  private edit(bucket: number) {
    const found = this.byBucket.get(bucket) ?? { add: new Set<string>(), remove: new Set<string>() };
    this.byBucket.set(bucket, found);
    return found;
  }
}
