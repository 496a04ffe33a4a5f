/**
 * What the UI shows about the cache: running (with progress), complete as of a time, or failed and
 * why. Published by the service worker as one storage item that pages watch, so every open page
 * and the toolbar badge agree without asking the worker.
 */
import { storage } from 'wxt/utils/storage';
import { FIRST_PROFILE_ID } from '../profiles/profile-list';
import { storageNamesOf } from '../profiles/profile-storage-names';
import type { S1ErrorKind } from '../s1/errors';
import { pluralize } from '../text/pluralize';
import type { FireStatus } from './fire-status';

export interface SyncProgress {
  kind: 'full' | 'incremental';
  phase: 'counting' | 'fetching' | 'saving' | 'checking';
  fetched: number;
  /** Null until the console said how many there are. */
  total: number | null;
  startedAt: string;
  /** The console answers 429: the sync waits between requests instead of failing (lib/s1/rate-gate.ts). */
  slowedByConsole?: boolean;
}

export interface SyncStatus {
  running: SyncProgress | null;
  /** The cache held exactly the console's IOCs as of this time. */
  completeAt: string | null;
  lastError: {
    kind: S1ErrorKind | 'not-configured' | 'internal' | 'interrupted';
    message: string;
    at: string;
  } | null;
  iocCount: number;
  /** `origin|accountId` the figures are about. */
  accountKey: string | null;
  /** The API token's expiry as GET /user last said, for warnings. */
  tokenExpiresAt: string | null;
  /** Blocklist items in the cache (one per hash and OS). */
  blocklistCount: number;
  /**
   * What the last sync learnt about the two blocking features (null: not asked yet). Pages watch it to
   * offer Block network only where Firewall Control is available, and to say why not.
   */
  blocks: {
    blocklist: { readable: boolean | null; reason: string | null };
    firewall: { available: boolean | null; reason: string | null };
  };
  /**
   * What the scope's TI user-config said at the last sync, for "will it fire?" (fire-status.ts; read
   * it with storedFireStatus). Optional: statuses saved before it existed lack it. Null: not read yet.
   */
  fire?: FireStatus | null;
}

export const IDLE_STATUS: SyncStatus = {
  running: null,
  completeAt: null,
  lastError: null,
  iocCount: 0,
  accountKey: null,
  tokenExpiresAt: null,
  blocklistCount: 0,
  blocks: {
    blocklist: { readable: null, reason: null },
    firewall: { available: null, reason: null },
  },
  fire: null,
};

const items = new Map<string, ReturnType<typeof defineStatusItem>>();
const defineStatusItem = (key: `local:${string}`) =>
  storage.defineItem<SyncStatus>(key, { fallback: IDLE_STATUS });

/** The status `profileId`'s sync publishes (each profile syncs on its own). */
export function syncStatusItemOf(profileId: string) {
  const key = storageNamesOf(profileId).syncStatusKey;
  let item = items.get(key);
  if (!item) {
    item = defineStatusItem(key);
    items.set(key, item);
  }
  return item;
}

/** The first profile's status: the item every install had before profiles. */
export const syncStatusItem = syncStatusItemOf(FIRST_PROFILE_ID);

export const INTERRUPTED_MESSAGE =
  'the browser stopped the extension’s background worker during the sync. The cache still holds the last complete sync; a new sync has started.';

/**
 * A sync never outlives the worker that ran it, so a status still "running" when a worker starts
 * belongs to a sync the browser stopped mid-way: the change that says so, or null.
 */
export function interruptedChange(saved: SyncStatus, at: string): Partial<SyncStatus> | null {
  if (!saved.running) return null;
  return { running: null, lastError: { kind: 'interrupted', message: INTERRUPTED_MESSAGE, at } };
}

export type SyncHeadline =
  | { state: 'syncing'; text: string }
  | { state: 'failed'; text: string }
  | { state: 'complete'; text: string }
  | { state: 'never'; text: string };

/** One line for a header or popup: "Syncing 1,000 of 2,345 IOCs…", "Last sync failed: …", "Complete as of …". */
export function syncHeadline(
  status: SyncStatus,
  formatTime: (iso: string) => string = (iso) => iso,
): SyncHeadline {
  if (status.running) {
    const { fetched, total, kind } = status.running;
    const count =
      total === null
        ? `${fetched.toLocaleString('en-US')}`
        : `${fetched.toLocaleString('en-US')} of ${total.toLocaleString('en-US')}`;
    const slowed = status.running.slowedByConsole
      ? ' SentinelOne is limiting the request rate: slowing down.'
      : '';
    return {
      state: 'syncing',
      text: `${kind === 'full' ? 'Full sync' : 'Syncing'}: ${count} IOCs…${slowed}`,
    };
  }
  if (status.lastError && (!status.completeAt || status.lastError.at >= status.completeAt)) {
    return { state: 'failed', text: `Last sync failed: ${status.lastError.message}` };
  }
  if (status.completeAt)
    return { state: 'complete', text: `Complete as of ${formatTime(status.completeAt)}` };
  return { state: 'never', text: 'Not synced yet' };
}

/** The toolbar badge while syncing: the percentage when the total is known, else an ellipsis. */
export function badgeText(progress: SyncProgress | null): string {
  if (!progress) return '';
  if (!progress.total) return '…';
  return `${Math.min(99, Math.floor((progress.fetched / progress.total) * 100))}%`;
}

const WEEK_MS = 7 * 24 * 60 * 60_000;

/** A warning about the token for the header and popup, or null when all is well. */
export function tokenWarning(status: SyncStatus, now: number): string | null {
  if (status.lastError?.kind === 'token-invalid')
    return 'The API token is invalid or has expired: enter a new one in Settings.';
  if (!status.tokenExpiresAt) return null;
  const left = Date.parse(status.tokenExpiresAt) - now;
  if (left <= 0)
    return `The API token expired on ${status.tokenExpiresAt.slice(0, 10)}: enter a new one in Settings.`;
  if (left < WEEK_MS) {
    const days = Math.floor(left / 86_400_000);
    const when = days === 0 ? 'less than a day' : pluralize(days, 'day');
    return `The API token expires in ${when} (${status.tokenExpiresAt.slice(0, 10)}): create a new one soon.`;
  }
  return null;
}
