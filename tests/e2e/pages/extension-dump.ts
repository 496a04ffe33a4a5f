/**
 * Everything the extension keeps, as text, in one evaluate: every IndexedDB database and store
 * (keys and values, the activity log 'log' included) and every key of chrome.storage local, session
 * and sync. The token vault (lib/settings/token-vault.ts, IndexedDB `s1-ioc-manager-secrets`) is the one
 * place the token belongs: its record is dumped with the `token` field blanked, so that a copy of
 * the token anywhere else in the vault is still found. Everything else, storage.local's settings
 * item included, is dumped whole: the token has no place there.
 */
import type { Page, Worker } from '@playwright/test';

export interface Place {
  place: string;
  text: string;
}

type Area = { get(keys: null): Promise<Record<string, unknown>> };
/** Run in the service worker, or in an extension page when the worker is not running. */
export function dumpExtensionState(target: Worker | Page): Promise<Place[]> {
  return (target as Worker).evaluate(async () => {
    // Binary values (the cache's 16-byte uuid keys) as text, so that a token in bytes is seen too.
    const asText = (_key: string, value: unknown) => {
      if (value instanceof ArrayBuffer) return new TextDecoder().decode(value);
      if (ArrayBuffer.isView(value)) return new TextDecoder().decode(value);
      return value;
    };
    const done = <T>(request: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const places: Array<{ place: string; text: string }> = [];
    for (const { name } of await indexedDB.databases()) {
      if (!name) continue;
      const db = await done(indexedDB.open(name));
      for (const store of db.objectStoreNames) {
        const tx = db.transaction(store).objectStore(store);
        const [keys, values] = await Promise.all([done(tx.getAllKeys()), done(tx.getAll())]);
        if (name === 's1-ioc-manager-secrets') {
          values.forEach((value, i) => {
            // Each profile's record: 'current' (the first profile's) and 'token.<profile id>'.
            const record = keys[i] === 'current' || String(keys[i]).startsWith('token.');
            if (record && value && typeof value === 'object') values[i] = { ...value, token: '' };
          });
        }
        places.push({ place: `IndexedDB ${name}/${store}`, text: JSON.stringify({ keys, values }, asText) });
      }
      db.close();
    }
    const { storage } = (globalThis as unknown as { chrome: { storage: Record<string, Area> } }).chrome;
    for (const area of ['local', 'session', 'sync']) {
      const items = (await storage[area]?.get(null)) ?? {};
      for (const [key, value] of Object.entries(items)) {
        places.push({ place: `storage.${area} ${key}`, text: JSON.stringify(value, asText) });
      }
    }
    return places;
  });
}
