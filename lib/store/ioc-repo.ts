/**
 * Typed access to the cached IOCs and the cache's meta record. Reads default to the generation the
 * UI sees; sync code names the generation it writes. Each call is one IndexedDB transaction. The
 * IOCs live in chunks (db.ts), found by value through bucket records (value-buckets.ts); callers see
 * IOCs only.
 */
import type { IDBPObjectStore, IDBPTransaction, StoreNames } from 'idb';
import type { Ioc, IocRef } from '../s1/schemas';
import { type CacheChange, type CacheMark, changesFrom, KEPT_CHANGES } from './cache-changes';
import { type CacheMeta, EMPTY_CACHE_META, type IocDatabase, type IocDb } from './db';
import { CHUNK_SIZE, rewriteChunk, sameIoc, splitIocs, toChunk, valueKey } from './ioc-chunks';
import {
  BucketBuilder,
  BucketEdits,
  type CachedBucket,
  chunkIdsIn,
  slotOf,
  slotOfKey,
  type ValueSlot,
} from './value-buckets';

export { valueKey };

/**
 * Chunks per read when reading a whole generation (about 2,000 IOCs, CHUNK_SIZE each). Small, because
 * IndexedDB serves an origin's requests in turn: while the manager read 50,000 IOCs per request, the
 * service worker's writes waited behind each one (an incremental sync measured 2.1 s beside a manager
 * reading the cache, 0.8–1.1 s with reads of 2,000). 100,000 IOCs take 50 reads instead of 2.
 */
const READ_SLICE = Math.max(1, Math.round(2_000 / CHUNK_SIZE));

const generationRange = (generation: number) => IDBKeyRange.bound([generation], [generation, []]);
let chunksMade = 0;
/** Short, since every index entry repeats its chunk's key; unique across worker restarts. */
const newChunkId = () =>
  `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}${(chunksMade++).toString(36)}`;

type WriteStore = 'chunks' | 'buckets' | 'meta' | 'changes';
type WriteTx = IDBPTransaction<IocDb, WriteStore[], 'readwrite'>;
const WRITE_STORES: WriteStore[] = ['chunks', 'buckets', 'meta', 'changes'];
/**
 * Writes are committed once the operating system has them, without waiting for the disk (the
 * durability the IndexedDB spec advises for caches): the cache is a copy of the console that the
 * next sync rewrites, and a write lost to a power cut takes every later one with it (the log is
 * replayed in order), so what survives is an earlier, consistent cache.
 */
const RELAXED = { durability: 'relaxed' } as const;

/** Writes the buckets a write's chunk changes edited, each read and written once. */
async function writeEdits(
  buckets: IDBPObjectStore<IocDb, WriteStore[], 'buckets', 'readwrite'>,
  generation: number,
  edits: BucketEdits,
): Promise<void> {
  await Promise.all(
    edits.buckets.map(async (bucket) => {
      const stored = (await buckets.get([generation, bucket]))?.entries ?? '';
      const entries = edits.applied(bucket, stored);
      if (entries !== stored) await buckets.put({ generation, bucket, entries });
    }),
  );
}

/** A read transaction over (at least) the chunks and meta stores. */
export type IocReadTx = IDBPTransaction<IocDb, ArrayLike<StoreNames<IocDb>>, 'readonly'>;

/** The ids of the chunks of `generation` that may hold a value of each slot (one read per bucket). */
async function chunkIdsOf(
  buckets: { get(key: [number, number]): Promise<CachedBucket | undefined> },
  generation: number,
  slots: readonly ValueSlot[],
): Promise<string[]> {
  const wanted = new Map<number, ValueSlot[]>();
  for (const slot of slots) wanted.set(slot.bucket, [...(wanted.get(slot.bucket) ?? []), slot]);
  const ids = await Promise.all(
    [...wanted].map(async ([bucket, inBucket]) => {
      const entries = (await buckets.get([generation, bucket]))?.entries ?? '';
      return inBucket.flatMap((slot) => chunkIdsIn(entries, slot.hash));
    }),
  );
  return [...new Set(ids.flat())];
}

/**
 * The cached IOCs holding one of `values` (ignoring case), read in `tx`: byValues, or a look-up that
 * reads the block caches in the same transaction (value-lookup.ts). `tx` must cover the buckets store.
 */
export async function iocsByValuesIn(tx: IocReadTx, values: readonly string[]): Promise<Ioc[]> {
  const keys = new Set(values.map(valueKey));
  keys.delete('');
  if (keys.size === 0) return [];
  const { generation } = { ...EMPTY_CACHE_META, ...(await tx.objectStore('meta').get('cache')) };
  const ids = await chunkIdsOf(tx.objectStore('buckets'), generation, [...keys].map(slotOfKey));
  const chunks = tx.objectStore('chunks');
  const byKey = new Map<string, Ioc[]>([...keys].map((key) => [key, []]));
  await Promise.all(
    ids.map(async (id) => {
      for (const ioc of (await chunks.get([generation, id]))?.iocs ?? [])
        byKey.get(valueKey(ioc.value))?.push(ioc);
    }),
  );
  // In the order of the values asked, as callers show them.
  return [...byKey.values()].flat();
}

export function createIocRepo(database: Promise<IocDatabase>) {
  async function meta(): Promise<CacheMeta> {
    return { ...EMPTY_CACHE_META, ...(await (await database).get('meta', 'cache')) };
  }

  /** Changes the meta record in one transaction and returns the result. */
  async function updateMeta(change: (current: CacheMeta) => Partial<CacheMeta>): Promise<CacheMeta> {
    const tx = (await database).transaction('meta', 'readwrite', RELAXED);
    const current = { ...EMPTY_CACHE_META, ...(await tx.store.get('cache')) };
    const next = { ...current, ...change(current) };
    await Promise.all([tx.store.put(next, 'cache'), tx.done]);
    return next;
  }

  /**
   * Keeps meta right after a write to `generation`: the count of the visible generation, and the
   * record of what the write changed there, for pages that hold every IOC (cache-changes.ts).
   */
  async function recordWrite(
    tx: WriteTx,
    generation: number,
    write: { added: number; upserts: Ioc[]; removed: string[] },
  ): Promise<void> {
    const store = tx.objectStore('meta');
    const current = { ...EMPTY_CACHE_META, ...(await store.get('cache')) };
    if (current.generation !== generation) return;
    if (write.upserts.length === 0 && write.removed.length === 0) return;
    const revision = current.revision + 1;
    const changes = tx.objectStore('changes');
    void changes.put({ generation, revision, upserts: write.upserts, removed: write.removed });
    // Older changes, and those of earlier generations (their keys sort first), are not needed.
    void changes.delete(IDBKeyRange.upperBound([generation, revision - KEPT_CHANGES]));
    await store.put({ ...current, count: current.count + write.added, revision }, 'cache');
  }

  /**
   * Rewrites every chunk holding one of `targets`: `replace` gives new versions, `drop` the uuids to
   * leave out. A target is looked for among the chunks listed for its value (the buckets), since a
   * uuid keeps its value for life. A replacement equal to the stored IOC is no change (`same`), and a
   * chunk with no change is not written. The buckets' edits are gathered as the chunks change. Answers
   * the targets that no chunk held.
   */
  async function rewrite(
    tx: WriteTx,
    generation: number,
    targets: readonly IocRef[],
    replace: ReadonlyMap<string, Ioc>,
    drop: ReadonlySet<string>,
  ): Promise<{ missing: IocRef[]; same: Set<string>; changed: number; edits: BucketEdits }> {
    const chunks = tx.objectStore('chunks');
    const edits = new BucketEdits();
    const ids = await chunkIdsOf(
      tx.objectStore('buckets'),
      generation,
      targets.map((target) => slotOf(target.value)),
    );
    const wanted = new Set(targets.map((target) => target.uuid));
    const found = new Set<string>();
    const same = new Set<string>();
    const changedOnly = { get: (uuid: string) => (same.has(uuid) ? undefined : replace.get(uuid)) };
    const changed = await Promise.all(
      ids.map(async (id) => {
        const stored = await chunks.get([generation, id]);
        if (!stored?.iocs.some((ioc) => wanted.has(ioc.uuid))) return 0;
        for (const ioc of stored.iocs) {
          if (!wanted.has(ioc.uuid)) continue;
          found.add(ioc.uuid);
          const next = replace.get(ioc.uuid);
          if (next && sameIoc(ioc, next)) same.add(ioc.uuid);
        }
        const next = rewriteChunk(stored, changedOnly, drop);
        if (next.changed === 0) return 0;
        edits.change(id, stored.iocs, next.chunk?.iocs ?? []);
        await (next.chunk ? chunks.put(next.chunk) : chunks.delete([generation, id]));
        return next.changed;
      }),
    );
    const missing = targets.filter((target) => !found.has(target.uuid));
    return { missing, same, changed: changed.reduce((a, b) => a + b, 0), edits };
  }

  /**
   * Adds or replaces IOCs (by uuid) in a generation; answers how many were new. Each IOC costs a
   * look-up, so a full sync writing a fresh generation uses `append` instead.
   */
  async function put(generation: number, iocs: readonly Ioc[]): Promise<number> {
    const changes = new Map(iocs.map((ioc) => [ioc.uuid, ioc]));
    const tx = (await database).transaction(WRITE_STORES, 'readwrite', RELAXED);
    const { missing, same, edits } = await rewrite(tx, generation, [...changes.values()], changes, new Set());
    const fresh = missing.map((ref) => changes.get(ref.uuid) as Ioc);
    for (const group of splitIocs(fresh)) {
      const chunk = toChunk(generation, newChunkId(), group);
      edits.change(chunk.id, [], chunk.iocs);
      void tx.objectStore('chunks').put(chunk);
    }
    await writeEdits(tx.objectStore('buckets'), generation, edits);
    // What the cache held already is no change for the pages that follow it.
    const upserts = [...changes.values()].filter((ioc) => !same.has(ioc.uuid));
    await recordWrite(tx, generation, { added: fresh.length, upserts, removed: [] });
    await tx.done;
    return fresh.length;
  }

  /**
   * The look-up of each generation a full sync is appending to, listed as its chunks are written and
   * stored by `seal` (one bucket record per write would rewrite every bucket at each page).
   */
  const building = new Map<number, BucketBuilder>();

  /**
   * Writes IOCs the generation does not hold yet (the caller makes sure), without look-ups, and
   * without a record of the change: for a generation not yet visible (a full sync's), which `seal`
   * makes searchable before it is shown.
   */
  async function append(generation: number, iocs: readonly Ioc[]): Promise<void> {
    if (iocs.length === 0) return;
    const tx = (await database).transaction('chunks', 'readwrite', RELAXED);
    const written = splitIocs(iocs).map((group) => toChunk(generation, newChunkId(), group));
    for (const chunk of written) void tx.store.put(chunk);
    await tx.done;
    // Listed once stored only: seal compares the chunks listed with the chunks stored.
    const builder = building.get(generation) ?? new BucketBuilder();
    building.set(generation, builder);
    for (const chunk of written) builder.add(chunk.id, chunk.iocs);
  }

  /**
   * Writes the look-up of a generation `append` wrote, before it is made visible. When this worker did
   * not see every append (it was restarted meanwhile), the look-up is built from the stored chunks.
   */
  async function seal(generation: number): Promise<void> {
    const tx = (await database).transaction(['chunks', 'buckets'], 'readwrite', RELAXED);
    const range = generationRange(generation);
    let builder = building.get(generation);
    building.delete(generation);
    if (!builder || builder.chunks !== (await tx.objectStore('chunks').count(range))) {
      builder = new BucketBuilder();
      for (
        let cursor = await tx.objectStore('chunks').openCursor(range);
        cursor;
        cursor = await cursor.continue()
      )
        builder.add(cursor.value.id, cursor.value.iocs);
    }
    const buckets = tx.objectStore('buckets');
    void buckets.delete(range);
    for (const record of builder.records(generation)) void buckets.put(record);
    await tx.done;
  }

  /** Removes IOCs from a generation; answers how many it held. */
  async function remove(generation: number, targets: readonly IocRef[]): Promise<number> {
    if (targets.length === 0) return 0;
    const tx = (await database).transaction(WRITE_STORES, 'readwrite', RELAXED);
    const drop = new Set(targets.map((target) => target.uuid));
    const { missing, changed, edits } = await rewrite(tx, generation, targets, new Map(), drop);
    await writeEdits(tx.objectStore('buckets'), generation, edits);
    const gone = new Set(missing.map((ref) => ref.uuid));
    const removed = [...drop].filter((uuid) => !gone.has(uuid));
    await recordWrite(tx, generation, { added: -changed, upserts: [], removed });
    await tx.done;
    return changed;
  }

  const current = async () => (await meta()).generation;

  /**
   * The IOCs of `generation` in chunk-key order, `slice` chunks per read (one getAll of a
   * 1,000,000-IOC cache would be one message of about a gigabyte), stopping at `limit` IOCs.
   */
  async function readGeneration(
    generation: number,
    limit = Number.POSITIVE_INFINITY,
    slice = READ_SLICE,
  ): Promise<Ioc[]> {
    const db = await database;
    const out: Ioc[] = [];
    let range = generationRange(generation);
    for (;;) {
      const chunks = await db.getAll('chunks', range, slice);
      for (const chunk of chunks) for (const ioc of chunk.iocs) if (out.length < limit) out.push(ioc);
      const last = chunks.at(-1);
      if (chunks.length < slice || !last || out.length >= limit) return out;
      range = IDBKeyRange.bound([generation, last.id], [generation, []], true);
    }
  }

  /** Every IOC of a generation (the visible one by default). */
  async function all(generation?: number, slice = READ_SLICE): Promise<Ioc[]> {
    return readGeneration(generation ?? (await current()), Number.POSITIVE_INFINITY, slice);
  }

  /** byValue for many values in one read transaction: the review of a long paste asks for thousands. */
  async function byValues(values: readonly string[]): Promise<Ioc[]> {
    if (values.every((value) => value.trim() === '')) return [];
    // The generation is read in the same transaction: one transaction less on the popup's path.
    const tx = (await database).transaction(['chunks', 'buckets', 'meta']);
    const found = await iocsByValuesIn(tx, values);
    // Not `await tx.done`: a read's results are final once its requests succeed, and waiting for
    // the commit cost the popup up to 16 ms. A failure has already surfaced through the requests.
    tx.done.catch(() => undefined);
    return found;
  }

  return {
    meta,
    updateMeta,
    /** Where the visible cache stands, taken by a page before it reads every IOC (cache-changes.ts). */
    async mark(): Promise<CacheMark> {
      const { generation, revision } = await meta();
      return { generation, revision };
    },
    /** The writes since `mark`, in order; null when the page must read the cache again. */
    async changesSince(mark: CacheMark): Promise<CacheChange[] | null> {
      const tx = (await database).transaction(['meta', 'changes']);
      const latest = { ...EMPTY_CACHE_META, ...(await tx.objectStore('meta').get('cache')) };
      const behind = latest.generation === mark.generation && latest.revision > mark.revision;
      const kept = behind
        ? await tx
            .objectStore('changes')
            .getAll(
              IDBKeyRange.bound([mark.generation, mark.revision], [mark.generation, latest.revision], true),
            )
        : [];
      return changesFrom(mark, latest, kept);
    },
    put,
    append,
    seal,
    remove,
    all,
    /** The first `limit` IOCs of the visible generation, in the order all() returns them. */
    async first(limit: number): Promise<Ioc[]> {
      // Read about as many chunks as hold `limit` IOCs, not a whole slice of 50,000.
      return limit <= 0 ? [] : readGeneration(await current(), limit, Math.ceil(limit / CHUNK_SIZE));
    },
    /** The visible generation's count is kept in meta; another generation's is counted (slow). */
    async count(generation?: number): Promise<number> {
      const { generation: visible, count } = await meta();
      if (generation === undefined || generation === visible) return count;
      return (await all(generation)).length;
    },
    async uuids(generation?: number): Promise<string[]> {
      return (await all(generation)).map((ioc) => ioc.uuid);
    },
    /** The visible IOCs whose value equals `value`, ignoring case (several types or sources may share one). */
    byValue: (value: string): Promise<Ioc[]> => byValues([value]),
    byValues,
    /** Deletes every chunk and bucket of every generation but `keep`. */
    async dropOtherGenerations(keep: number): Promise<void> {
      for (const generation of building.keys()) if (generation !== keep) building.delete(generation);
      const tx = (await database).transaction(['chunks', 'buckets'], 'readwrite', RELAXED);
      for (const store of ['chunks', 'buckets'] as const) {
        void tx.objectStore(store).delete(IDBKeyRange.upperBound([keep], true));
        void tx.objectStore(store).delete(IDBKeyRange.lowerBound([keep, []], true));
      }
      await tx.done;
    },
  };
}

export type IocRepo = ReturnType<typeof createIocRepo>;
