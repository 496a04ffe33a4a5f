/**
 * Typed access to the cached IOCs and the cache's meta record. Reads default to the generation the
 * UI sees; sync code names the generation it writes. Each call is one IndexedDB transaction. The
 * IOCs live in chunks (db.ts); callers see IOCs only.
 */
import type { IDBPTransaction } from 'idb';
import type { Ioc, IocRef } from '../s1/schemas';
import { type CacheMeta, EMPTY_CACHE_META, type IocDatabase, type IocDb } from './db';
import { CHUNK_SIZE, rewriteChunk, splitIocs, toChunk, valueHash, valueKey } from './ioc-chunks';

export { valueKey };

/** Chunks per read when reading a whole generation (about 50,000 IOCs). */
const READ_SLICE = 500;

const generationRange = (generation: number) => IDBKeyRange.bound([generation], [generation, []]);
let chunksMade = 0;
/** Short, since every index entry repeats its chunk's key; unique across worker restarts. */
const newChunkId = () =>
  `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}${(chunksMade++).toString(36)}`;

type WriteTx = IDBPTransaction<IocDb, Array<'chunks' | 'meta'>, 'readwrite'>;

export function createIocRepo(database: Promise<IocDatabase>) {
  async function meta(): Promise<CacheMeta> {
    return { ...EMPTY_CACHE_META, ...(await (await database).get('meta', 'cache')) };
  }

  /** Changes the meta record in one transaction and returns the result. */
  async function updateMeta(change: (current: CacheMeta) => Partial<CacheMeta>): Promise<CacheMeta> {
    const tx = (await database).transaction('meta', 'readwrite');
    const current = { ...EMPTY_CACHE_META, ...(await tx.store.get('cache')) };
    const next = { ...current, ...change(current) };
    await Promise.all([tx.store.put(next, 'cache'), tx.done]);
    return next;
  }

  /** Keeps `meta.count` right when a write added or removed IOCs of the visible generation. */
  async function adjustCount(tx: WriteTx, generation: number, delta: number): Promise<void> {
    const store = tx.objectStore('meta');
    const current = { ...EMPTY_CACHE_META, ...(await store.get('cache')) };
    if (delta !== 0 && current.generation === generation)
      await store.put({ ...current, count: current.count + delta }, 'cache');
  }

  /**
   * Rewrites every chunk holding one of `targets`: `replace` gives new versions, `drop` the uuids to
   * leave out. A target is looked for among the chunks holding its value (the byValue index), since
   * a uuid keeps its value for life. Answers the targets that no chunk held.
   */
  async function rewrite(
    tx: WriteTx,
    generation: number,
    targets: readonly IocRef[],
    replace: ReadonlyMap<string, Ioc>,
    drop: ReadonlySet<string>,
  ): Promise<{ missing: IocRef[]; changed: number }> {
    const chunks = tx.objectStore('chunks');
    const hashes = [...new Set(targets.map((target) => valueHash(target.value)))];
    const homes = await Promise.all(
      hashes.map((hash) => chunks.index('byValue').getAllKeys([generation, hash])),
    );
    const ids = [...new Set(homes.flat().map((key) => key[1]))];
    const wanted = new Set(targets.map((target) => target.uuid));
    const found = new Set<string>();
    const changed = await Promise.all(
      ids.map(async (id) => {
        const stored = await chunks.get([generation, id]);
        if (!stored?.iocs.some((ioc) => wanted.has(ioc.uuid))) return 0;
        for (const ioc of stored.iocs) if (wanted.has(ioc.uuid)) found.add(ioc.uuid);
        const next = rewriteChunk(stored, replace, drop);
        await (next.chunk ? chunks.put(next.chunk) : chunks.delete([generation, id]));
        return next.changed;
      }),
    );
    const missing = targets.filter((target) => !found.has(target.uuid));
    return { missing, changed: changed.reduce((a, b) => a + b, 0) };
  }

  /**
   * Adds or replaces IOCs (by uuid) in a generation; answers how many were new. Each IOC costs an
   * index look-up, so a full sync writing a fresh generation uses `append` instead.
   */
  async function put(generation: number, iocs: readonly Ioc[]): Promise<number> {
    const changes = new Map(iocs.map((ioc) => [ioc.uuid, ioc]));
    const tx = (await database).transaction(['chunks', 'meta'], 'readwrite');
    const { missing } = await rewrite(tx, generation, [...changes.values()], changes, new Set());
    const fresh = missing.map((ref) => changes.get(ref.uuid) as Ioc);
    await Promise.all(
      splitIocs(fresh).map((group) => tx.objectStore('chunks').put(toChunk(generation, newChunkId(), group))),
    );
    await adjustCount(tx, generation, fresh.length);
    await tx.done;
    return fresh.length;
  }

  /** Writes IOCs the generation does not hold yet (the caller makes sure), without look-ups. */
  async function append(generation: number, iocs: readonly Ioc[]): Promise<void> {
    if (iocs.length === 0) return;
    const tx = (await database).transaction('chunks', 'readwrite');
    for (const group of splitIocs(iocs)) void tx.store.put(toChunk(generation, newChunkId(), group));
    await tx.done;
  }

  /** Removes IOCs from a generation; answers how many it held. */
  async function remove(generation: number, targets: readonly IocRef[]): Promise<number> {
    if (targets.length === 0) return 0;
    const tx = (await database).transaction(['chunks', 'meta'], 'readwrite');
    const drop = new Set(targets.map((target) => target.uuid));
    const { changed } = await rewrite(tx, generation, targets, new Map(), drop);
    await adjustCount(tx, generation, -changed);
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

  return {
    meta,
    updateMeta,
    put,
    append,
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
    async byValue(value: string): Promise<Ioc[]> {
      const key = valueKey(value);
      const chunks = await (await database).getAllFromIndex('chunks', 'byValue', [
        await current(),
        valueHash(value),
      ]);
      return chunks.flatMap((chunk) => chunk.iocs.filter((ioc) => valueKey(ioc.value) === key));
    },
    /** byValue for many values in one read transaction: the review of a long paste asks for thousands. */
    async byValues(values: readonly string[]): Promise<Ioc[]> {
      const keys = [...new Set(values.map(valueKey))];
      if (keys.length === 0) return [];
      // The generation is read in the same transaction: one transaction less on the popup's path.
      const tx = (await database).transaction(['chunks', 'meta']);
      const { generation } = { ...EMPTY_CACHE_META, ...(await tx.objectStore('meta').get('cache')) };
      const index = tx.objectStore('chunks').index('byValue');
      const found = await Promise.all(
        keys.map(async (key) =>
          (await index.getAll([generation, valueHash(key)])).flatMap((chunk) =>
            chunk.iocs.filter((ioc) => valueKey(ioc.value) === key),
          ),
        ),
      );
      // Not `await tx.done`: a read's results are final once its requests succeed, and waiting for
      // the commit cost the popup up to 16 ms. A failure has already surfaced through the requests.
      tx.done.catch(() => undefined);
      return found.flat();
    },
    /** Deletes every chunk of every generation but `keep`. */
    async dropOtherGenerations(keep: number): Promise<void> {
      const tx = (await database).transaction('chunks', 'readwrite');
      void tx.store.delete(IDBKeyRange.upperBound([keep], true));
      void tx.store.delete(IDBKeyRange.lowerBound([keep, []], true));
      await tx.done;
    },
  };
}

export type IocRepo = ReturnType<typeof createIocRepo>;
