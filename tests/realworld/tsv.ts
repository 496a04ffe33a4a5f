/**
 * The corpus's TSV files (truth.tsv, excluded.tsv): UTF-8, tab-separated, one item per line, one
 * header line starting with `#`. Parsing is strict about the type column, since a typo there would
 * silently turn a ground-truth item into one no row can ever match.
 */
import type { IocType } from '../../lib/s1/schemas';

export interface TruthItem {
  type: IocType;
  value: string;
  source: string;
}

/** Excluded items may carry other types than truth (a MISP `LINK`); a LINK is read as a URL. */
export interface ExcludedItem extends TruthItem {
  why: string;
}

const TYPES: ReadonlySet<string> = new Set(['MD5', 'SHA1', 'SHA256', 'IPV4', 'IPV6', 'DNS', 'URL']);

/** The cells of each data line; header (`#`) and blank lines skipped, a trailing CR dropped. */
export function tsvLines(text: string): { line: number; cells: string[] }[] {
  const out: { line: number; cells: string[] }[] = [];
  text
    .replace(/^\uFEFF/, '')
    .split('\n')
    .forEach((raw, index) => {
      const line = raw.replace(/\r$/, '');
      if (line.trim() === '' || line.startsWith('#')) return;
      out.push({ line: index + 1, cells: line.split('\t') });
    });
  return out;
}

/** Types an excluded item may have beyond the IOC types, and the IOC type a row for it would have. */
const EXCLUDED_ALIASES: Readonly<Record<string, IocType>> = { LINK: 'URL' };

function item(cells: string[], line: number, file: string, aliases: Record<string, IocType> = {}): TruthItem {
  const [written = '', value = '', source = ''] = cells;
  const type = aliases[written] ?? written;
  if (!TYPES.has(type)) throw new Error(`${file} line ${line}: unknown type "${written}"`);
  if (value.trim() === '') throw new Error(`${file} line ${line}: empty value`);
  return { type: type as IocType, value: value.trim(), source };
}

/** truth.tsv: `type`, `value`, `source`. Throws on an unknown type or an empty value (with the line). */
export function parseTruth(text: string, file = 'truth.tsv'): TruthItem[] {
  return tsvLines(text).map(({ line, cells }) => item(cells, line, file));
}

/** excluded.tsv: as truth.tsv plus `why it is not ground truth`. */
export function parseExcluded(text: string, file = 'excluded.tsv'): ExcludedItem[] {
  return tsvLines(text).map(({ line, cells }) => ({
    ...item(cells, line, file, EXCLUDED_ALIASES),
    why: cells[3] ?? '',
  }));
}
