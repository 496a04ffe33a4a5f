import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { MAX_VALIDITY_DAYS } from '../../config/ioc-types';
import type { BlockRow } from '../../lib/blocks/blocks-table';
import { MAX_RENEW_DAYS, type RenewRulesReport, renewedUntil } from '../../lib/blocks/renew-rules';
import { displayText } from '../../lib/iocs/display-text';
import { pluralize } from '../../lib/text/pluralize';
import { Modal } from '../ui/Modal';
import { type Status, StatusLine } from '../ui/StatusLine';
import { useAction } from '../ui/use-action';

interface Props {
  /** The Block network rows to renew. */
  rows: readonly BlockRow[];
  /** Hash rows of the selection left out: the Blocklist has no expiry. */
  skippedHashes: number;
  /** Days the dialog starts with (the Settings validity of the rows' types). */
  defaultDays: number;
  onRenew(days: number): Promise<RenewRulesReport>;
  onClose(): void;
}

/** Values named in the question; the rest are counted. */
const NAMED = 10;

/** Whole days 1..MAX_RENEW_DAYS, or null. */
function daysOf(text: string): number | null {
  if (!/^\d+$/.test(text.trim())) return null;
  const days = Number(text);
  return days >= 1 && days <= MAX_RENEW_DAYS ? days : null;
}

/** "2026-05-21", or "2026-10-28 for 1 rule, 2026-05-31 for 3 rules" when the types' limits differ. */
function preview(rows: readonly BlockRow[], days: number, now: Date): { text: string; clamped: boolean } {
  const byDate = new Map<string, number>();
  for (const row of rows) {
    const date = renewedUntil(row.valueType, days, now).slice(0, 10);
    byDate.set(date, (byDate.get(date) ?? 0) + 1);
  }
  const dates = [...byDate].sort(([a], [b]) => (a < b ? 1 : -1));
  const asked = new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);
  const clamped = dates.some(([date]) => date !== asked);
  if (dates.length === 1) return { text: dates[0]?.[0] ?? '', clamped };
  return { text: dates.map(([date, n]) => `${date} for ${pluralize(n, 'rule')}`).join(', '), clamped };
}

/**
 * Renews Block network rules: names the values, asks for the days (clamped per type, as the new
 * date shows), then shows the outcome. A failure stays in the dialog with its reason.
 */
export function RenewRulesDialog({ rows, skippedHashes, defaultDays, onRenew, onClose }: Props) {
  const [daysText, setDaysText] = useState(String(defaultDays));
  const renew = useAction('Working…', async (days: number): Promise<Status> => {
    const report = await onRenew(days);
    return { kind: report.failed.length > 0 ? 'warn' : 'ok', text: report.message };
  });
  const { busy, status } = renew;
  // The outcome replaces the question; a failure leaves the question to try again.
  const done = status.kind === 'ok' || status.kind === 'warn';
  const closeButton = useRef<HTMLButtonElement>(null);
  // The Renew button is gone once the outcome shows: keep the keyboard in the dialog, on Close.
  useEffect(() => {
    if (done) closeButton.current?.focus();
  }, [done]);
  const days = daysOf(daysText);
  // The preview counts from when the dialog opened; the worker counts from when it renews.
  const now = useMemo(() => new Date(), []);
  const until = days === null ? null : preview(rows, days, now);
  const only = rows.length === 1 ? rows[0] : undefined;
  const named = rows.slice(0, NAMED).map((row) => displayText(row.value, 200));

  const submit = () => {
    if (days !== null) void renew.run(days);
  };

  return (
    <Modal title="Renew Block network" onClose={onClose}>
      {({ close }) => (
        <>
          <p>
            Keep {only ? 'the rule' : `${pluralize(rows.length, 'rule')}`} for{' '}
            <span class="mono">{named.join(', ')}</span>
            {rows.length > NAMED ? ` and ${rows.length - NAMED} more` : ''}
            {only?.until ? ` (now until ${only.until.slice(0, 10)})` : ''}. The sync removes a rule once its
            expiry has passed.
          </p>
          {skippedHashes > 0 && (
            <p class="hint">
              {pluralize(skippedHashes, 'hash', 'hashes')} in the selection left out: the Blocklist has no
              expiry, it blocks until unblocked.
            </p>
          )}
          {done ? (
            <StatusLine label="Renew outcome" status={status} />
          ) : (
            <>
              <label>
                Days from now
                <input
                  type="number"
                  min={1}
                  max={MAX_RENEW_DAYS}
                  step={1}
                  required
                  aria-label="Days from now"
                  aria-describedby="renew-rules-until"
                  aria-invalid={days === null}
                  value={daysText}
                  disabled={busy}
                  onInput={(event) => setDaysText(event.currentTarget.value)}
                  onKeyDown={(event) => {
                    if (event.key === 'Enter') {
                      event.preventDefault();
                      submit();
                    }
                  }}
                />
              </label>
              <p>
                <output id="renew-rules-until" aria-label="New expiry">
                  {until
                    ? `Until ${until.text}.${until.clamped ? ` IP rules last ${MAX_VALIDITY_DAYS.IPV4} days at most, as their Detect IOCs do.` : ''}`
                    : `Enter a whole number of days from 1 to ${MAX_RENEW_DAYS}.`}
                </output>
              </p>
            </>
          )}
          {status.kind === 'error' && (
            <p role="alert" class="error" data-tone="danger">
              {status.text}
            </p>
          )}
          <div class="actions">
            {!done && (
              <button type="button" disabled={busy || days === null} onClick={submit}>
                {busy ? 'Working…' : rows.length === 1 ? 'Renew' : `Renew ${rows.length}`}
              </button>
            )}
            <button type="button" ref={closeButton} disabled={busy} onClick={close}>
              {done ? 'Close' : 'Cancel'}
            </button>
          </div>
        </>
      )}
    </Modal>
  );
}
