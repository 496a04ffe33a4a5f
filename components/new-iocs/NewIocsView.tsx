import { useEffect, useRef, useState } from 'preact/hooks';
import type { StoredSettings } from '../../config/settings';
import type { ActionsReport, RowActionReport, RowActionRequest } from '../../lib/blocks/actions';
import { summarizeActions } from '../../lib/blocks/outcome-text';
import {
  actionRequest,
  choosesAnything,
  defaultActions,
  type FirewallAvailability,
  type RowActions,
  remainingActions,
} from '../../lib/blocks/review-actions';
import { mergeReports, needsAttention } from '../../lib/blocks/row-reports';
import { classifyValue } from '../../lib/iocs/classify';
import { parseIocCsv } from '../../lib/iocs/csv-import';
import { applyTag, defaultFields, type IocFields, toDrafts, validateFields } from '../../lib/iocs/drafts';
import { type ExistingLookup, lookupValues } from '../../lib/iocs/existing-lookup';
import { extractCandidatesChunked } from '../../lib/iocs/extract';
import { neverBlockList } from '../../lib/iocs/never-block-list';
import { clampValidUntil } from '../../lib/iocs/renew';
import {
  buildReview,
  type FindExisting,
  type ReviewRow,
  retypeInReview,
  sendableRows,
} from '../../lib/iocs/review';
import { capReview } from '../../lib/iocs/review-cap';
import type { IocDraft } from '../../lib/s1/schemas';
import { errorText } from '../../lib/text/error-text';
import { pluralize } from '../../lib/text/pluralize';
import { toneOf } from '../../lib/ui/tones';
import { IocFieldsForm } from './IocFieldsForm';
import { ReviewTable } from './ReviewTable';

interface Props {
  /** Which values SentinelOne already holds, from the local cache. */
  lookupExisting: ExistingLookup;
  settings: StoredSettings;
  /** Whether the console has Firewall Control (from the last sync): Block network is offered only then. */
  firewall: FirewallAvailability;
  /** Why Block network is not offered, when the console said so. */
  firewallReason?: string | null;
  /** Runs each row's chosen actions in the worker. */
  onApply(requests: RowActionRequest[]): Promise<ActionsReport>;
  /** Text to review at once, such as a selection sent from the context menu. */
  initialText?: string;
}

type Message = { kind: 'ok' | 'warn' | 'error' | 'busy'; text: string } | null;
/** Per-row values from an imported CSV, which override the form's fields for that row. */
type RowOverride = { name?: string; description?: string; validUntil?: string; score?: number };

/** Paste anything, review what it holds, send the ticked rows in one batch. */
export function NewIocsView({
  lookupExisting,
  settings,
  firewall,
  firewallReason,
  onApply,
  initialText = '',
}: Props) {
  const [text, setText] = useState(initialText);
  const [rows, setRows] = useState<ReviewRow[]>([]);
  const [overrides, setOverrides] = useState<ReadonlyMap<string, RowOverride>>(new Map());
  const [fields, setFields] = useState<IocFields>(() => defaultFields(settings));
  const [outcomes, setOutcomes] = useState<ReadonlyMap<string, RowActionReport>>(new Map());
  // The analyst's changes to a row's actions; a row without an entry has the defaults of its type.
  const [chosen, setChosen] = useState<ReadonlyMap<string, RowActions>>(new Map());
  const [message, setMessage] = useState<Message>(null);
  // How many values the text held beyond those the review shows (review-cap.ts).
  const [capNote, setCapNote] = useState<string | null>(null);
  const now = Date.now();

  // What the current rows were judged against; retyping a row asks it again.
  const [existing, setExisting] = useState<FindExisting>(() => () => undefined);
  // The text being reviewed; a CSV import cancels it so a late text review cannot replace the file's rows.
  const textJob = useRef<AbortController | null>(null);
  // Read through a ref: a new lookup function from the parent must not re-review (and wipe results).
  const lookupRef = useRef(lookupExisting);
  lookupRef.current = lookupExisting;
  const neverBlock = useRef(settings.neverBlock);
  neverBlock.current = settings.neverBlock;

  // Review as the analyst types or pastes; a long paste is processed in chunks, never freezing the page.
  // The review is built from the text alone: a cache refresh after sending must not wipe the results.
  useEffect(() => {
    const abort = new AbortController();
    textJob.current = abort;
    const timer = setTimeout(async () => {
      try {
        const capped = capReview(await extractCandidatesChunked(text, { signal: abort.signal }));
        const find = await lookupRef.current(lookupValues(capped.items));
        if (!abort.signal.aborted) {
          setExisting(() => find);
          setCapNote(capped.note);
          setRows(buildReview(capped.items, find, neverBlockList(neverBlock.current)));
          setOutcomes(new Map());
          setChosen(new Map());
        }
      } catch (error) {
        if (!abort.signal.aborted)
          setMessage({
            kind: 'error',
            text: `The text could not be read: ${errorText(error)}`,
          });
      }
    }, 250);
    return () => {
      abort.abort();
      clearTimeout(timer);
    };
  }, [text]);

  const actionsOf = (row: ReviewRow) =>
    chosen.get(row.key) ?? defaultActions(row.type, settings.actionDefaults, firewall);
  const toDo = (row: ReviewRow) => remainingActions(actionsOf(row), outcomes.get(row.key));
  const pending = sendableRows(rows).filter((row) => choosesAnything(toDo(row)));
  const hadRejections = [...outcomes.values()].some((o) => o.detect?.status === 'rejected');

  async function submit() {
    const problem = validateFields(fields);
    if (problem) return setMessage({ kind: 'error', text: problem });
    if (pending.length === 0) return setMessage({ kind: 'error', text: 'Nothing is ticked to send.' });
    const tag = settings.connection?.tagPrefix ?? '';
    const sentAt = new Date();
    const drafts = toDrafts(
      pending,
      fields,
      { tagPrefix: tag, validityDays: settings.iocDefaults.validityDays },
      sentAt,
    ).map((draft, i) => withOverride(draft, overrides.get(pending[i]?.key ?? ''), tag, sentAt));
    const requests = pending.flatMap((row, i) => {
      const draft = drafts[i];
      const request = draft ? actionRequest(draft, toDo(row)) : null;
      return request ? [{ key: row.key, request }] : [];
    });
    setMessage({ kind: 'busy', text: `Sending ${pluralize(requests.length, 'row')}…` });
    try {
      const report = await onApply(requests.map((r) => r.request));
      const next = new Map(outcomes);
      for (const [i, { key }] of requests.entries())
        next.set(key, mergeReports(next.get(key), report.rows[i]));
      setOutcomes(next);
      // Rows whose IOC was refused are unticked: the rest goes only when the analyst presses again.
      setRows(
        rows.map((row) =>
          next.get(row.key)?.detect?.status === 'rejected' ? { ...row, selected: false } : row,
        ),
      );
      const summary = summarizeActions(
        requests.map((r) => r.request),
        report.rows,
      );
      const notes = report.notes.join(' ');
      const allThrough = report.rows.every((row, i) => !needsAttention(requests[i]?.request, row));
      setMessage({
        kind: allThrough && !notes ? 'ok' : 'warn',
        text: `${summary}${notes ? ` ${notes}` : ''}`,
      });
    } catch (error) {
      setMessage({ kind: 'error', text: errorText(error) });
    }
  }

  async function importCsv(file: File) {
    textJob.current?.abort();
    const parsed = parseIocCsv(await file.text());
    if (parsed.errors.length > 0 && parsed.rows.length === 0) {
      return setMessage({ kind: 'error', text: `${file.name}: ${parsed.errors.slice(0, 3).join('; ')}` });
    }
    const capped = capReview(parsed.rows, 'import the rest');
    const candidates = capped.items.map((row) => ({
      value: row.value,
      type: row.type ?? classifyValue(row.value) ?? 'DNS',
    }));
    const find = await lookupExisting(lookupValues(candidates));
    const review = buildReview(candidates, find, neverBlockList(neverBlock.current));
    setExisting(() => find);
    setCapNote(capped.note);
    const map = new Map<string, RowOverride>();
    review.forEach((row, i) => {
      const source = parsed.rows[i];
      if (source)
        map.set(row.key, {
          name: source.name,
          description: source.description,
          validUntil: source.validUntil,
          score: source.score,
        });
    });
    setOverrides(map);
    setRows(review);
    setOutcomes(new Map());
    setChosen(new Map());
    setMessage({
      kind: parsed.errors.length ? 'warn' : 'ok',
      text: `${file.name}: ${capped.items.length} rows to review.${parsed.errors.length ? ` Skipped: ${parsed.errors.slice(0, 3).join('; ')}` : ''}`,
    });
  }

  return (
    <section aria-label="New IOCs" class="new-iocs">
      <label for="paste">
        Values or text (commas, spaces, new lines, or a pasted report; defanged forms are fine)
      </label>
      <textarea
        id="paste"
        rows={6}
        value={text}
        onInput={(event) => {
          setOverrides(new Map());
          setText(event.currentTarget.value);
        }}
      />
      <label for="csv">Or import a CSV (columns value, type, name, description, validUntil, score)</label>
      <input
        id="csv"
        type="file"
        accept=".csv,text/csv"
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          event.currentTarget.value = '';
          if (file) void importCsv(file);
        }}
      />
      {capNote && (
        <p role="note" aria-label="Review cap" class="status-warn" data-tone="warn">
          {capNote}
        </p>
      )}
      <ReviewTable
        rows={rows}
        outcomes={outcomes}
        now={now}
        actionsOf={actionsOf}
        onActions={(key, actions) => setChosen(new Map(chosen).set(key, actions))}
        onTick={(key, selected) => setRows(rows.map((row) => (row.key === key ? { ...row, selected } : row)))}
        onRetype={(key, type) => {
          // A new type has its own actions: back to its defaults.
          const next = new Map(chosen);
          next.delete(key);
          setChosen(next);
          setRows(retypeInReview(rows, key, type, existing, neverBlockList(neverBlock.current)));
        }}
      />
      {firewall === false && firewallReason && (
        <p class="hint">Block network is not offered: {firewallReason}</p>
      )}
      <IocFieldsForm fields={fields} onChange={setFields} tagPrefix={settings.connection?.tagPrefix ?? ''} />
      <div class="actions">
        <button
          type="button"
          class="primary"
          disabled={message?.kind === 'busy' || pending.length === 0}
          onClick={() => void submit()}
        >
          {hadRejections ? `Send the other ${pending.length}` : `Submit ${pending.length}`}
        </button>
      </div>
      <p
        role="status"
        aria-label="Submit status"
        class={message ? `status-${message.kind}` : undefined}
        data-tone={message ? toneOf('status', message.kind) : undefined}
      >
        {message?.text ?? ''}
      </p>
    </section>
  );
}

/** A CSV row's own name, description, validity or score over the form's, tagged and clamped alike. */
function withOverride(draft: IocDraft, override: RowOverride | undefined, tag: string, now: Date): IocDraft {
  if (!override) return draft;
  return {
    ...draft,
    ...(override.name ? { name: applyTag(tag, override.name) } : {}),
    ...(override.description ? { description: applyTag(tag, override.description) } : {}),
    ...(override.score === undefined ? {} : { originalRiskScore: override.score }),
    ...(override.validUntil ? { validUntil: clampValidUntil(draft.type, override.validUntil, now) } : {}),
  };
}
