import type { SyncStatus } from '../../lib/sync/sync-status';

/** Why part of the blocks is missing, from the last sync: said once, above the count. */
export function AvailabilityNotes({ status }: { status: SyncStatus | undefined }) {
  // A status published before the blocks were synced has no `blocks` yet.
  const blocks = status?.blocks;
  const notes: string[] = [];
  // The reasons are whole sentences from the sync (the console's 403 explained); said after a
  // short lead-in naming what is missing here, not repeated.
  if (blocks?.blocklist.readable === false)
    notes.push(
      `Block execution hashes are not shown: ${blocks.blocklist.reason ?? 'the Blocklist could not be read.'}`,
    );
  if (blocks?.firewall.available === false)
    notes.push(
      `No Block network rules: ${blocks.firewall.reason ?? 'Firewall Control is not available to this token.'}`,
    );
  if (notes.length === 0) return null;
  return (
    <div role="note" aria-label="What the console lets the extension see" class="block-notes">
      {notes.map((note) => (
        <p key={note} class="status-warn" data-tone="warn">
          {note}
        </p>
      ))}
    </div>
  );
}
