/**
 * The review table shown before anything is sent: one row per candidate, in input order, with its
 * status. Invalid and duplicate rows are never sent; valid and existing rows are ticked by default
 * unless they carry a warning or are only a suggestion (a URL's host, an e-mail's domain).
 */

import type { Ioc, IocType } from '../s1/schemas';
import type { ExistingIdentity } from './drafts';
import type { Candidate } from './extract';
import { type NeverBlockEntry, neverBlockMatch } from './never-block';
import { type IocWarning, validateIoc } from './validate';

export type { IocWarning };

/** `not-importable`: a file's row SentinelOne has no IOC for (a compound STIX pattern): shown, never sent. */
export type ReviewStatus = 'valid' | 'invalid' | 'duplicate' | 'existing' | 'not-importable';

/** A candidate from a threat-intel file (intel-review.ts), which says more about the row than text does. */
export interface ReviewCandidate extends Candidate {
  /** Where in the file it comes from (`indicator--…`, `attribute 12 of event "…"`). */
  origin?: string;
  /** The STIX pattern it was read from. */
  pattern?: string;
  /** Why it cannot become an IOC: the row is shown as not importable, never ticked, never sent. */
  notImportable?: string;
  /** The file said not to detect on it (MISP `to_ids: false`): offered unticked. */
  unticked?: boolean;
}

export interface ReviewRow {
  /** Unique within one review and kept by retypeRow. */
  key: string;
  /** The normal form (validate.ts) when valid, else the value as given. */
  value: string;
  type: IocType;
  detectedType: IocType;
  status: ReviewStatus;
  /** Why the row is invalid, or which row it duplicates. */
  reason?: string;
  warnings: IocWarning[];
  /** The IOC it matches; its value as held, source and external ID are what the console's upsert matches on. */
  existing?: ExistingIdentity & { uuid: string; validUntil: string | null };
  suggestion: boolean;
  /** What a suggestion was taken from. */
  suggestionOf?: 'url-host' | 'email-domain';
  /** A URL's host that names the whole URL: ticked by default, unless warned (extract.ts blockHost). */
  blockHost?: boolean;
  selected: boolean;
  /** The value as the candidate had it (CIDR suffix included), which retypeRow validates again. */
  input?: string;
  /** Warnings from the text around the value (context.ts), kept when the row is retyped. */
  contextWarnings?: IocWarning[];
  /** Where in an imported file the row comes from. */
  origin?: string;
  /** The STIX pattern the row was read from. */
  pattern?: string;
  /** The file said not to detect on it: unticked by default, also after a retype. */
  unticked?: boolean;
}

/** What a row keeps whatever its type: judge() works out the rest. */
type RowBase = Pick<
  ReviewRow,
  | 'key'
  | 'detectedType'
  | 'suggestion'
  | 'suggestionOf'
  | 'contextWarnings'
  | 'blockHost'
  | 'origin'
  | 'pattern'
  | 'unticked'
>;

export type FindExisting = (value: string, type: IocType) => Ioc | undefined;

/** Same type and value; values are already case-folded where the type ignores case (hashes, hosts). */
const identity = (row: Pick<ReviewRow, 'type' | 'value'>) => `${row.type}|${row.value}`;

/** One row for `input` under `type`, judged on its own (no duplicate check). */
function judge(
  base: RowBase,
  input: string,
  type: IocType,
  findExisting: FindExisting,
  neverBlock: readonly NeverBlockEntry[],
): ReviewRow {
  const validation = validateIoc(input, type);
  if (!validation.ok) {
    return {
      ...base,
      input,
      value: input,
      type,
      status: 'invalid',
      reason: validation.reason,
      warnings: [],
      selected: false,
    };
  }
  const found = findExisting(validation.value, type);
  const warnings = [...validation.warnings, ...(base.contextWarnings ?? [])];
  // Shown before sending, and never ticked: the worker would refuse it anyway (never-block-guard.ts).
  if (neverBlockMatch(validation.value, type, neverBlock)) warnings.push('never-block');
  const row: ReviewRow = {
    ...base,
    input,
    value: validation.value,
    type,
    status: found ? 'existing' : 'valid',
    warnings,
    selected: warnings.length === 0 && !base.unticked && (!base.suggestion || base.blockHost === true),
  };
  if (found)
    row.existing = {
      uuid: found.uuid,
      validUntil: found.validUntil ?? null,
      value: found.value,
      source: found.source,
      externalId: found.externalId ?? null,
    };
  return row;
}

/** A file's row that cannot become an IOC, with the file's reason; never selected. */
function notImportableRow(base: RowBase, value: string, type: IocType, reason: string): ReviewRow {
  return {
    ...base,
    value,
    input: value,
    type,
    status: 'not-importable',
    reason,
    warnings: [],
    selected: false,
  };
}

/** Marks every valid or existing row that repeats an earlier one as a duplicate (never selected). */
function markDuplicates(rows: readonly ReviewRow[]): ReviewRow[] {
  const firstRow = new Map<string, number>();
  return rows.map((row, index) => {
    if (row.status === 'invalid' || row.status === 'not-importable') return row;
    const id = identity(row);
    const first = firstRow.get(id);
    if (first === undefined) {
      firstRow.set(id, index);
      return row;
    }
    return { ...row, status: 'duplicate', reason: `same as row ${first + 1}`, selected: false };
  });
}

/** The review rows for `candidates`, in order, one per candidate; those on `neverBlock` warned. */
export function buildReview(
  candidates: readonly ReviewCandidate[],
  findExisting: FindExisting,
  neverBlock: readonly NeverBlockEntry[] = [],
): ReviewRow[] {
  const rows = candidates.map((candidate, index) => {
    const suggestionOf: ReviewRow['suggestionOf'] = candidate.fromUrlHost
      ? 'url-host'
      : candidate.fromEmail
        ? 'email-domain'
        : undefined;
    const base = {
      key: `row-${index}`,
      detectedType: candidate.type,
      suggestion: suggestionOf !== undefined,
      ...(suggestionOf ? { suggestionOf } : {}),
      ...(candidate.contextWarnings ? { contextWarnings: candidate.contextWarnings } : {}),
      ...(candidate.fromUrlHost && candidate.blockHost ? { blockHost: true } : {}),
      ...(candidate.origin ? { origin: candidate.origin } : {}),
      ...(candidate.pattern ? { pattern: candidate.pattern } : {}),
      ...(candidate.unticked ? { unticked: true } : {}),
    };
    if (candidate.notImportable !== undefined)
      return notImportableRow(base, candidate.value, candidate.type, candidate.notImportable);
    return judge(base, candidate.value, candidate.type, findExisting, neverBlock);
  });
  return markDuplicates(rows);
}

/** `row` judged again under an analyst-chosen `type` (duplicates need retypeInReview, which sees all rows). */
export function retypeRow(
  row: ReviewRow,
  type: IocType,
  findExisting: FindExisting,
  neverBlock: readonly NeverBlockEntry[] = [],
): ReviewRow {
  // What SentinelOne has no IOC for stays so under any type.
  if (row.status === 'not-importable') return row;
  const {
    key,
    detectedType,
    suggestion,
    suggestionOf,
    contextWarnings,
    blockHost,
    origin,
    pattern,
    unticked,
  } = row;
  const base = {
    key,
    detectedType,
    suggestion,
    ...(suggestionOf ? { suggestionOf } : {}),
    ...(contextWarnings ? { contextWarnings } : {}),
    ...(blockHost ? { blockHost } : {}),
    ...(origin ? { origin } : {}),
    ...(pattern ? { pattern } : {}),
    ...(unticked ? { unticked } : {}),
  };
  return judge(base, row.input ?? row.value, type, findExisting, neverBlock);
}

/**
 * `rows` with the row `key` retyped and duplicates marked afresh, since a new type can make a row
 * repeat another or stop repeating it. Other rows keep their ticks.
 */
export function retypeInReview(
  rows: readonly ReviewRow[],
  key: string,
  type: IocType,
  findExisting: FindExisting,
  neverBlock: readonly NeverBlockEntry[] = [],
): ReviewRow[] {
  // A former duplicate is judged again so it becomes valid when the row it repeated changed type.
  const judged = rows.map((row) =>
    row.key === key || row.status === 'duplicate'
      ? retypeRow(row, row.key === key ? type : row.type, findExisting, neverBlock)
      : row,
  );
  return markDuplicates(judged);
}

/** The rows to send: ticked and valid or existing; invalid, duplicate and not importable rows never, whatever their tick. */
export function sendableRows(rows: readonly ReviewRow[]): ReviewRow[] {
  return rows.filter((row) => row.selected && (row.status === 'valid' || row.status === 'existing'));
}

/**
 * The value as SentinelOne holds it when it is written otherwise than the row (`Example.COM` for
 * `example.com`), so the analyst sees what will be updated; null when the two read the same.
 */
export function heldAs(row: Pick<ReviewRow, 'value' | 'existing'>): string | null {
  const held = row.existing?.value;
  return held !== undefined && held !== row.value ? held : null;
}
