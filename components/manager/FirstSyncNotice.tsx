import type { FirstSyncNotice as Notice } from '../../lib/ui/first-sync';
import { toneOf } from '../../lib/ui/tones';

/** The IOCs view before it has IOCs: the first sync's progress, its failure, or the cache being read. */
export function FirstSyncNotice({ notice }: { notice: Notice }) {
  const progress = notice.progress;
  return (
    <section aria-label="IOCs" class="empty-state">
      <p
        role="status"
        aria-label={notice.kind === 'reading' ? 'Reading the cache' : 'First sync'}
        data-tone={toneOf('sync', notice.state)}
      >
        {notice.text}
      </p>
      {progress && (
        <progress
          aria-label="First sync progress"
          max={progress.total ?? undefined}
          value={progress.fetched}
        />
      )}
    </section>
  );
}
