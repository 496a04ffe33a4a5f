/**
 * IOCs from a CSV file, for the same review as pasted text. A header row is required; the columns
 * value, type, name, description, validUntil, score, externalId and the context fields under their
 * API names (severity, labels, category, threatActors, malwareNames, campaignNames, intrusionSets,
 * mitreTactic, reference) are read (names case-insensitive, any order) and every other column is
 * ignored, so the extension's own export (export.ts) imports unchanged. A list cell holds its items
 * joined by "; ". A bad line is skipped with an error naming its line in the file (a quoted cell may
 * span lines).
 */
import Papa from 'papaparse';
import { IOC_TYPES, type IocDraft, type IocType } from '../s1/schemas';
import { RICH_LIST_KEYS, type RichListKey } from './rich-fields';

export interface CsvIocRow extends Partial<Pick<IocDraft, RichListKey | 'severity' | 'externalId'>> {
  value: string;
  type?: IocType;
  name?: string;
  description?: string;
  /** UTC ISO-8601 with `Z`. */
  validUntil?: string;
  score?: number;
}

/** A column by its lower-cased name; the list fields by theirs (`threatactors` → threatActors). */
const LIST_COLUMNS = new Map<string, RichListKey>(RICH_LIST_KEYS.map((key) => [key.toLowerCase(), key]));
const COLUMNS = [
  'value',
  'type',
  'name',
  'description',
  'validuntil',
  'score',
  'severity',
  'externalid',
  ...LIST_COLUMNS.keys(),
] as const;
type Column = string;

/** A list cell's items: split on `;` (the export joins them with "; "), trimmed, empties dropped. */
const listOf = (cell: string): string[] =>
  cell
    .split(';')
    .map((item) => item.trim())
    .filter((item) => item !== '');

/** export.ts puts `'` before a cell that Excel would run as a formula; the import takes it off again. */
const ESCAPED_FORMULA = /^'(?=[=+\-@\t\r])/;
/**
 * A date and time without a zone: read as UTC, as the console does
 * (docs/sentinelone-api.md#validuntil-defaults-and-clamping), not as local time.
 */
const ZONELESS = /^\d{4}-\d\d-\d\d[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?$/;

function toUtcIso(text: string): string | null {
  const withZone = ZONELESS.test(text) ? `${text.replace(' ', 'T')}Z` : text;
  // Date.parse reads at most milliseconds; the console's microseconds (`.062976Z`) are cut to them.
  const ms = Date.parse(withZone.replace(/(\.\d{3})\d+/, '$1'));
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

function readRow(cells: Partial<Record<Column, string>>): CsvIocRow | string {
  const value = cells.value ?? '';
  if (value === '') return 'no value';
  const row: CsvIocRow = { value };
  if (cells.type) {
    const type = cells.type.toUpperCase();
    if (!(IOC_TYPES as readonly string[]).includes(type)) {
      return `unknown type "${cells.type}" (expected ${IOC_TYPES.join(', ')})`;
    }
    row.type = type as IocType;
  }
  if (cells.name) row.name = cells.name;
  if (cells.description) row.description = cells.description;
  if (cells.validuntil) {
    const iso = toUtcIso(cells.validuntil);
    if (iso === null) return `validUntil "${cells.validuntil}" is not a date`;
    row.validUntil = iso;
  }
  if (cells.score) {
    const score = Number(cells.score);
    if (!/^\d+$/.test(cells.score) || score > 100) {
      return `score "${cells.score}" is not a whole number from 0 to 100`;
    }
    row.score = score;
  }
  if (cells.severity) {
    // The number, or the number as the pages say it ("4 (High)", rich-fields.ts severityText).
    const severity = /^([0-7])(?:\s*\([^)]*\))?$/.exec(cells.severity);
    if (!severity) return `severity "${cells.severity}" is not a whole number from 0 to 7`;
    row.severity = Number(severity[1]);
  }
  if (cells.externalid) row.externalId = cells.externalid;
  for (const [column, key] of LIST_COLUMNS) {
    const list = listOf(cells[column] ?? '');
    if (list.length > 0) row[key] = list;
  }
  return row;
}

/**
 * `,` unless the header line has more `;` or tabs (Excel writes `;` in locales with a decimal comma).
 * papaparse's own guess needs several rows and falls back to `,` for a short file.
 */
function headerDelimiter(text: string): string {
  const header = text.slice(0, text.search(/\r?\n|$/));
  const counts = [',', ';', '\t'].map((d) => [d, header.split(d).length] as const);
  return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

/** The IOC rows of CSV `text` and one error per line that could not be read, naming the line number. */
export function parseIocCsv(text: string): { rows: CsvIocRow[]; errors: string[] } {
  const rows: CsvIocRow[] = [];
  const errors: string[] = [];
  const source = text.replace(/^\uFEFF/, '');
  let columns: Map<number, Column> | null = null;
  let offset = 0;
  let line = 1;
  Papa.parse<string[]>(source, {
    delimiter: headerDelimiter(source),
    step: (result, parser) => {
      const startLine = line;
      const end = result.meta.cursor;
      for (let i = offset; i < end; i++) if (source.charCodeAt(i) === 10) line++;
      offset = end;
      const cells = result.data.map((cell) => cell.trim().replace(ESCAPED_FORMULA, ''));
      if (cells.every((cell) => cell === '')) return;
      const quoteError = result.errors.find((error) => error.type === 'Quotes');
      if (quoteError) {
        errors.push(`line ${startLine}: a quoted cell is not closed`);
        return;
      }
      if (columns === null) {
        columns = new Map();
        cells.forEach((cell, index) => {
          const column = COLUMNS.find((name) => name === cell.toLowerCase());
          // A repeated column name: the first one counts.
          if (column && !columns?.has(index) && ![...(columns?.values() ?? [])].includes(column)) {
            columns?.set(index, column);
          }
        });
        if (![...columns.values()].includes('value')) {
          errors.push(`line ${startLine}: the header row has no "value" column`);
          parser.abort();
        }
        return;
      }
      const named: Partial<Record<Column, string>> = {};
      for (const [index, column] of columns) named[column] = cells[index] ?? '';
      const row = readRow(named);
      if (typeof row === 'string') errors.push(`line ${startLine}: ${row}`);
      else rows.push(row);
    },
  });
  if (columns === null && errors.length === 0) errors.push('the file is empty');
  return { rows, errors };
}
