/**
 * Merges status changes and writes them out: progress at most every `throttleMs` (a page arrives
 * every few milliseconds on a fast console, and each write wakes every open page), anything else
 * (start, end, failure) at once. The badge follows the written status. A change that leaves the
 * status as it was (the scope's TI settings read again by every sync, unchanged) is not written.
 */
import { sameJson } from '../store/same-json';
import { badgeText, IDLE_STATUS, interruptedChange, type SyncStatus } from './sync-status';

export interface StatusPublisherDeps {
  load: () => Promise<SyncStatus>;
  save: (status: SyncStatus) => Promise<void>;
  setBadge: (text: string) => void | Promise<void>;
  throttleMs?: number;
  /** Called when the saved status shows a sync that a stopped worker left unfinished. */
  onInterrupted?: () => void;
  now?: () => string;
}

export function createStatusPublisher(deps: StatusPublisherDeps) {
  const throttleMs = deps.throttleMs ?? 250;
  let lastWrite = 0;
  let trailing: ReturnType<typeof setTimeout> | null = null;
  // Whether the status in memory is the stored one (or about to be written): until storage gave it
  // back, and after a write failed, it may not be, and nothing is skipped.
  let inStorage = false;
  // Checked on the load every later change builds on, so no change of this worker is mistaken for it.
  let status: Promise<SyncStatus> = deps
    .load()
    .then(
      (saved) => {
        inStorage = true;
        return saved;
      },
      () => IDLE_STATUS,
    )
    .then((saved) => {
      const change = interruptedChange(saved, (deps.now ?? (() => new Date().toISOString()))());
      if (!change) return saved;
      setTimeout(() => {
        void write();
        deps.onInterrupted?.();
      }, 0);
      return { ...saved, ...change };
    });

  async function write(): Promise<void> {
    if (trailing) clearTimeout(trailing);
    trailing = null;
    lastWrite = Date.now();
    const snapshot = await status;
    await deps.save(snapshot).catch((error: unknown) => {
      inStorage = false;
      throw error;
    });
    await deps.setBadge(badgeText(snapshot.running));
  }

  return async function publish(change: Partial<SyncStatus>): Promise<void> {
    let same = false;
    status = status.then((previous) => {
      same =
        inStorage &&
        Object.entries(change).every(([key, value]) => sameJson(previous[key as keyof SyncStatus], value));
      return same ? previous : { ...previous, ...change };
    });
    const progressOnly =
      change.running != null && Object.keys(change).every((key) => key === 'running' || key === 'accountKey');
    if (progressOnly && Date.now() - lastWrite < throttleMs) {
      trailing ??= setTimeout(() => void write(), throttleMs);
      return;
    }
    await status;
    if (same) return;
    await write();
  };
}
