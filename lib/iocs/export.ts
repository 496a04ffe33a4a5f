/**
 * Export of the filtered or selected IOCs as CSV (for analysts, opened in Excel) or JSON (for tools,
 * the IOCs exactly as the console returned them, context fields included). STIX: export-file.ts.
 */
import Papa from 'papaparse';
import type { Ioc } from '../s1/schemas';
import { RICH_LIST_KEYS } from './rich-fields';

/** CSV columns, in order. */
export const CSV_COLUMNS = [
  'uuid',
  'value',
  'type',
  'name',
  'description',
  'creator',
  'source',
  'externalId',
  'validUntil',
  'creationTime',
  'uploadTime',
  'updatedAt',
  'batchId',
  'scope',
  'scopeId',
  'method',
  'metadata',
  // The context fields (rich-fields.ts), named as the API names them, after the columns older
  // exports had, so that a sheet built on those still finds them where they were.
  'severity',
  'labels',
  'category',
  'threatActors',
  'malwareNames',
  'campaignNames',
  'intrusionSets',
  'mitreTactic',
  'reference',
] as const satisfies readonly (keyof Ioc)[];

/** Held in a context list cell between items; the CSV import splits on it (and on commas). */
export const CSV_LIST_SEPARATOR = '; ';

const LIST_COLUMNS: ReadonlySet<string> = new Set(RICH_LIST_KEYS);

/**
 * CSV formula injection (OWASP): Excel runs a cell that starts with `=`, `+`, `-` or `@` (and, after
 * trimming, a tab or CR) as a formula. Names and descriptions come from the API and can be written
 * by whoever feeds the threat-intel source, so such a cell gets a leading `'`, which Excel shows as
 * text. The rule applies to every cell alike, IOC values included: a valid IOC value never starts
 * with one of these characters, so uniform is simpler and no weaker. papaparse's own
 * `escapeFormulae: true` uses `/^[=+\-@\t\r].*$/`, which misses a formula followed by a line break
 * (`.` stops at `\n`), hence this unanchored-at-the-end regex.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

function cell(value: unknown, column: string): string {
  if (value == null) return '';
  // A name may hold a comma ("Sofacy, Fancy Bear" as one alias): items are kept apart by "; ".
  if (Array.isArray(value) && LIST_COLUMNS.has(column)) return value.join(CSV_LIST_SEPARATOR);
  // scopeId may be a list in some console versions (docs/sentinelone-api.md#the-ioc-object); the API
  // takes ids comma-joined.
  if (Array.isArray(value)) return value.join(',');
  return String(value);
}

/**
 * RFC 4180 CSV (header row, every record ended by CRLF, quotes doubled) of `iocs`; nulls are empty
 * cells. `tenants`, across profiles: the tenant of each IOC, by position, as a first `tenant` column.
 */
export function iocsToCsv(iocs: readonly Ioc[], tenants?: readonly string[]): string {
  const rows = iocs.map((ioc) => CSV_COLUMNS.map((column) => cell(ioc[column], column)));
  const csv = Papa.unparse(
    tenants
      ? { fields: ['tenant', ...CSV_COLUMNS], data: rows.map((row, i) => [tenants[i] ?? '', ...row]) }
      : { fields: [...CSV_COLUMNS], data: rows },
    { newline: '\r\n', escapeFormulae: FORMULA_START },
  );
  // papaparse ends the text with a line break only when there are no rows; always end with one, as
  // RFC 4180 allows, so the file is the same shape whatever the count. A final unquoted cell cannot
  // contain CRLF, so this never doubles one.
  return csv.endsWith('\r\n') ? csv : `${csv}\r\n`;
}

/**
 * Pretty-printed JSON array of `iocs` with every field the API returned; across profiles each object
 * starts with its `tenant` (the profile's label: a field of the console's own by that name is
 * replaced, so the file never says another tenant than the row's).
 */
export function iocsToJson(iocs: readonly Ioc[], tenants?: readonly string[]): string {
  if (!tenants) return JSON.stringify(iocs, null, 2);
  return JSON.stringify(
    iocs.map((ioc, i) => {
      // Key order: the tenant first; value: ours, over any `tenant` of the IOC's.
      const row: Record<string, unknown> = { tenant: '', ...ioc };
      row.tenant = tenants[i] ?? '';
      return row;
    }),
    null,
    2,
  );
}

/** `s1-iocs-2026-11-27T1200Z-2345.csv`: UTC time to the minute and the row count; safe on every OS. */
export function exportFileName(kind: 'csv' | 'json', now: Date, count: number): string {
  // No `:` (illegal on Windows, shown as `/` on macOS), hence `T1200Z` rather than ISO's `T12:00Z`.
  const time = Number.isNaN(now.getTime())
    ? 'undated'
    : now.toISOString().slice(0, 16).replace(':', '').concat('Z');
  const rows = Number.isFinite(count) ? Math.max(0, Math.trunc(count)) : 0;
  return `s1-iocs-${time}-${rows}.${kind}`;
}
