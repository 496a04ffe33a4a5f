/** Reads the extension's IndexedDB cache and sync status from its service worker, as the UI would see them. */
import { type ExtensionContext, readExtensionStorage } from './extension-storage';

type CachedIoc = Record<string, unknown> & { uuid: string };

/**
 * The IOCs of the visible cache generation, sorted by uuid, read in the worker or in any extension
 * page (the same origin's IndexedDB: the way to look while the worker is stopped).
 */
export async function readCachedIocs(context: ExtensionContext): Promise<CachedIoc[]> {
  return (await readGeneration(context, 'iocs')) as CachedIoc[];
}

/**
 * How many IOCs the visible generation holds, counted inside the extension: sending 10,000 IOCs back
 * to the test takes seconds, longer than a poll waits.
 */
export async function countCachedIocs(context: ExtensionContext): Promise<number> {
  return (await readGeneration(context, 'count')) as number;
}

function readGeneration(context: ExtensionContext, want: 'iocs' | 'count'): Promise<CachedIoc[] | number> {
  return context.evaluate(async (want: 'iocs' | 'count') => {
    const request = indexedDB.open('s1-ioc-manager');
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const read = <T>(store: string, query: IDBValidKey | IDBKeyRange) =>
      new Promise<T>((resolve, reject) => {
        const r = db.transaction(store).objectStore(store).getAll(query);
        r.onsuccess = () => resolve(r.result as T);
        r.onerror = () => reject(r.error);
      });
    const [meta] = await read<Array<{ generation: number }>>('meta', 'cache');
    const generation = meta?.generation ?? 1;
    const chunks = await read<Array<{ iocs: Array<{ uuid: string }> }>>(
      'chunks',
      IDBKeyRange.bound([generation], [generation, []]),
    );
    db.close();
    if (want === 'count') return chunks.reduce((sum, chunk) => sum + chunk.iocs.length, 0);
    return chunks.flatMap((chunk) => chunk.iocs).sort((a, b) => (a.uuid < b.uuid ? -1 : 1));
  }, want) as Promise<CachedIoc[] | number>;
}

/** The published sync status (lib/sync/sync-status.ts). */
export async function readSyncStatus(context: ExtensionContext) {
  const { local } = await readExtensionStorage(context);
  return local.syncStatus as
    | {
        running: { fetched: number; total: number | null } | null;
        completeAt: string | null;
        lastError: { kind: string; message: string; at: string } | null;
        iocCount: number;
      }
    | undefined;
}
