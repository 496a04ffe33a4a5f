/** The extension's settings, stored once in storage.local (never storage.sync: it holds the API token). */
import { storage } from 'wxt/utils/storage';
import type { Connection } from '../config/connection';

export interface Settings {
  connection: Connection | null;
}

export const DEFAULT_SETTINGS: Settings = { connection: null };

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});
