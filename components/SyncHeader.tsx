import { type SyncStatus, syncHeadline, tokenWarning } from '../lib/sync/sync-status';

interface Props {
  status: SyncStatus;
  accountLabel: string;
  /** Why the last button press did not start a sync, if it did not. */
  actionError: string | null;
  onGrab(): void;
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
      <span role="status" aria-label="Sync status" class={`sync-${headline.state}`}>
        {headline.text}
      </span>
      {progress && (
        <progress aria-label="Sync progress" max={progress.total ?? undefined} value={progress.fetched} />
      )}
      <button type="button" onClick={onGrab} disabled={progress !== null}>
        Grab the IOC ✊
      </button>
      {warning && headline.state !== 'failed' && (
        <span role="alert" class="sync-failed">
          {warning}
        </span>
      )}
      {actionError && (
        <span role="alert" class="sync-failed">
          {actionError}
        </span>
      )}
    </header>
  );
}
