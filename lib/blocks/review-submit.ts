/**
 * What the New IOCs review sends when the analyst presses Submit, and what it then says: the ticked
 * rows as requests (an imported row's own values over the form's) and the sentence of the status line. The
 * outcomes of each press, per row and per target profile, are multi-target.ts's.
 */
import type { CsvIocRow } from '../iocs/csv-import';
import { applyTag, type DraftSettings, type IocFields, toDrafts } from '../iocs/drafts';
import { clampValidUntil } from '../iocs/renew';
import type { ReviewRow } from '../iocs/review';
import { RICH_LIST_KEYS, type RichKey } from '../iocs/rich-fields';
import type { IocDraft } from '../s1/schemas';
import { pluralize } from '../text/pluralize';
import type { ActionsReport, RowActionRequest } from './actions';
import { summarizeActions } from './outcome-text';
import { actionRequest, type RowActions } from './review-actions';
import { needsAttention } from './row-reports';

/** The context a row brings of its own (rich-fields.ts), from a CSV's columns or a STIX or MISP file. */
export type RowContext = Partial<Pick<IocDraft, RichKey | 'externalId'>>;

/** Per-row values from an imported file, which override the form's fields for that row. */
export interface RowOverride extends RowContext {
  name?: string;
  description?: string;
  validUntil?: string;
  score?: number;
}

/**
 * The context fields `override` sets: a severity, the lists that hold something (an empty list says
 * nothing, so the form's stays), an external ID unless the row updates an IOC the console holds,
 * whose own external ID the upsert matches on (drafts.ts).
 */
function contextOf(override: RowOverride, updatesExisting: boolean): RowContext {
  const context: RowContext = {};
  if (override.severity !== undefined) context.severity = override.severity;
  for (const key of RICH_LIST_KEYS) {
    const list = override[key];
    if (list && list.length > 0) context[key] = list;
  }
  if (override.externalId && !updatesExisting) context.externalId = override.externalId;
  return context;
}

/** A line of the status: its tone's state and its words. */
export interface SubmitNote {
  kind: 'ok' | 'warn' | 'error';
  text: string;
}

/** A review row's key and what it sends. */
export interface KeyedRequest {
  key: string;
  request: RowActionRequest;
}

/**
 * A file row's own name, description, validity, score and context over the form's, tagged and
 * clamped alike. `updatesExisting`: the row is an IOC the console holds, which keeps its external ID.
 */
export function withOverride(
  draft: IocDraft,
  override: RowOverride | undefined,
  tag: string,
  now: Date,
  updatesExisting = false,
): IocDraft {
  if (!override) return draft;
  return {
    ...draft,
    ...contextOf(override, updatesExisting),
    ...(override.name ? { name: applyTag(tag, override.name) } : {}),
    ...(override.description ? { description: applyTag(tag, override.description) } : {}),
    ...(override.score === undefined ? {} : { originalRiskScore: override.score }),
    ...(override.validUntil ? { validUntil: clampValidUntil(draft.type, override.validUntil, now) } : {}),
  };
}

/** Each CSV row's own values, under the key of the review row it became (the review keeps the file's order). */
export function csvOverrides(
  review: readonly ReviewRow[],
  rows: readonly CsvIocRow[],
): Map<string, RowOverride> {
  const overrides = new Map<string, RowOverride>();
  review.forEach((row, i) => {
    const source = rows[i];
    if (!source) return;
    const { value: _value, type: _type, ...own } = source;
    overrides.set(row.key, own);
  });
  return overrides;
}

/** What a CSV import says: how many rows it brought to the review, and the first lines it skipped. */
export function csvImportNote(fileName: string, reviewed: number, errors: readonly string[]): SubmitNote {
  const skipped = errors.slice(0, 3).join('; ');
  if (reviewed === 0 && errors.length > 0) return { kind: 'error', text: `${fileName}: ${skipped}` };
  return {
    kind: errors.length > 0 ? 'warn' : 'ok',
    text: `${fileName}: ${pluralize(reviewed, 'row')} to review.${errors.length > 0 ? ` Skipped: ${skipped}` : ''}`,
  };
}

export interface SubmitContext extends DraftSettings {
  fields: IocFields;
  overrides: ReadonlyMap<string, RowOverride>;
  /** What each row still has to do (its chosen actions less those already through). */
  toDo(row: ReviewRow): RowActions;
}

/** The requests for the rows to send, each keyed by its row; a row left with nothing to do sends nothing. */
export function reviewRequests(
  rows: readonly ReviewRow[],
  context: SubmitContext,
  sentAt: Date,
): KeyedRequest[] {
  const { fields, overrides, tagPrefix, validityDays, toDo } = context;
  const drafts = toDrafts(rows, fields, { tagPrefix, validityDays }, sentAt).map((draft, i) =>
    withOverride(
      draft,
      overrides.get(rows[i]?.key ?? ''),
      tagPrefix,
      sentAt,
      rows[i]?.existing !== undefined,
    ),
  );
  return rows.flatMap((row, i) => {
    const draft = drafts[i];
    const request = draft ? actionRequest(draft, toDo(row)) : null;
    return request ? [{ key: row.key, request }] : [];
  });
}

/** The status after a press: the summary per action and the notes; a warning unless all went through. */
export function submitNote(requests: readonly KeyedRequest[], report: ActionsReport): SubmitNote {
  const summary = summarizeActions(
    requests.map((r) => r.request),
    report.rows,
  );
  const notes = report.notes.join(' ');
  const allThrough = report.rows.every((row, i) => !needsAttention(requests[i]?.request, row));
  return { kind: allThrough && !notes ? 'ok' : 'warn', text: `${summary}${notes ? ` ${notes}` : ''}` };
}
