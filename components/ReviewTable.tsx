import { IOC_TYPES, type IocType } from '../config/ioc-types';
import type { RowActionReport } from '../lib/blocks/actions';
import { rowReportLines } from '../lib/blocks/outcome-text';
import type { RowActions } from '../lib/blocks/review-actions';
import { reportHasProblem } from '../lib/blocks/row-reports';
import { displayText } from '../lib/iocs/display-text';
import { ANSWER_FIELD_MAX } from '../lib/iocs/lookup-text';
import type { IocWarning, ReviewRow } from '../lib/iocs/review';
import { WARNING_TEXT } from '../lib/iocs/validate';
import { ReviewActionsCell } from './ReviewActionsCell';

interface Props {
  rows: readonly ReviewRow[];
  /** What each action did, after Submit. */
  outcomes: ReadonlyMap<string, RowActionReport>;
  actionsOf(row: ReviewRow): RowActions;
  onActions(key: string, actions: RowActions): void;
  onTick(key: string, selected: boolean): void;
  onRetype(key: string, type: IocType): void;
  now: number;
}

function statusText(row: ReviewRow, now: number): string {
  const warnings = row.warnings.map((w: IocWarning) => WARNING_TEXT[w]).join('; ');
  const ticked = row.warnings.includes('never-block') ? '' : '; sent only if ticked';
  const warned = warnings ? ` — warning: ${warnings}${ticked}` : '';
  switch (row.status) {
    case 'invalid':
      return `Invalid: ${row.reason ?? 'not a valid IOC'}`;
    case 'duplicate':
      return 'Duplicate in the input';
    case 'existing': {
      const until = row.existing?.validUntil;
      const expiry = until
        ? Date.parse(until) < now
          ? `expired ${until.slice(0, 10)}`
          : `expires ${until.slice(0, 10)}`
        : 'never expires';
      return `Already in SentinelOne (${expiry}): will be updated, keeping its source ${displayText(row.existing?.source ?? '', ANSWER_FIELD_MAX)}${warned}`;
    }
    default:
      return `${row.suggestion ? 'Suggestion: the host of a URL above' : 'Valid'}${warned}`;
  }
}

/** The result cell's tone: every action through, or something to look at. */
const outcomeClass = (report: RowActionReport | undefined) =>
  !report ? 'outcome-none' : reportHasProblem(report) ? 'outcome-rejected' : 'outcome-stored';

/**
 * What would be sent: each row's value, type (overridable), status, the actions it will run and,
 * after sending, each action's outcome.
 */
export function ReviewTable({ rows, outcomes, actionsOf, onActions, onTick, onRetype, now }: Props) {
  return (
    <table class="review" aria-label="Review">
      <thead>
        <tr>
          <th scope="col">Send</th>
          <th scope="col">Value</th>
          <th scope="col">Type</th>
          <th scope="col">Status</th>
          <th scope="col">Actions</th>
          <th scope="col">Result</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const sendable = row.status === 'valid' || row.status === 'existing';
          const report = outcomes.get(row.key);
          return (
            <tr key={row.key} class={`review-${row.status}${row.warnings.length ? ' review-warned' : ''}`}>
              <td>
                <input
                  type="checkbox"
                  aria-label={`Send ${row.value}`}
                  checked={sendable && row.selected}
                  disabled={!sendable}
                  onChange={(event) => onTick(row.key, event.currentTarget.checked)}
                />
              </td>
              <td class="mono">{displayText(row.value)}</td>
              <td>
                <select
                  aria-label={`Type of ${row.value}`}
                  value={row.type}
                  onChange={(event) => onRetype(row.key, event.currentTarget.value as IocType)}
                >
                  {IOC_TYPES.map((type) => (
                    <option key={type} value={type}>
                      {type}
                    </option>
                  ))}
                </select>
              </td>
              <td>{statusText(row, now)}</td>
              <td>
                {/* An invalid or repeated row is never sent: it has no actions to choose. */}
                {sendable && (
                  <ReviewActionsCell
                    value={row.value}
                    type={row.type}
                    actions={actionsOf(row)}
                    report={report}
                    onChange={(actions) => onActions(row.key, actions)}
                  />
                )}
              </td>
              <td class={outcomeClass(report)}>
                {rowReportLines(report).map((line) => (
                  <div key={line}>{displayText(line)}</div>
                ))}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
