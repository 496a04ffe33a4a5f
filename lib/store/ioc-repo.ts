/**
 * Typed access to the cached IOCs and the cache's meta record. Reads default to the generation the
 * UI sees; sync code names the generation it writes. Each call is one IndexedDB transaction, so a
 * caller that writes a page at a time gets one transaction per page.
 */
import type { Ioc } from '../s1/schemas';
import { type CachedIoc, type CacheMeta, EMPTY_CACHE_META, type IocDatabase } from './db';

/** The key every look-up uses: case-insensitive, since hashes and host names are. */
export const valueKey = (value: string) => value.trim().toLowerCase();

/** Records per read when reading a whole generation. */
const READ_SLICE = 50_000;

const generationRange = (generation: number) => IDBKeyRange.bound([generation], [generation, []]);

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

  async function put(generation: number, iocs: readonly Ioc[]): Promise<void> {
    const tx = (await database).transaction('iocs', 'readwrite');
    for (const ioc of iocs) {
      const record: CachedIoc = { generation, uuid: ioc.uuid, valueKey: valueKey(ioc.value), ioc };
      void tx.store.put(record);
    }
    await tx.done;
  }

  async function remove(generation: number, uuids: readonly string[]): Promise<void> {
    const tx = (await database).transaction('iocs', 'readwrite');
    for (const uuid of uuids) void tx.store.delete([generation, uuid]);
    await tx.done;
  }

  const current = async () => (await meta()).generation;

  return {
    meta,
    updateMeta,
    put,
    remove,
    /** Every IOC of a generation (the visible one by default). */
    async all(generation?: number, slice = READ_SLICE): Promise<Ioc[]> {
      const db = await database;
      const visible = generation ?? (await current());
      const out: Ioc[] = [];
      // In slices: one getAll of 1,000,000 records would be one message of about a gigabyte.
      let range = generationRange(visible);
      for (;;) {
        const records = await db.getAll('iocs', range, slice);
        for (const record of records) out.push(record.ioc);
        const last = records.at(-1);
        if (records.length < slice || !last) return out;
        range = IDBKeyRange.bound([visible, last.uuid], [visible, []], true);
      }
    },
    /** The first `limit` IOCs of the visible generation, in the order all() returns them. */
    async first(limit: number): Promise<Ioc[]> {
      // IndexedDB reads a count of 0 as "no limit".
      if (limit <= 0) return [];
      const records = await (await database).getAll('iocs', generationRange(await current()), limit);
      return records.map((record) => record.ioc);
    },
    async count(generation?: number): Promise<number> {
      return (await database).count('iocs', generationRange(generation ?? (await current())));
    },
    async uuids(generation?: number): Promise<string[]> {
      const keys = await (await database).getAllKeys(
        'iocs',
        generationRange(generation ?? (await current())),
      );
      return keys.map(([, uuid]) => uuid);
    },
    /** The visible IOCs whose value equals `value`, ignoring case (several types or sources may share one). */
    async byValue(value: string): Promise<Ioc[]> {
      const records = await (await database).getAllFromIndex('iocs', 'byValue', [
        await current(),
        valueKey(value),
      ]);
      return records.map((record) => record.ioc);
    },
    /** byValue for many values in one read transaction: the review of a long paste asks for thousands. */
    async byValues(values: readonly string[]): Promise<Ioc[]> {
      const generation = await current();
      const tx = (await database).transaction('iocs');
      const index = tx.store.index('byValue');
      const keys = [...new Set(values.map(valueKey))];
      const found = await Promise.all(keys.map((key) => index.getAll([generation, key])));
      await tx.done;
      return found.flat().map((record) => record.ioc);
    },
    async byUuid(uuid: string): Promise<Ioc | undefined> {
      return (await (await database).get('iocs', [await current(), uuid]))?.ioc;
    },
    /** Deletes every record of every generation but `keep`. */
    async dropOtherGenerations(keep: number): Promise<void> {
      const tx = (await database).transaction('iocs', 'readwrite');
      void tx.store.delete(IDBKeyRange.upperBound([keep], true));
      void tx.store.delete(IDBKeyRange.lowerBound([keep, []], true));
      await tx.done;
    },
  };
}

export type IocRepo = ReturnType<typeof createIocRepo>;
