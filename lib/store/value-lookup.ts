/**
 * A value look-up across a profile's caches in one read transaction: the IOCs holding the values and
 * the Blocklist items and firewall rules naming them. The popup asks every profile's database at each
 * paste; with ten profiles, one transaction per database instead of two is ten fewer round trips
 * handled on the popup's main thread (tests/bench/results.md, 11b).
 *
 * Once the page has told it to hold the profile's buckets (holdBuckets, in the page's idle time), the
 * chunks are found from memory and read beside the meta record and the blocks: one round trip per
 * database instead of three in turn (held-buckets.ts). Until then, or when the meta record says the
 * cache was written since, the buckets are read as before.
 */
import type { Ioc } from '../s1/schemas';
import { type BlocksFound, blocksByValuesIn } from './block-repo';
import { type CacheMeta, EMPTY_CACHE_META, type IocDatabase } from './db';
import { type HeldBuckets, heldChunkIds, holdBuckets, iocsOfKeys, keysOf, stillHeld } from './held-buckets';
import { type IocReadTx, iocsByValuesIn } from './ioc-repo';

export interface ValuesFound {
  iocs: Ioc[];
  /** null when the block caches could not be read: the answers stand without their block line. */
  blocks: BlocksFound | null;
}

const withDefaults = (stored: unknown): CacheMeta => ({
  ...EMPTY_CACHE_META,
  ...(stored as Partial<CacheMeta> | undefined),
});

/**
 * The visible generation's bucket records and the meta record they belong to, in one transaction; null
 * when the generation holds more than `limit` IOCs (its records are not read).
 */
async function readHeld(
  db: IocDatabase,
  limit: number,
): Promise<{ copy: HeldBuckets; count: number } | null> {
  const tx = db.transaction(['meta', 'buckets']);
  const meta = withDefaults(await tx.objectStore('meta').get('cache'));
  const { generation, count } = meta;
  if (count > limit) {
    tx.done.catch(() => undefined);
    return null;
  }
  const records = await tx.objectStore('buckets').getAll(IDBKeyRange.bound([generation], [generation, []]));
  tx.done.catch(() => undefined);
  return { copy: holdBuckets(meta, records), count };
}

export function createValueLookup(database: Promise<IocDatabase>) {
  let held: HeldBuckets | null = null;
  let loading: Promise<number> | null = null;
  /** The largest cache a page asked to hold (holdBuckets), or null when none did. */
  let limit: number | null = null;

  function load(): Promise<number> {
    loading ??= (async () => {
      try {
        const read = await readHeld(await database, limit ?? 0);
        held = read?.copy ?? null;
        return read?.count ?? 0;
      } catch {
        // Not held: look-ups read the buckets from the database, as without a copy.
        held = null;
        return 0;
      } finally {
        loading = null;
      }
    })();
    return loading;
  }

  /** The IOCs of `values` through the held buckets, or null when the cache changed since they were read. */
  async function iocsThroughHeld(tx: IocReadTx, copy: HeldBuckets, keys: string[]): Promise<Ioc[] | null> {
    const chunks = tx.objectStore('chunks');
    const [meta, read] = await Promise.all([
      tx.objectStore('meta').get('cache'),
      Promise.all(heldChunkIds(copy, keys).map((id) => chunks.get([copy.mark.generation, id]))),
    ]);
    return stillHeld(copy, withDefaults(meta)) ? iocsOfKeys(keys, read) : null;
  }

  async function iocsOf(tx: IocReadTx, values: readonly string[]): Promise<Ioc[]> {
    const copy = held;
    const keys = keysOf(values);
    if (!copy || keys.length === 0) return iocsByValuesIn(tx, values);
    const found = await iocsThroughHeld(tx, copy, keys);
    if (found) return found;
    // Written since: this look-up reads the buckets in its own transaction, the next uses a new copy.
    if (held === copy) held = null;
    const fresh = await iocsByValuesIn(tx, values);
    if (limit !== null) void load();
    return fresh;
  }

  /** Look-ups under way: a page holds its buckets between them (busy). */
  let asking = 0;
  const lookup = async (values: readonly string[]): Promise<ValuesFound> => {
    if (values.length === 0) return { iocs: [], blocks: { blocklist: [], firewall: [] } };
    asking++;
    try {
      return await ask(values);
    } finally {
      asking--;
    }
  };
  const ask = async (values: readonly string[]): Promise<ValuesFound> => {
    const tx = (await database).transaction(['chunks', 'buckets', 'meta', 'blocklist', 'firewallRules']);
    const [iocs, blocks] = await Promise.all([
      iocsOf(tx, values),
      blocksByValuesIn(tx, values).catch(() => null),
    ]);
    // A read's results are final once its requests succeed (ioc-repo.ts byValues).
    tx.done.catch(() => undefined);
    return { iocs, blocks };
  };
  return Object.assign(lookup, {
    /** Whether a look-up is under way. */
    busy: () => asking > 0,
    /**
     * Reads the profile's buckets into memory for the look-ups that follow, and keeps them current,
     * unless its cache holds more than `maxIocs` IOCs (the copy takes ~20 bytes an IOC: ~2 MB at
     * 100,000). Resolves to the IOCs held, once read; 0 when not held (the look-ups then read the
     * buckets as before).
     */
    holdBuckets(maxIocs = Number.POSITIVE_INFINITY): Promise<number> {
      limit = maxIocs;
      return load();
    },
  });
}

export type ValueLookup = ReturnType<typeof createValueLookup>;
