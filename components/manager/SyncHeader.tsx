import { storedFireStatus } from '../../lib/sync/fire-status';
import { type SyncStatus, syncHeadline, tokenWarning } from '../../lib/sync/sync-status';
import { toneOf } from '../../lib/ui/tones';
import { FireNote } from '../fire/FireNotes';

interface Props {
  status: SyncStatus;
  accountLabel: string;
  /** Why the last button press did not start a sync, if it did not. */
  actionError: string | null;
  /** `full`: fetch every IOC again rather than what changed (the analyst doubts the cache). */
  onGrab(full: boolean): void;
}

const formatTime = (iso: string) => new Date(iso).toLocaleString();

/**
 * The manager's second bar, kept in view: the account, how many IOCs the cache holds, whether it is
 * complete (with the running sync's progress), and the two ways to refresh it.
 */
export function SyncHeader({ status, accountLabel, actionError, onGrab }: Props) {
  const headline = syncHeadline(status, formatTime);
  const progress = status.running;
  const warning = tokenWarning(status, Date.now());
  return (
    // A region, not a second <header>: the page has one banner, the product bar above.
    <section class="sync-header" aria-label="Sync">
      <div class="sync-facts">
        <strong class="account" title={accountLabel}>
          {accountLabel}
        </strong>
        <output aria-label="IOC count" class="ioc-count">
          {status.iocCount.toLocaleString('en-US')} IOCs
        </output>
        <span
          role="status"
          aria-label="Sync status"
          class={`sync-state sync-${headline.state}`}
          data-tone={toneOf('sync', headline.state)}
          title={headline.text}
        >
          {headline.text}
        </span>
        {progress && (
          // Without a total the bar is indeterminate: a value over the default max of 1 would draw it full.
          <progress
            aria-label="Sync progress"
            max={progress.total ?? undefined}
            value={progress.total === null ? undefined : progress.fetched}
          />
        )}
      </div>
      <div class="sync-actions">
        <button type="button" class="primary" onClick={() => onGrab(false)} disabled={progress !== null}>
          Grab the IOC ✊
        </button>
        <button
          type="button"
          title="Fetch every IOC of the account again instead of only what changed, and replace the cache when all arrived"
          onClick={() => onGrab(true)}
          disabled={progress !== null}
        >
          Re-sync everything
        </button>
      </div>
      {warning && headline.state !== 'failed' && (
        <p role="alert" class="sync-alert sync-failed" data-tone="danger">
          {warning}
        </p>
      )}
      <FireNote fire={storedFireStatus(status)} class="sync-alert status-warn" />
      {actionError && (
        <p role="alert" class="sync-alert sync-failed" data-tone="danger">
          {actionError}
        </p>
      )}
    </section>
  );
}
