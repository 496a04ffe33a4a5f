/**
 * The API token, kept in the extension's own IndexedDB rather than in storage.local. Content scripts
 * run with the web page's origin, so they can never open the extension's databases, in every
 * browser; storage.local is reachable from them wherever the browser cannot restrict it (Firefox has
 * no trusted-contexts switch). A separate small database, so that clearing or rebuilding the cache
 * never touches the token.
 *
 * The token is stored bound to its console origin: `readToken` hands it out only for that origin,
 * so that settings pointed elsewhere (a typo, a tampered item) find no token to send.
 */
import { type DBSchema, openDB } from 'idb';

export const VAULT_DB = 's1-ioc-manager-secrets';
const STORE = 'token';
/** The first profile's record (the only one before profiles); each other profile has its own key. */
export const FIRST_TOKEN_KEY = 'current';

export interface VaultRecord {
  consoleUrl: string;
  token: string;
}

interface VaultSchema extends DBSchema {
  token: { key: string; value: VaultRecord };
}

// Opened per call and closed after: a few reads per sync, and no connection left open to block
// a later version step or a profile clean-up.
async function withVault<T>(work: (db: Awaited<ReturnType<typeof open>>) => Promise<T>): Promise<T> {
  const db = await open();
  try {
    return await work(db);
  } finally {
    db.close();
  }
}

const open = () =>
  openDB<VaultSchema>(VAULT_DB, 1, {
    upgrade(db) {
      db.createObjectStore(STORE);
    },
  });

/** The token saved for `consoleUrl` (an origin), or null when none is, or it belongs to another console. */
export function readToken(consoleUrl: string, key = FIRST_TOKEN_KEY): Promise<string | null> {
  return withVault(async (db) => {
    const record = await db.get(STORE, key);
    return record && record.consoleUrl === consoleUrl && record.token ? record.token : null;
  });
}

/** Saves `token` for `consoleUrl`, replacing any token saved before (for any console). */
export async function saveToken(consoleUrl: string, token: string, key = FIRST_TOKEN_KEY): Promise<void> {
  if (!consoleUrl || !token) throw new Error('A token is saved with its console URL; one of them is empty.');
  await withVault(async (db) => {
    await db.put(STORE, { consoleUrl, token }, key);
  });
}

/** Forgets the token saved under `key`. */
export function clearToken(key = FIRST_TOKEN_KEY): Promise<void> {
  return withVault(async (db) => {
    await db.delete(STORE, key);
  });
}

/** The last four characters, which the Settings page shows in place of the token. */
export const tokenHint = (token: string): string => `…${token.trim().slice(-4)}`;
