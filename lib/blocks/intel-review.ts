/**
 * A threat-intel file's rows (formats/intel-row.ts) as the New IOCs review takes them: one candidate
 * per row, in the file's order, and each row's own context as the override of the review row it
 * became, so a row's threat actor, malware, labels or severity go into its IOC over the form's.
 */
import type { IntelFileError, IntelRow } from '../formats/intel-row';
import { guessType } from '../iocs/classify';
import { refang } from '../iocs/refang';
import type { ReviewCandidate, ReviewRow } from '../iocs/review';
import { RICH_FIELDS, RICH_LIST_KEYS, richFieldText } from '../iocs/rich-fields';
import { pluralize } from '../text/pluralize';
import type { RowOverride, SubmitNote } from './review-submit';

/**
 * The review's candidates: values refanged (the review validates and normalizes them), rows the file
 * cannot import kept as they are with their reason, rows the file did not mark for detection unticked.
 */
export function intelCandidates(rows: readonly IntelRow[]): ReviewCandidate[] {
  return rows.map((row) => {
    const value = row.notImportable === undefined ? refang(row.value.trim()) : row.value;
    return {
      value,
      type: row.type ?? guessType(value),
      origin: row.origin,
      ...(row.pattern ? { pattern: row.pattern } : {}),
      ...(row.notImportable === undefined ? {} : { notImportable: row.notImportable }),
      ...(row.ticked ? {} : { unticked: true }),
    };
  });
}

/** A row's own values, as an override of the form's; what the file did not say is left out. */
export function intelOverride(row: IntelRow): RowOverride {
  const override: RowOverride = {};
  if (row.name) override.name = row.name;
  if (row.description) override.description = row.description;
  if (row.validUntil) override.validUntil = row.validUntil;
  if (row.severity !== undefined) override.severity = row.severity;
  if (row.externalId) override.externalId = row.externalId;
  for (const key of RICH_LIST_KEYS) {
    const list = row[key];
    if (list && list.length > 0) override[key] = list;
  }
  return override;
}

/** Each file row's override under the key of the review row it became (the review keeps the file's order). */
export function intelOverrides(
  review: readonly ReviewRow[],
  rows: readonly IntelRow[],
): Map<string, RowOverride> {
  const overrides = new Map<string, RowOverride>();
  review.forEach((reviewRow, i) => {
    const row = rows[i];
    if (row) overrides.set(reviewRow.key, intelOverride(row));
  });
  return overrides;
}

/** "bundle.json: STIX 2.1 bundle, 12 rows to review (2 not importable)." */
export function intelImportNote(source: string, formatName: string, rows: readonly IntelRow[]): SubmitNote {
  const notImportable = rows.filter((row) => row.notImportable !== undefined).length;
  const unticked = rows.filter((row) => !row.ticked && row.notImportable === undefined).length;
  const parts = [
    ...(notImportable > 0 ? [`${notImportable} not importable`] : []),
    ...(unticked > 0 ? [`${unticked} left unticked as the file marks them not for detection`] : []),
  ];
  const more = parts.length > 0 ? ` (${parts.join(', ')})` : '';
  return {
    kind: notImportable > 0 ? 'warn' : 'ok',
    text: `${source}: ${formatName}, ${pluralize(rows.length, 'row')} to review${more}.`,
  };
}

/** A file that could not be read: where it broke, the first three places, and that nothing changed. */
export function intelErrorNote(source: string, errors: readonly IntelFileError[]): SubmitNote {
  const places = errors
    .slice(0, 3)
    .map((error) => `${error.where}: ${error.message}`)
    .join('; ');
  const more = errors.length > 3 ? ` (and ${pluralize(errors.length - 3, 'more problem')})` : '';
  return { kind: 'error', text: `${source} was not imported, nothing changed. ${places}${more}` };
}

/** A row's own context in one line for the review ("Threat actors: APT28 · Severity: 4 (High)"); '' when none. */
export function contextText(override: RowOverride | undefined): string {
  if (!override) return '';
  return RICH_FIELDS.flatMap(({ key, label }) => {
    const text = richFieldText(override, key);
    return text ? [`${label}: ${text}`] : [];
  }).join(' · ');
}
