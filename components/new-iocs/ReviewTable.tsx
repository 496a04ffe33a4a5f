import { Component } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { IOC_TYPES, type IocType } from '../../config/ioc-types';
import type { RowResult } from '../../lib/blocks/multi-target';
import type { RowActions } from '../../lib/blocks/review-actions';
import type { RowOverride } from '../../lib/blocks/review-submit';
import { displayText } from '../../lib/iocs/display-text';
import { type FireFlag as Flag, fireFlagger } from '../../lib/iocs/fire-notes';
import { ANSWER_FIELD_MAX } from '../../lib/iocs/lookup-text';
import { heldAs, type IocWarning, type ReviewRow } from '../../lib/iocs/review';
import { WARNING_TEXT } from '../../lib/iocs/validate';
import type { FireStatus } from '../../lib/sync/fire-status';
import { type ActionOutcome, reviewTone, toneOf } from '../../lib/ui/tones';
import { FireFlag } from '../fire/FireNotes';
import { ReviewActionsCell } from './ReviewActionsCell';
import { hasContext, ReviewContext } from './ReviewContext';

interface Props {
  rows: readonly ReviewRow[];
  /** What each action did, after Submit (on each profile the row went to). */
  results: ReadonlyMap<string, RowResult>;
  actionsOf(row: ReviewRow): RowActions;
  onActions(key: string, actions: RowActions): void;
  onTick(key: string, selected: boolean): void;
  onRetype(key: string, type: IocType): void;
  now: number;
  /** The scope's TI settings from the last sync: a value that will not raise a threat is flagged. */
  fire?: FireStatus | null;
  /** Each imported row's own values, shown in a Context column when any row has some. */
  overrides?: ReadonlyMap<string, RowOverride>;
}

function statusText(row: ReviewRow, now: number): string {
  const warnings = row.warnings.map((w: IocWarning) => WARNING_TEXT[w]).join('; ');
  const ticked = row.warnings.includes('never-block') ? '' : '; sent only if ticked';
  const unticked = row.unticked ? ' — the file marks it not for detection; sent only if ticked' : '';
  const warned = warnings ? ` — warning: ${warnings}${ticked}` : unticked;
  switch (row.status) {
    case 'invalid':
      return `Invalid: ${row.reason ?? 'not a valid IOC'}`;
    case 'not-importable':
      return `Not importable: ${row.reason ?? 'SentinelOne has no IOC type for it'}`;
    case 'duplicate':
      return 'Duplicate in the input';
    case 'existing': {
      const until = row.existing?.validUntil;
      const expiry = until
        ? Date.parse(until) < now
          ? `expired ${until.slice(0, 10)}`
          : `expires ${until.slice(0, 10)}`
        : 'never expires';
      const held = heldAs(row);
      const as = held === null ? '' : ` as ${displayText(held, ANSWER_FIELD_MAX)}`;
      return `Already in SentinelOne${as} (${expiry}): will be updated, keeping its source ${displayText(row.existing?.source ?? '', ANSWER_FIELD_MAX)}${warned}`;
    }
    default:
      return `${row.suggestion ? 'Suggestion: the host of a URL above' : 'Valid'}${warned}`;
  }
}

/** The result cell's tone: every action through, or something to look at. */
const outcomeOf = (result: RowResult | undefined): ActionOutcome =>
  !result ? 'none' : result.problem ? 'problem' : 'stored';
/** The result cell's class, kept for the tests and tools that read it (`outcome-stored`). */
const OUTCOME_CLASS: Record<ActionOutcome, string> = {
  none: 'outcome-none',
  problem: 'outcome-rejected',
  stored: 'outcome-stored',
};

/** The rows drawn at once, then as many more per turn of the event loop: a long review shows at once. */
const ROWS_PER_STEP = 200;

/**
 * How many of `count` rows to draw: one step at first, then a step more each turn, so the first
 * rows are usable while the rest are drawn. A review of another length starts again.
 */
function useGrowingCount(count: number): number {
  const [drawn, setDrawn] = useState({ count, shown: Math.min(count, ROWS_PER_STEP) });
  const shown = drawn.count === count ? drawn.shown : Math.min(count, ROWS_PER_STEP);
  useEffect(() => {
    if (drawn.count !== count) return setDrawn({ count, shown });
    if (shown >= count) return;
    const timer = setTimeout(() => setDrawn({ count, shown: Math.min(count, shown + ROWS_PER_STEP) }), 0);
    return () => clearTimeout(timer);
  }, [count, shown, drawn.count]);
  return shown;
}

type Handlers = Pick<Props, 'onActions' | 'onTick' | 'onRetype'>;

interface RowProps {
  row: ReviewRow;
  result: RowResult | undefined;
  actions: RowActions;
  now: number;
  fireFlag: Flag | null;
  /** Always the table's latest handlers, so a row drawn earlier never acts on rows it has not seen. */
  handlers: { current: Handlers };
  override: RowOverride | undefined;
  withContext: boolean;
}

const sameActions = (a: RowActions, b: RowActions) =>
  a.detect === b.detect &&
  a.blockNetwork === b.blockNetwork &&
  a.allowNotRecommended === b.allowNotRecommended &&
  (a.blockExecution === null
    ? b.blockExecution === null
    : a.blockExecution.join() === b.blockExecution?.join());

/**
 * A row is drawn again only when it changed: ticking one of 2,000 rows redraws one. The time only
 * shows in an existing row's expiry.
 */
const sameRow = (a: RowProps, b: RowProps) =>
  a.row === b.row &&
  a.result === b.result &&
  a.fireFlag?.description === b.fireFlag?.description &&
  a.override === b.override &&
  a.withContext === b.withContext &&
  sameActions(a.actions, b.actions) &&
  (a.now === b.now || a.row.status !== 'existing');

class ReviewRowView extends Component<RowProps> {
  override shouldComponentUpdate(next: RowProps): boolean {
    return !sameRow(this.props, next);
  }

  override render() {
    const { row, result, actions, now, fireFlag, handlers, override, withContext } = this.props;
    const sendable = row.status === 'valid' || row.status === 'existing';
    return (
      <tr
        class={`review-${row.status}${row.warnings.length ? ' review-warned' : ''}`}
        data-tone={toneOf('reviewRow', row.status)}
      >
        <td>
          <input
            type="checkbox"
            aria-label={`Send ${row.value}`}
            checked={sendable && row.selected}
            disabled={!sendable}
            onChange={(event) => handlers.current.onTick(row.key, event.currentTarget.checked)}
          />
        </td>
        <td class="mono review-value">{displayText(row.value)}</td>
        {withContext && (
          <td>
            <ReviewContext row={row} override={override} />
          </td>
        )}
        <td>
          {/* What SentinelOne has no IOC for has no type to choose. */}
          {row.status === 'not-importable' ? (
            <span class="hint">none</span>
          ) : (
            <select
              aria-label={`Type of ${row.value}`}
              value={row.type}
              onChange={(event) => handlers.current.onRetype(row.key, event.currentTarget.value as IocType)}
            >
              {IOC_TYPES.map((type) => (
                <option key={type} value={type}>
                  {type}
                </option>
              ))}
            </select>
          )}
        </td>
        <td class="review-status" data-tone={reviewTone(row.status, row.warnings.length > 0)}>
          {statusText(row, now)}
          <FireFlag flag={fireFlag} />
        </td>
        <td>
          {/* An invalid or repeated row is never sent: it has no actions to choose. */}
          {sendable && (
            <ReviewActionsCell
              value={row.value}
              type={row.type}
              actions={actions}
              report={result?.report}
              onChange={(chosen) => handlers.current.onActions(row.key, chosen)}
            />
          )}
        </td>
        <td class={OUTCOME_CLASS[outcomeOf(result)]} data-tone={toneOf('outcome', outcomeOf(result))}>
          {(result?.lines ?? []).map((line) => (
            <div key={line}>{displayText(line)}</div>
          ))}
        </td>
      </tr>
    );
  }
}

const NO_OVERRIDES: ReadonlyMap<string, RowOverride> = new Map();

/** The review's columns, each with the class that sizes it (styles/review.css). */
const COLUMNS = [
  ['Send', 'col-send'],
  ['Value', 'col-value'],
  ['Context', 'col-context'],
  ['Type', 'col-type'],
  ['Status', 'col-status'],
  ['Actions', 'col-actions'],
  ['Result', 'col-result'],
] as const;

/**
 * What would be sent: each row's value, type (overridable), status, the actions it will run and,
 * after sending, each action's outcome. Rows are drawn a step at a time and redrawn only when they
 * change, so a review of 2,000 rows (review-cap.ts) shows at once and a tick answers at once.
 */
export function ReviewTable({
  rows,
  results,
  actionsOf,
  onActions,
  onTick,
  onRetype,
  now,
  overrides = NO_OVERRIDES,
  fire,
}: Props) {
  const flagOf = useMemo(() => fireFlagger(fire), [fire]);
  const handlers = useRef<Handlers>({ onActions, onTick, onRetype });
  handlers.current = { onActions, onTick, onRetype };
  const shown = useGrowingCount(rows.length);
  const withContext = useMemo(() => hasContext(rows, overrides), [rows, overrides]);
  return (
    <table class="review" aria-label="Review">
      <thead>
        <tr>
          {COLUMNS.filter(([name]) => withContext || name !== 'Context').map(([name, className]) => (
            <th key={name} scope="col" class={className}>
              {name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.slice(0, shown).map((row) => (
          <ReviewRowView
            key={row.key}
            row={row}
            result={results.get(row.key)}
            actions={actionsOf(row)}
            now={now}
            fireFlag={row.status === 'valid' || row.status === 'existing' ? flagOf(row) : null}
            handlers={handlers}
            override={overrides.get(row.key)}
            withContext={withContext}
          />
        ))}
      </tbody>
    </table>
  );
}
