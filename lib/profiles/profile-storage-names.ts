/**
 * Where each profile's data lives. Every profile has its own settings item, sync status item, token
 * record, sync alarm and IndexedDB database; the first profile keeps the names an install had before
 * profiles existed, so upgrading moves nothing.
 *
 * A database per profile rather than a key prefix inside one: removing a profile is one
 * deleteDatabase instead of a walk over up to a million records; the chunk keys, the byValue index and
 * the generation switch (lib/store/db.ts) stay exactly as they are; and a sync of one tenant never
 * holds a transaction that another tenant's sync or look-up waits on. The activity log stays in the
 * first database, one log for the whole extension.
 */
import { FIRST_TOKEN_KEY } from '../settings/token-vault';
import { FIRST_PROFILE_ID } from './profile-list';

export interface ProfileStorageNames {
  /** storage.local key of the profile's settings (lib/settings/settings.ts). */
  settingsKey: `local:${string}`;
  /** storage.local key of its published sync status (lib/sync/sync-status.ts). */
  syncStatusKey: `local:${string}`;
  /** Its IndexedDB cache (lib/store/db.ts). */
  database: string;
  /** Its record in the token vault (lib/settings/token-vault.ts). */
  tokenKey: string;
  /** Its periodic sync alarm (lib/sync/sync-alarm.ts). */
  alarm: string;
}

export const LOG_DATABASE = 's1-ioc-manager';

export function storageNamesOf(profileId: string): ProfileStorageNames {
  if (profileId === FIRST_PROFILE_ID) {
    return {
      settingsKey: 'local:settings',
      syncStatusKey: 'local:syncStatus',
      database: LOG_DATABASE,
      tokenKey: FIRST_TOKEN_KEY,
      alarm: 'sync',
    };
  }
  return {
    settingsKey: `local:settings.${profileId}`,
    syncStatusKey: `local:syncStatus.${profileId}`,
    database: `s1-ioc-manager.${profileId}`,
    tokenKey: `token.${profileId}`,
    alarm: `sync.${profileId}`,
  };
}

/** The profile whose alarm is named `alarm`, or null for an alarm that is not a profile's sync. */
export function profileOfAlarm(alarm: string, profileIds: readonly string[]): string | null {
  return profileIds.find((id) => storageNamesOf(id).alarm === alarm) ?? null;
}
