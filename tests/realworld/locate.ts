/**
 * Where a value appears in the report, so a ticked non-IOC can be read in its context (a detection
 * name in a table, a link in a reference list). The report is searched refanged and case-folded,
 * as the extractor reads it, so a defanged `evil[.]com` is found from the row's `evil.com`.
 */
import { refang } from '../../lib/iocs/refang';
import type { IocType } from '../../lib/s1/schemas';

export interface Located {
  /** 1-based line number; 0 when the value was not found. */
  line: number;
  /** The line (refanged) around the value, at most `width` characters. */
  text: string;
}

export interface ReportLines {
  /** Each line refanged and lower-cased. */
  folded: string[];
  /** Each line refanged, case kept. */
  refanged: string[];
}

export function reportLines(text: string): ReportLines {
  const refanged = text.split('\n').map((line) => refang(line.replace(/\r$/, '')));
  return { refanged, folded: refanged.map((line) => line.toLowerCase()) };
}

/** What to search for: the value, and for a URL also without the `/` the normal form added and without its scheme. */
function needles(type: IocType, value: string): string[] {
  const folded = value.toLowerCase();
  if (type !== 'URL') return [folded];
  const bare = folded.replace(/\/$/, '');
  const schemeless = bare.replace(/^[a-z][a-z0-9+.-]*:\/\//, '');
  return [folded, bare, schemeless].filter((needle) => needle !== '');
}

/** `line` cut to `width` characters around [start, end), with `…` where it was cut. */
export function shorten(line: string, start: number, end: number, width = 140): string {
  const trimmed = line.trim();
  const offset = line.indexOf(trimmed);
  if (trimmed.length <= width) return trimmed;
  const s = Math.max(0, start - offset);
  const e = Math.min(trimmed.length, end - offset);
  const room = Math.max(0, width - (e - s));
  let from = Math.max(0, s - Math.floor(room / 2));
  const to = Math.min(trimmed.length, from + Math.max(width, e - s));
  from = Math.max(0, to - Math.max(width, e - s));
  return `${from > 0 ? '…' : ''}${trimmed.slice(from, to)}${to < trimmed.length ? '…' : ''}`;
}

/** The first line holding `value` (or its URL variants); `{ line: 0 }` when none does. */
export function locate(lines: ReportLines, type: IocType, value: string, width = 140): Located {
  for (const needle of needles(type, value)) {
    for (let i = 0; i < lines.folded.length; i++) {
      const at = lines.folded[i]?.indexOf(needle) ?? -1;
      if (at === -1) continue;
      return { line: i + 1, text: shorten(lines.refanged[i] ?? '', at, at + needle.length, width) };
    }
  }
  return { line: 0, text: '' };
}
