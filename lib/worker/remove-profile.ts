/**
 * Deletes what a removed profile kept: its cache database, token, settings, sync status and alarm.
 * Called by the worker after the profile left the list, so no message or alarm reaches it meanwhile.
 */
import { deleteDB } from 'idb';
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { LOG_DATABASE, storageNamesOf } from '../profiles/profile-storage-names';
import { clearToken } from '../settings/token-vault';
import type { IocDatabase } from '../store/db';

/** The stores of a profile's cache; the first database also holds the activity log, which stays. */
const CACHE_STORES = ['chunks', 'buckets', 'meta', 'changes', 'blocklist', 'firewallRules'] as const;

/**
 * `openDb` is the worker's connection to the profile's database, if it opened one. Pages that hold
 * the database open close their connection when asked (lib/store/db.ts), so the deletion is not blocked.
 */
export async function removeProfileData(profileId: string, openDb: IocDatabase | null): Promise<void> {
  const names = storageNamesOf(profileId);
  await browser.alarms.clear(names.alarm);
  await clearToken(names.tokenKey);
  await storage.removeItems([
    { key: names.settingsKey, options: { removeMeta: true } },
    { key: names.syncStatusKey, options: { removeMeta: true } },
  ]);
  if (names.database === LOG_DATABASE && openDb) {
    const transaction = openDb.transaction([...CACHE_STORES], 'readwrite');
    await Promise.all([
      ...CACHE_STORES.map((store) => transaction.objectStore(store).clear()),
      transaction.done,
    ]);
    return;
  }
  openDb?.close();
  await deleteDB(names.database);
}
