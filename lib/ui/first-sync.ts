/**
 * What the IOCs view says before it has IOCs to show. Right after the first Save the cache is empty
 * while the first sync fetches every IOC (they become visible together, when all arrived): an empty
 * table there would read "the account holds no IOCs", which is not true yet.
 */
import type { SyncHeadline, SyncStatus } from '../sync/sync-status';
import { countText } from '../text/count-text';
import { pluralize } from '../text/pluralize';

export interface FirstSyncNotice {
  /** The first sync running, failed or about to start; or a completed sync's IOCs being read. */
  kind: 'running' | 'failed' | 'waiting' | 'reading';
  /** As the sync headline's states, so the notice takes the same tone as the header's status. */
  state: Extract<SyncHeadline['state'], 'syncing' | 'failed' | 'never'>;
  text: string;
  /** For a <progress>: IOCs fetched, and of how many (null until the console said). */
  progress: { fetched: number; total: number | null } | null;
}

/** A message from elsewhere as a sentence, whether or not it ends with its own full stop. */
const sentence = (text: string) => (/[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);

/**
 * The notice to show instead of the table, or null to show the table. `cached`: the IOCs the page
 * has read from the cache (null while it reads them: the page says so itself).
 */
export function firstSyncNotice(status: SyncStatus, cached: number | null): FirstSyncNotice | null {
  if (cached === null || cached > 0) return null;
  if (status.completeAt !== null) {
    // A sync completed with IOCs the page has not read yet (it reads them now): not "no IOCs".
    return status.iocCount > 0
      ? {
          kind: 'reading',
          state: 'syncing',
          text: `Reading ${pluralize(status.iocCount, 'IOC')} from the local cache…`,
          progress: null,
        }
      : null;
  }
  const running = status.running;
  if (running) {
    const { fetched, total } = running;
    const text =
      total === null
        ? `First sync running: ${pluralize(fetched, 'IOC')} fetched so far.`
        : `First sync running: ${countText(fetched)} of ${pluralize(total, 'IOC')}.`;
    return {
      kind: 'running',
      state: 'syncing',
      text: `${text} They appear here once all have arrived.`,
      progress: { fetched, total },
    };
  }
  if (status.lastError) {
    return {
      kind: 'failed',
      state: 'failed',
      text: `The first sync failed: ${sentence(status.lastError.message)} Check the connection in Settings, then press “Grab the IOC ✊”.`,
      progress: null,
    };
  }
  return {
    kind: 'waiting',
    state: 'never',
    text: 'The first sync starts in a moment; “Grab the IOC ✊” starts it now.',
    progress: null,
  };
}
