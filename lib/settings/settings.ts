/**
 * The extension's settings: one versioned item in storage.local per profile (never storage.sync), and the
 * API token apart from it in the extension's IndexedDB (lib/settings/token-vault.ts), which content scripts
 * cannot open in any browser. The item keeps only the token's hint. A shape change bumps `version`
 * and adds a migration; the key never changes.
 *
 * `readSettings` (the worker, lib code) joins the token back in; pages that watch the item get
 * none. `saveSettings` splits a given token out into the vault. Every function takes the profile
 * (lib/profiles/profile-list.ts); the first profile's item is the one every install had before profiles.
 */
import { storage } from 'wxt/utils/storage';
import type { Connection, ConnectionInput, StoredConnection } from '../../config/connection';
import {
  DEFAULT_SETTINGS,
  type Settings,
  type SettingsInput,
  type StoredSettings,
} from '../../config/settings';
import { FIRST_PROFILE_ID } from '../profiles/profile-list';
import { storageNamesOf } from '../profiles/profile-storage-names';
import { clearToken, readToken, saveToken, tokenHint } from './token-vault';

export { DEFAULT_SETTINGS, type Settings, type SettingsInput, type StoredSettings };

/** What the item may hold: a version before 3 (or a write behind the extension's back) kept the token in it. */
type RawSettings = Omit<StoredSettings, 'connection'> & {
  connection: (Partial<StoredConnection> & Omit<Connection, 'apiToken'> & { apiToken?: unknown }) | null;
};

/** v1 (the foundation release) held only the connection. */
export function migrateV1toV2(old: { connection?: Settings['connection'] } | null): Settings {
  return { ...DEFAULT_SETTINGS, connection: old?.connection ?? null };
}

/** v2 held the token in the item: v3 moves it into the vault and keeps its hint. */
export function migrateV2toV3(old: RawSettings | null): Promise<StoredSettings> {
  return withoutToken({ ...DEFAULT_STORED, ...old });
}

const DEFAULT_STORED: StoredSettings = { ...DEFAULT_SETTINGS, connection: null };

const items = new Map<string, ReturnType<typeof defineSettingsItem>>();
const defineSettingsItem = (key: `local:${string}`) =>
  storage.defineItem<StoredSettings>(key, {
    fallback: DEFAULT_STORED,
    version: 3,
    migrations: { 2: migrateV1toV2, 3: migrateV2toV3 },
  });

/** The settings item of `profileId` (one definition per page, so that its migrations run once). */
export function settingsItemOf(profileId: string) {
  const key = storageNamesOf(profileId).settingsKey;
  let item = items.get(key);
  if (!item) {
    item = defineSettingsItem(key);
    items.set(key, item);
  }
  return item;
}

/** The first profile's item: an install's settings from before profiles. */
export const settingsItem = settingsItemOf(FIRST_PROFILE_ID);

/**
 * The item as stored, without a token. A token found in it (an item written behind the
 * extension's back, a migration that could not reach IndexedDB) is moved into the vault first.
 */
export async function readStoredSettings(profileId = FIRST_PROFILE_ID): Promise<StoredSettings> {
  const item = settingsItemOf(profileId);
  const raw: RawSettings = { ...DEFAULT_STORED, ...(await item.getValue()) };
  if (!raw.connection || !('apiToken' in raw.connection)) return raw as StoredSettings;
  const stored = await withoutToken(raw, storageNamesOf(profileId).tokenKey);
  await item.setValue(stored);
  return stored;
}

/** The settings with the token saved for their console (empty when there is none for it). */
export async function readSettings(profileId = FIRST_PROFILE_ID): Promise<Settings> {
  const stored = await readStoredSettings(profileId);
  if (!stored.connection) return { ...stored, connection: null };
  const { tokenHint: _hint, tokenSavedAt: _at, ...connection } = stored.connection;
  const apiToken = (await readToken(connection.consoleUrl, storageNamesOf(profileId).tokenKey)) ?? '';
  return { ...stored, connection: { ...connection, apiToken } };
}

/**
 * Saves `next`: its token, when given, into the vault, the rest into the item. Without a token, the
 * one saved for the same console is kept; a new console without a token is refused.
 */
export async function saveSettings(
  next: SettingsInput,
  profileId = FIRST_PROFILE_ID,
): Promise<StoredSettings> {
  const { tokenKey } = storageNamesOf(profileId);
  const saved = (await readStoredSettings(profileId)).connection;
  const connection = next.connection && (await splitToken(next.connection, saved, tokenKey));
  if (!connection) await clearToken(tokenKey);
  const stored = { ...next, connection };
  await settingsItemOf(profileId).setValue(stored);
  return stored;
}

/** Changes some settings, keeping the rest (and the saved token, unless `change` brings one). */
export async function updateSettings(
  change: Partial<SettingsInput>,
  profileId = FIRST_PROFILE_ID,
): Promise<StoredSettings> {
  return saveSettings({ ...(await readStoredSettings(profileId)), ...change }, profileId);
}

async function splitToken(
  input: ConnectionInput & Partial<StoredConnection>,
  saved: StoredConnection | null,
  tokenKey: string,
): Promise<StoredConnection> {
  const { apiToken, tokenHint: _hint, tokenSavedAt: _at, ...connection } = input;
  const typed = apiToken?.trim() ?? '';
  const current =
    saved?.consoleUrl === connection.consoleUrl ? await readToken(connection.consoleUrl, tokenKey) : null;
  if (current && saved && (typed === '' || typed === current)) {
    // The same token: the item stays as it was, so that a watcher does not take it for a new one.
    return {
      ...connection,
      tokenHint: saved.tokenHint || tokenHint(current),
      tokenSavedAt: saved.tokenSavedAt,
    };
  }
  if (typed === '') throw new Error(`Enter the API token for ${connection.consoleUrl}.`);
  await saveToken(connection.consoleUrl, typed, tokenKey);
  return { ...connection, tokenHint: tokenHint(typed), tokenSavedAt: Date.now() };
}

/** `raw` with any token in its connection moved into the vault (under `tokenKey`). */
async function withoutToken(
  raw: RawSettings,
  tokenKey = storageNamesOf(FIRST_PROFILE_ID).tokenKey,
): Promise<StoredSettings> {
  if (!raw.connection) return { ...raw, connection: null };
  const { apiToken, tokenHint: hint, tokenSavedAt, ...connection } = raw.connection;
  const token = typeof apiToken === 'string' ? apiToken.trim() : '';
  if (token === '')
    return { ...raw, connection: { ...connection, tokenHint: hint ?? '', tokenSavedAt: tokenSavedAt ?? 0 } };
  await saveToken(connection.consoleUrl, token, tokenKey);
  return { ...raw, connection: { ...connection, tokenHint: tokenHint(token), tokenSavedAt: Date.now() } };
}
