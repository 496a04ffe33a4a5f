/**
 * A file (or a paste) as the New IOCs review's input: a CSV, a STIX 2.1 bundle or a MISP event
 * export becomes candidates, each row's own values and the status line's sentence; a file that could
 * not be read becomes only the sentence saying where it broke, so the review is not replaced by half
 * a file. A paste that is neither STIX nor MISP is left to the text extraction.
 */
import { formatName, readIntelFile } from '../formats/intel-file';
import { classifyValue } from '../iocs/classify';
import { parseIocCsv } from '../iocs/csv-import';
import type { ReviewCandidate, ReviewRow } from '../iocs/review';
import { capReview } from '../iocs/review-cap';
import { intelCandidates, intelErrorNote, intelImportNote, intelOverrides } from './intel-review';
import { csvImportNote, csvOverrides, type RowOverride, type SubmitNote } from './review-submit';

export type ReviewInput =
  | {
      kind: 'rows';
      candidates: ReviewCandidate[];
      /** Each row's own values, keyed by the review rows built from `candidates`. */
      overrides(review: readonly ReviewRow[]): Map<string, RowOverride>;
      note: SubmitNote;
      /** What the review says when the file held more rows than it shows (review-cap.ts). */
      capNote: string | null;
    }
  | { kind: 'refused'; note: SubmitNote }
  | { kind: 'text' };

/** Only text that opens like JSON is tried as a file: parsing every pasted report would be wasted work. */
const LOOKS_LIKE_JSON = /^\uFEFF?\s*[[{]/;
const REST = 'import the rest';

function csvInput(text: string, name: string): ReviewInput {
  const parsed = parseIocCsv(text);
  if (parsed.errors.length > 0 && parsed.rows.length === 0)
    return { kind: 'refused', note: csvImportNote(name, 0, parsed.errors) };
  const capped = capReview(parsed.rows, REST);
  return {
    kind: 'rows',
    candidates: capped.items.map((row) => ({
      value: row.value,
      type: row.type ?? classifyValue(row.value) ?? 'DNS',
    })),
    overrides: (review) => csvOverrides(review, capped.items),
    note: csvImportNote(name, capped.items.length, parsed.errors),
    capNote: capped.note,
  };
}

/** `text` as the review's input; `name` is the file's, null for a paste. */
export function reviewInputOf(text: string, name: string | null, now: Date): ReviewInput {
  if (name === null && !LOOKS_LIKE_JSON.test(text)) return { kind: 'text' };
  const read = readIntelFile(text, name, now);
  const source = name ?? 'Pasted text';
  if (read.format === 'csv') return csvInput(text, source);
  if (read.format === null)
    return name === null ? { kind: 'text' } : { kind: 'refused', note: intelErrorNote(source, read.errors) };
  if (!read.result.ok) return { kind: 'refused', note: intelErrorNote(source, read.result.errors) };
  const capped = capReview(read.result.rows, REST);
  return {
    kind: 'rows',
    candidates: intelCandidates(capped.items),
    overrides: (review) => intelOverrides(review, capped.items),
    note: intelImportNote(source, formatName(read.format, read.result.title), capped.items),
    capNote: capped.note,
  };
}
