import { type SyncStatus, syncHeadline, tokenWarning } from '../../lib/sync/sync-status';
import { toneOf } from '../../lib/ui/tones';

interface Props {
  status: SyncStatus;
  accountLabel: string;
  /** Why the last button press did not start a sync, if it did not. */
  actionError: string | null;
  /** `full`: fetch every IOC again rather than what changed (the analyst doubts the cache). */
  onGrab(full: boolean): void;
}

const formatTime = (iso: string) => new Date(iso).toLocaleString();

/** The account, how many IOCs the cache holds, whether it is complete, and the refresh button. */
export function SyncHeader({ status, accountLabel, actionError, onGrab }: Props) {
  const headline = syncHeadline(status, formatTime);
  const progress = status.running;
  const warning = tokenWarning(status, Date.now());
  return (
    <header class="sync-header">
      <strong>{accountLabel}</strong>
      <output aria-label="IOC count">{status.iocCount.toLocaleString('en-US')} IOCs</output>
      <span
        role="status"
        aria-label="Sync status"
        class={`sync-${headline.state}`}
        data-tone={toneOf('sync', headline.state)}
      >
        {headline.text}
      </span>
      {progress && (
        <progress aria-label="Sync progress" max={progress.total ?? undefined} value={progress.fetched} />
      )}
      <button type="button" onClick={() => onGrab(false)} disabled={progress !== null}>
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
      {warning && headline.state !== 'failed' && (
        <span role="alert" class="sync-failed" data-tone="danger">
          {warning}
        </span>
      )}
      {actionError && (
        <span role="alert" class="sync-failed" data-tone="danger">
          {actionError}
        </span>
      )}
    </header>
  );
}
