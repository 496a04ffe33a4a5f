import { ACTION_LABELS } from '../../lib/blocks/actions';
import { type BlockRow, osText } from '../../lib/blocks/blocks-table';
import { displayText, escapeHiddenInJson } from '../../lib/iocs/display-text';
import { pluralize } from '../../lib/text/pluralize';
import { DetailActions } from '../ui/DetailActions';
import { Modal } from '../ui/Modal';
import type { Copyable } from '../ui/use-copy';

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
  // The one item of a rule, the list of a hash's per-OS items; hidden characters as \u escapes.
  const json = escapeHiddenInJson(JSON.stringify(row.items.length === 1 ? row.items[0] : row.items, null, 2));
  const copies: Copyable[] = [
    { button: 'Copy JSON', what: 'JSON', text: json },
    { button: 'Copy value', what: 'Value', text: row.value },
  ];
  const title = (
    <>
      {ACTION_LABELS[row.kind]} <span class="mono">{displayText(row.value)}</span>
    </>
  );

  return (
    <Modal title={title} class="detail" onClose={onClose}>
      {({ close }) => {
        // Renew and Unblock are asked by BlocksView, once this dialog is gone.
        const closeAnd = (then: (row: BlockRow) => void) => () => {
          close();
          then(row);
        };
        return (
          <>
            <p class="block-effect">{effect(row)}</p>
            {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a long JSON scrolls inside the dialog, and a keyboard can scroll only what takes the focus (WCAG 2.1.1). */}
            <pre class="json" tabIndex={0}>
              {json}
            </pre>
            <DetailActions copies={copies} close={close}>
              {row.kind === 'blockNetwork' && (
                <button type="button" onClick={closeAnd(onRenew)}>
                  Renew…
                </button>
              )}
              <button type="button" class="danger" onClick={closeAnd(onUnblock)}>
                Unblock…
              </button>
            </DetailActions>
          </>
        );
      }}
    </Modal>
  );
}
