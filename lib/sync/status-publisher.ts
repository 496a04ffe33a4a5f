/**
 * Merges status changes and writes them out: progress at most every `throttleMs` (a page arrives
 * every few milliseconds on a fast console, and each write wakes every open page), anything else
 * (start, end, failure) at once. The badge follows the written status.
 */
import { badgeText, IDLE_STATUS, type SyncStatus } from './sync-status';

export interface StatusPublisherDeps {
  load: () => Promise<SyncStatus>;
  save: (status: SyncStatus) => Promise<void>;
  setBadge: (text: string) => void | Promise<void>;
  throttleMs?: number;
}

export function createStatusPublisher(deps: StatusPublisherDeps) {
  const throttleMs = deps.throttleMs ?? 250;
  let status: Promise<SyncStatus> = deps.load().catch(() => IDLE_STATUS);
  let lastWrite = 0;
  let trailing: ReturnType<typeof setTimeout> | null = null;

  async function write(): Promise<void> {
    if (trailing) clearTimeout(trailing);
    trailing = null;
    lastWrite = Date.now();
    const snapshot = await status;
    await deps.save(snapshot);
    await deps.setBadge(badgeText(snapshot.running));
  }

  return async function publish(change: Partial<SyncStatus>): Promise<void> {
    status = status.then((previous) => ({ ...previous, ...change }));
    const progressOnly =
      change.running != null && Object.keys(change).every((key) => key === 'running' || key === 'accountKey');
    if (progressOnly && Date.now() - lastWrite < throttleMs) {
      trailing ??= setTimeout(() => void write(), throttleMs);
      return;
    }
    await write();
  };
}
