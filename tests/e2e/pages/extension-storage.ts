/**
 * Reads the extension's own storage areas from its service worker (or any extension page):
 * chrome.storage, and the token vault in IndexedDB, the one place the API token is kept.
 */
import type { Worker } from '@playwright/test';

/** The worker or an extension page: both run code in the extension's origin. */
export interface ExtensionContext {
  evaluate<R>(code: () => R | Promise<R>): Promise<R>;
  evaluate<R, A>(code: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
}

type Area = { get(keys: null): Promise<Record<string, unknown>> };
type ChromeStorage = { storage: { local: Area; sync: Area; session: Area } };

export function readExtensionStorage(context: ExtensionContext) {
  return context.evaluate(async () => {
    const { storage } = (globalThis as unknown as { chrome: ChromeStorage }).chrome;
    return {
      local: await storage.local.get(null),
      sync: await storage.sync.get(null),
      session: await storage.session.get(null),
    };
  });
}

/** The token vault's record (lib/settings/token-vault.ts): the saved token and the console it is bound to. */
export interface VaultRecord {
  consoleUrl: string;
  token: string;
}

const VAULT_DB = 's1-ioc-manager-secrets';

/** The vault's record as the extension's own origin reads it, or null when none is saved. */
export function readTokenVault(context: ExtensionContext): Promise<VaultRecord | null> {
  return context.evaluate(async () => {
    // Not opened before the extension created it: an open would create it empty, without its store.
    if (!(await indexedDB.databases()).some((db) => db.name === 's1-ioc-manager-secrets')) return null;
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('s1-ioc-manager-secrets');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    try {
      const get = db.transaction('token').objectStore('token').get('current');
      return await new Promise<VaultRecord | null>((resolve, reject) => {
        get.onsuccess = () => resolve((get.result as VaultRecord | undefined) ?? null);
        get.onerror = () => reject(get.error);
      });
    } finally {
      db.close();
    }
  });
}

/** Replaces the vault's record behind the extension's back, as a tampered profile would. */
export function writeTokenVault(worker: Worker, record: VaultRecord): Promise<void> {
  return worker.evaluate(
    async ({ name, record }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const tx = db.transaction('token', 'readwrite');
      tx.objectStore('token').put(record, 'current');
      await new Promise((resolve, reject) => {
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { name: VAULT_DB, record },
  );
}

/** Empties the vault, as before a version that had one. */
export function clearTokenVault(worker: Worker): Promise<void> {
  return worker.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open(name);
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const tx = db.transaction('token', 'readwrite');
    tx.objectStore('token').clear();
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, VAULT_DB);
}
