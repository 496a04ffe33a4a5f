/**
 * The IndexedDB behind the local cache. One database per browser profile; schema changes are version
 * steps (`if (from < N)`), never edits of a released step.
 *
 * IOCs are stored in chunks of up to CHUNK_SIZE, not one record each: in Chromium every record costs
 * about as much to write as 50 KB of data, so 100,000 single-IOC records took ~30 s to write and
 * 500 chunks of 200 take well under a second (ioc-chunks.ts says why 200). Bucket records (value-buckets.ts) list the chunks holding each value's
 * hash; an IOC is found by its value, then its uuid.
 *
 * Chunks carry a `generation` in their key. A full sync writes a new generation beside the one
 * the UI reads and switches `meta.cache.generation` only when it completed, in one transaction: a
 * failed or interrupted sync therefore never replaces a complete cache with a partial one. Old
 * generations are deleted by key range afterwards.
 *
 * The blocks (Blocklist items and firewall rules) are stored one record per item, without chunks or
 * generations: an account's Blocklist holds hundreds or a few thousand hashes (an analyst adds them one by
 * one, three per hash at most), and the extension's own firewall rules are fewer still, so the per-record
 * cost that made chunks worth it for 100,000 IOCs is a few milliseconds here. A full sync replaces a whole
 * store in one transaction instead, which gives the same "never half a list" guarantee as a generation.
 */
import { type DBSchema, type IDBPDatabase, type IDBPTransaction, openDB } from 'idb';
import type { BlocklistItem, FirewallRule } from '../s1/block-schemas';
import type { Ioc } from '../s1/schemas';
import type { CacheChange } from './cache-changes';
import { BucketBuilder, type CachedBucket } from './value-buckets';

export interface CachedChunk {
  generation: number;
  /** Unique within the generation; says nothing about the IOCs inside. */
  id: string;
  iocs: Ioc[];
  /**
   * Chunks written before version 6 still hold the keys of the retired byValue index until rewritten;
   * nothing reads them.
   */
  valueKeys?: unknown;
}

export interface CacheMeta {
  /** `origin|accountId` of the console whose IOCs the cache holds. */
  accountKey: string | null;
  /** The generation the UI reads. */
  generation: number;
  /** When the current generation was last complete (a full sync, or an incremental one on top). */
  completeAt: string | null;
  /** The newest `updatedAt` the cache is known to hold everything up to (incremental sync start). */
  watermark: string | null;
  /** When the last full sync (a reconcile) completed. */
  lastFullSyncAt: string | null;
  /** IOCs in the visible generation, kept by every write so that nothing has to count them. */
  count: number;
  /** The latest write to the visible generation recorded in `changes` (cache-changes.ts). */
  revision: number;
}

/** A Blocklist item as cached: the item as the console returned it plus its look-up keys. */
export type CachedBlocklistItem = BlocklistItem & {
  /** The lower-cased `value` (SHA1) and `sha256Value`, for the byHash index (case-folded look-ups). */
  hashKeys: string[];
};

/** One of the extension's own firewall rules as cached, plus its look-up keys. */
export type CachedFirewallRule = FirewallRule & {
  /** Every lower-cased `remoteHosts[].values` entry, for the byHost index. */
  hostKeys: string[];
};

/** Whether the console lets this token read a feature, as the last sync found it; null = not asked yet. */
export interface FeatureAccess {
  readable: boolean | null;
  /** Why not, in a sentence for the analyst (the console's 403 message); null when readable. */
  reason: string | null;
}

/** The blocks' counterpart of CacheMeta, stored under the key 'blocks'. */
export interface BlocksMeta {
  /** `origin|accountId` of the console whose blocks the stores hold. */
  accountKey: string | null;
  /** When the cached Blocklist last equalled the console's (a full sync, or an incremental one on top). */
  completeAt: string | null;
  /** The newest `updatedAt` of the Blocklist the cache is known to hold everything up to. */
  watermark: string | null;
  /** When the last full Blocklist sync (a reconcile) completed. */
  lastFullSyncAt: string | null;
  blocklistCount: number;
  firewallCount: number;
  /** Read access to the Blocklist (`restrictions`): a 403 makes it false and the Blocklist part is skipped. */
  blocklist: FeatureAccess;
  /** Firewall Control: a 403 (no Control SKU, no permission) makes it unavailable, and Block network hidden. */
  firewall: { available: boolean | null; reason: string | null };
}

export const EMPTY_BLOCKS_META: BlocksMeta = {
  accountKey: null,
  completeAt: null,
  watermark: null,
  lastFullSyncAt: null,
  blocklistCount: 0,
  firewallCount: 0,
  blocklist: { readable: null, reason: null },
  firewall: { available: null, reason: null },
};

export interface LogEntry {
  seq?: number;
  at: string;
  level: 'debug' | 'info' | 'warn' | 'error';
  area: string;
  message: string;
}

export interface IocDb extends DBSchema {
  chunks: {
    key: [number, string];
    value: CachedChunk;
  };
  /** The value look-up of each generation (value-buckets.ts), keyed `[generation, bucket]`. */
  buckets: { key: [number, number]; value: CachedBucket };
  /** 'cache' holds a CacheMeta, 'blocks' a BlocksMeta (idb types one value type per store). */
  meta: { key: 'cache' | 'blocks'; value: CacheMeta | BlocksMeta };
  changes: { key: [number, number]; value: CacheChange };
  log: { key: number; value: LogEntry };
  blocklist: { key: string; value: CachedBlocklistItem; indexes: { byHash: string } };
  firewallRules: { key: string; value: CachedFirewallRule; indexes: { byHost: string } };
}

export type IocDatabase = IDBPDatabase<IocDb>;
export const DB_NAME = 's1-ioc-manager';

export const EMPTY_CACHE_META: CacheMeta = {
  accountKey: null,
  generation: 1,
  completeAt: null,
  watermark: null,
  lastFullSyncAt: null,
  count: 0,
  revision: 0,
};

/** Opens (and creates or upgrades) the cache database. */
export function openIocDb(name = DB_NAME): Promise<IocDatabase> {
  return openDB<IocDb>(name, 6, {
    // A newer version opening elsewhere, or a profile's removal deleting the database: this connection
    // steps aside rather than block it (the page that held it reads a removed profile no more).
    blocking(_current, _blocked, event) {
      (event.target as IDBDatabase).close();
    },
    upgrade(db, from, _to, transaction) {
      // The schema's own types describe the latest version only; earlier steps name stores by string.
      const untyped = db as unknown as IDBPDatabase;
      if (from < 1) {
        const iocs = untyped.createObjectStore('iocs', { keyPath: ['generation', 'uuid'] });
        iocs.createIndex('byValue', ['generation', 'valueKey']);
        iocs.createIndex('byType', ['generation', 'ioc.type']);
        iocs.createIndex('byValidUntil', ['generation', 'ioc.validUntil']);
        iocs.createIndex('byUpdatedAt', ['generation', 'ioc.updatedAt']);
        db.createObjectStore('meta');
        db.createObjectStore('log', { keyPath: 'seq', autoIncrement: true });
      }
      if (from < 2) {
        // One record per IOC gave way to chunks. The old cache is dropped rather than converted:
        // clearing the meta record makes the next sync a full one, which refills it.
        untyped.deleteObjectStore('iocs');
        const chunks = untyped.createObjectStore('chunks', { keyPath: ['generation', 'id'] });
        chunks.createIndex('byValue', 'valueKeys', { multiEntry: true });
        chunks.createIndex('byUuid', 'uuidKeys', { multiEntry: true });
        void transaction.objectStore('meta').delete('cache');
      }
      if (from < 3) {
        // IOCs are found by value alone (a uuid's value never changes: POST upserts by value,
        // docs/sentinelone-api.md#upsert-semantics). The byUuid index cost a quarter of a full sync in index
        // writes. The cache stays valid; chunks written before keep an unused uuidKeys field until rewritten.
        (transaction as unknown as IDBPTransaction<unknown, ['chunks'], 'versionchange'>)
          .objectStore('chunks')
          .deleteIndex('byUuid');
      }
      if (from < 4) {
        // What each write changed, for pages that hold every IOC to catch up (cache-changes.ts).
        db.createObjectStore('changes', { keyPath: ['generation', 'revision'] });
      }
      if (from < 5) {
        // The blocks (Blocklist items and firewall rules): one record per item (see the file comment). The
        // IOC cache stays.
        db.createObjectStore('blocklist', { keyPath: 'id' }).createIndex('byHash', 'hashKeys', {
          multiEntry: true,
        });
        db.createObjectStore('firewallRules', { keyPath: 'id' }).createIndex('byHost', 'hostKeys', {
          multiEntry: true,
        });
      }
      if (from < 6) {
        // The byValue index (one index record per IOC, a fifth of a full sync's time) gives way to
        // bucket records written once per generation. The cached chunks are listed in them here, so
        // that a look-up finds every IOC cached before the upgrade (never "Not in SentinelOne" for
        // one of them) without waiting for the next full sync.
        const chunks = (
          transaction as unknown as IDBPTransaction<unknown, ['chunks', 'buckets'], 'versionchange'>
        ).objectStore('chunks');
        if (chunks.indexNames.contains('byValue')) chunks.deleteIndex('byValue');
        const buckets = db.createObjectStore('buckets', { keyPath: ['generation', 'bucket'] });
        void listStoredChunks(chunks, buckets);
      }
    },
  });
}

/** Lists every stored chunk in the bucket records of its generation (the version 6 step). */
async function listStoredChunks(
  chunks: { openCursor(): Promise<{ value: unknown; continue(): Promise<unknown> } | null> },
  buckets: { put(value: CachedBucket): Promise<unknown> },
): Promise<void> {
  const builders = new Map<number, BucketBuilder>();
  for (let cursor = await chunks.openCursor(); cursor; ) {
    const chunk = cursor.value as CachedChunk;
    const builder = builders.get(chunk.generation) ?? new BucketBuilder();
    builders.set(chunk.generation, builder);
    builder.add(chunk.id, chunk.iocs);
    cursor = (await cursor.continue()) as typeof cursor;
  }
  for (const [generation, builder] of builders)
    for (const record of builder.records(generation)) void buckets.put(record);
}
