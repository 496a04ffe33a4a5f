import { useEffect, useRef, useState } from 'preact/hooks';
import { ACTION_LABELS } from '../../lib/blocks/actions';
import { type BlockRow, osText } from '../../lib/blocks/blocks-table';
import { displayText, escapeHiddenInJson } from '../../lib/iocs/display-text';
import { errorText } from '../../lib/text/error-text';
import { pluralize } from '../../lib/text/pluralize';

interface Props {
  row: BlockRow;
  onClose(): void;
  /** Closes this dialog and asks to confirm the unblock (BlocksView owns the question). */
  onUnblock(row: BlockRow): void;
  /** Closes this dialog and asks for the days to renew a Block network rule for (BlocksView owns it). */
  onRenew(row: BlockRow): void;
}

/** What the console does with this row, in one line. */
function effect(row: BlockRow): string {
  if (row.kind === 'blockExecution')
    return `The agents stop this file from running on ${osText(row.osTypes)} (${pluralize(row.blocklistIds.length, 'Blocklist item')}). The Blocklist has no expiry: it blocks until unblocked.`;
  const until = row.until ? ` until ${row.until.slice(0, 10)}` : '';
  return `Firewall Control ${row.status ? `${row.status.toLowerCase()} ` : ''}rule: ${row.direction || 'any'} connections blocked on ${osText(row.osTypes)}${until}.`;
}

/** One blocked hash (its per-OS items) or firewall rule as the console returned it, with copy and unblock. */
export function BlockDetailDialog({ row, onClose, onUnblock, onRenew }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [copied, setCopied] = useState('');
  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  const copy = async (label: string, text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(`${label} copied.`);
    } catch (error) {
      setCopied(`Could not copy: ${errorText(error)}`);
    }
  };
  // The one item of a rule, the list of a hash's per-OS items; hidden characters as \u escapes.
  const json = escapeHiddenInJson(JSON.stringify(row.items.length === 1 ? row.items[0] : row.items, null, 2));

  return (
    <dialog ref={dialog} class="detail" aria-labelledby="block-detail-title" onClose={onClose}>
      <h2 id="block-detail-title" class="clamped">
        {ACTION_LABELS[row.kind]} <span class="mono">{displayText(row.value)}</span>
      </h2>
      <p class="block-effect">{effect(row)}</p>
      <pre class="json">{json}</pre>
      <div class="actions">
        <button type="button" onClick={() => void copy('JSON', json)}>
          Copy JSON
        </button>
        <button type="button" onClick={() => void copy('Value', row.value)}>
          Copy value
        </button>
        {row.kind === 'blockNetwork' && (
          <button
            type="button"
            onClick={() => {
              dialog.current?.close();
              onRenew(row);
            }}
          >
            Renew…
          </button>
        )}
        <button
          type="button"
          class="danger"
          onClick={() => {
            dialog.current?.close();
            onUnblock(row);
          }}
        >
          Unblock…
        </button>
        <button type="button" onClick={() => dialog.current?.close()}>
          Close
        </button>
      </div>
      <p role="status" aria-label="Copy status">
        {copied}
      </p>
    </dialog>
  );
}
