/**
 * One report's review rows scored against its ground truth (realworld README "Suggested
 * measurement"): recall counts a truth item found when a row of the same type and value exists,
 * whatever its status, since an invalid or warned row is still in front of the analyst; the
 * precision figure is the ticked rows (sendableRows) that are not truth, because those go out on
 * one click of Submit. Pure: the rows come in, figures come out.
 */
import { type ReviewRow, sendableRows } from '../../lib/iocs/review';
import { WARNING_TEXT } from '../../lib/iocs/warnings';
import type { IocType } from '../../lib/s1/schemas';
import { guessKind, type Kind } from './kinds';
import { locate, type ReportLines } from './locate';
import { itemKey, normalise, urlHost } from './normalise';
import type { ExcludedItem, TruthItem } from './tsv';

export type MissReason = 'silent drop' | 'wrong type' | 'wrong value' | 'invalid' | 'found, not ticked';

export interface Miss {
  type: IocType;
  value: string;
  reason: MissReason;
  /** The invalid row's reason, the warnings of an unticked row, the nearest row of a wrong value or type. */
  detail: string;
}

export interface TickedExtra {
  type: IocType;
  value: string;
  line: number;
  text: string;
  kind: Kind;
  /** Why excluded.tsv leaves it out, when it is listed there. */
  excluded?: string;
}

export interface WrongType {
  type: IocType;
  value: string;
  /** The type and value of the row that carries it. */
  asType: IocType;
  asValue: string;
}

export interface ReportScore {
  id: string;
  truth: number;
  /** Truth items with a row of the same type and value, any status. */
  found: number;
  rows: number;
  /** Rows valid or already in the console. */
  validRows: number;
  /** Rows that Submit would send. */
  tickedRows: number;
  tickedNotInTruth: TickedExtra[];
  /** Truth items that Submit would not send, with why; only silent drops, wrong types and wrong values cost recall. */
  misses: Miss[];
  wrongTypes: WrongType[];
  ms: number;
}

interface NormalRow {
  row: ReviewRow;
  value: string;
  ticked: boolean;
}

/** Case-folded, without scheme and trailing `/`: what a value looks like whatever type it was read as. */
const loose = (value: string) =>
  value
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .replace(/\/$/, '');

/** The best row for an item: ticked before valid before duplicate before invalid. */
function rank(row: NormalRow): number {
  if (row.ticked) return 0;
  if (row.row.status === 'valid' || row.row.status === 'existing') return 1;
  return row.row.status === 'duplicate' ? 2 : 3;
}

function notTickedDetail(row: ReviewRow): string {
  const parts = row.warnings.map((warning) => WARNING_TEXT[warning]);
  if (row.suggestionOf === 'url-host') parts.push("offered as a URL's host (suggestion)");
  if (row.suggestionOf === 'email-domain') parts.push("offered as an e-mail's domain (suggestion)");
  if (row.status === 'duplicate') parts.push(row.reason ?? 'duplicate');
  return parts.join('; ') || 'unticked';
}

function missOf(item: TruthItem, value: string, rows: readonly NormalRow[]): Miss | WrongType | null {
  const same = rows
    .filter((r) => r.row.type === item.type && r.value === value)
    .sort((a, b) => rank(a) - rank(b));
  const best = same[0];
  if (best?.ticked) return null;
  const base = { type: item.type, value };
  if (best?.row.status === 'invalid') return { ...base, reason: 'invalid', detail: best.row.reason ?? '' };
  if (best) return { ...base, reason: 'found, not ticked', detail: notTickedDetail(best.row) };
  const other = rows.find(
    (r) =>
      r.row.type !== item.type &&
      (loose(r.value) === loose(value) || (r.row.type === 'URL' && urlHost(r.value) === value)),
  );
  if (other) return { ...base, asType: other.row.type, asValue: other.value };
  const near = rows.find(
    (r) =>
      r.row.type === item.type &&
      Math.min(r.value.length, value.length) >= 8 &&
      (r.value.includes(value) || value.includes(r.value)),
  );
  if (near)
    return { ...base, reason: 'wrong value', detail: `nearest row: ${near.value} (${near.row.status})` };
  return { ...base, reason: 'silent drop', detail: 'no row at all' };
}

export function scoreReport(
  id: string,
  truthItems: readonly TruthItem[],
  excludedItems: readonly ExcludedItem[],
  rows: readonly ReviewRow[],
  lines: ReportLines,
  ms: number,
): ReportScore {
  const sendable = new Set(sendableRows(rows));
  const normal: NormalRow[] = rows.map((row) => ({
    row,
    value: normalise(row.type, row.value),
    ticked: sendable.has(row),
  }));
  const truth = new Map(truthItems.map((t) => [itemKey(t.type, normalise(t.type, t.value)), t]));
  const excluded = new Map(excludedItems.map((e) => [itemKey(e.type, normalise(e.type, e.value)), e.why]));
  const rowKeys = new Set(normal.map((r) => itemKey(r.row.type, r.value)));

  const misses: Miss[] = [];
  const wrongTypes: WrongType[] = [];
  let found = 0;
  for (const [key, item] of truth) {
    if (rowKeys.has(key)) found++;
    const miss = missOf(item, key.slice(key.indexOf('|') + 1), normal);
    if (miss === null) continue;
    if ('asType' in miss) {
      wrongTypes.push(miss);
      misses.push({ ...miss, reason: 'wrong type', detail: `read as ${miss.asType} ${miss.asValue}` });
    } else misses.push(miss);
  }

  const tickedNotInTruth = normal
    .filter((r) => r.ticked && !truth.has(itemKey(r.row.type, r.value)))
    .map((r): TickedExtra => {
      const where = locate(lines, r.row.type, r.value);
      const why = excluded.get(itemKey(r.row.type, r.value));
      const kind = guessKind({ type: r.row.type, value: r.value, line: where.text, excluded: why }, truth);
      return {
        type: r.row.type,
        value: r.value,
        ...where,
        kind,
        ...(why === undefined ? {} : { excluded: why }),
      };
    });

  return {
    id,
    truth: truth.size,
    found,
    rows: rows.length,
    validRows: rows.filter((r) => r.status === 'valid' || r.status === 'existing').length,
    tickedRows: sendable.size,
    tickedNotInTruth,
    misses,
    wrongTypes,
    ms,
  };
}
