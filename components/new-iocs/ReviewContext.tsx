import { contextText } from '../../lib/blocks/intel-review';
import type { RowOverride } from '../../lib/blocks/review-submit';
import { displayText } from '../../lib/iocs/display-text';
import type { ReviewRow } from '../../lib/iocs/review';

/** Enough for a handful of names; a feed's hundred labels would swamp the row. */
const CONTEXT_MAX = 300;

interface Props {
  row: ReviewRow;
  /** The row's own values from the file it came from. */
  override: RowOverride | undefined;
}

/**
 * What the file said about a row, compactly: its context (threat actor, malware, labels, severity…),
 * the pattern of a row that is not importable, and where in the file it comes from.
 */
export function ReviewContext({ row, override }: Props) {
  const context = contextText(override);
  // The value column already shows a pattern that gave no single value.
  const pattern =
    row.status === 'not-importable' && row.pattern && row.pattern !== row.value ? row.pattern : null;
  return (
    <>
      {context && <div>{displayText(context, CONTEXT_MAX)}</div>}
      {pattern && (
        <div>
          Pattern: <code>{displayText(pattern, CONTEXT_MAX)}</code>
        </div>
      )}
      {row.origin && <div class="hint">From {displayText(row.origin)}</div>}
    </>
  );
}

/** Whether the review has anything for the Context column to show. */
export const hasContext = (rows: readonly ReviewRow[], overrides: ReadonlyMap<string, RowOverride>) =>
  rows.some((row) => row.origin !== undefined || contextText(overrides.get(row.key)) !== '');
