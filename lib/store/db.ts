/**
 * The IndexedDB behind the local cache. One database per browser profile; schema changes are version
 * steps (`if (from < N)`), never edits of a released step.
 *
 * IOC records carry a `generation` in their key. A full sync writes a new generation beside the one
 * the UI reads and switches `meta.cache.generation` only when it completed, in one transaction: a
 * failed or interrupted sync therefore never replaces a complete cache with a partial one. Old
 * generations are deleted by key range afterwards.
 */
import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import type { Ioc } from '../s1/schemas';

export interface CachedIoc {
  generation: number;
  uuid: string;
  /** The value case-folded, so a look-up finds `EVIL.example` and hashes in any case. */
  valueKey: string;
  ioc: Ioc;
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
}

export interface LogEntry {
  seq?: number;
  at: string;
  level: 'debug' | 'info' | 'warn' | 'error';
  area: string;
  message: string;
}

export interface IocDb extends DBSchema {
  iocs: {
    key: [number, string];
    value: CachedIoc;
    indexes: {
      byValue: [number, string];
      byType: [number, string];
      byValidUntil: [number, string];
      byUpdatedAt: [number, string];
    };
  };
  meta: { key: 'cache'; value: CacheMeta };
  log: { key: number; value: LogEntry };
}

export type IocDatabase = IDBPDatabase<IocDb>;
export const DB_NAME = 's1-ioc-manager';

export const EMPTY_CACHE_META: CacheMeta = {
  accountKey: null,
  generation: 1,
  completeAt: null,
  watermark: null,
  lastFullSyncAt: null,
};

/** Opens (and creates or upgrades) the cache database. */
export function openIocDb(name = DB_NAME): Promise<IocDatabase> {
  return openDB<IocDb>(name, 1, {
    upgrade(db, from) {
      if (from < 1) {
        const iocs = db.createObjectStore('iocs', { keyPath: ['generation', 'uuid'] });
        iocs.createIndex('byValue', ['generation', 'valueKey']);
        iocs.createIndex('byType', ['generation', 'ioc.type']);
        iocs.createIndex('byValidUntil', ['generation', 'ioc.validUntil']);
        iocs.createIndex('byUpdatedAt', ['generation', 'ioc.updatedAt']);
        db.createObjectStore('meta');
        db.createObjectStore('log', { keyPath: 'seq', autoIncrement: true });
      }
    },
  });
}
