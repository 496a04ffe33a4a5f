/**
 * The extension's settings: one versioned item in storage.local, never storage.sync, because it
 * holds the API token. A shape change bumps `version` and adds a migration; the key never changes.
 */
import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, type Settings } from '../config/settings';

export { DEFAULT_SETTINGS, type Settings };

/** v1 (the foundation release) held only the connection. */
export function migrateV1toV2(old: { connection?: Settings['connection'] } | null): Settings {
  return { ...DEFAULT_SETTINGS, connection: old?.connection ?? null };
}

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 2,
  migrations: { 2: migrateV1toV2 },
});

/** Reads the settings, filling any field a future or older shape lacks from the defaults. */
export async function readSettings(): Promise<Settings> {
  const stored = await settingsItem.getValue();
  return { ...DEFAULT_SETTINGS, ...stored };
}

/** Changes some settings, keeping the rest. */
export async function updateSettings(change: Partial<Settings>): Promise<Settings> {
  const next = { ...(await readSettings()), ...change };
  await settingsItem.setValue(next);
  return next;
}
