/**
 * Which format a file (or a paste) is, and its rows: a STIX 2.1 bundle or a MISP event export is read
 * by its importer (stix-import.ts, misp-import.ts), a CSV is left to csv-import.ts. The shape of the
 * JSON decides, not the file's name, since feeds name their files freely; the name only tells a CSV
 * from a file that must be JSON. A paste (no name) that is neither STIX nor MISP is not recognised,
 * so the caller reads it as plain text.
 */
import type { IntelFileError, IntelFileResult } from './intel-row';
import { parseJsonText } from './json-position';
import { importMispEvents } from './misp-import';
import { importStixBundle } from './stix-import';

export type IntelFileRead =
  | { format: 'stix' | 'misp'; result: IntelFileResult }
  | { format: 'csv' }
  /** Neither: why, for a file; a paste falls back to text. */
  | { format: null; errors: IntelFileError[] };

const NOT_INTEL: IntelFileError = {
  where: 'the file',
  message: 'is neither a STIX 2.1 bundle nor a MISP event export (JSON)',
};

const NOT_RECOGNISED: IntelFileError = {
  where: 'the file',
  message: 'is neither a CSV (.csv) nor a STIX 2.1 bundle or MISP event export (JSON)',
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A STIX object: a `type` and an id `type--…` (STIX 2.1 section 2.9, identifier). */
const isStixObject = (value: unknown): boolean =>
  isRecord(value) &&
  typeof value.type === 'string' &&
  typeof value.id === 'string' &&
  value.id.includes('--');

/** Which of the two formats a parsed JSON value has the shape of, or null. */
export function intelFormatOf(value: unknown): 'stix' | 'misp' | null {
  if (Array.isArray(value)) {
    const [first] = value;
    if (isRecord(first) && 'Event' in first) return 'misp';
    return isStixObject(first) ? 'stix' : null;
  }
  if (!isRecord(value)) return null;
  if ('Event' in value || Array.isArray(value.response)) return 'misp';
  // A bundle, a TAXII 2.1 envelope (`{"objects": […]}`) or one STIX object.
  if (value.type === 'bundle' || (value.type === undefined && Array.isArray(value.objects))) return 'stix';
  return isStixObject(value) ? 'stix' : null;
}

/**
 * The format of `text` and, for STIX or MISP, its rows or where it broke. `name` is the file's name,
 * null for a paste. A file named `.csv` is CSV; any other file must be STIX or MISP JSON.
 */
export function readIntelFile(text: string, name: string | null, now: Date): IntelFileRead {
  if (name !== null && /\.csv$/i.test(name)) return { format: 'csv' };
  const json = parseJsonText(text);
  // Where a broken JSON file broke, when it was meant to be JSON; otherwise it is no format of ours.
  const meantAsJson = (name !== null && /\.json$/i.test(name)) || /^\uFEFF?\s*[[{]/.test(text);
  if (!json.ok) return { format: null, errors: [meantAsJson ? json.error : NOT_RECOGNISED] };
  const format = intelFormatOf(json.value);
  if (format === null) return { format: null, errors: [NOT_INTEL] };
  const result = format === 'stix' ? importStixBundle(text, now) : importMispEvents(text, now);
  return { format, result };
}

/** The format in words for the status line: "STIX 2.1 bundle", "MISP event", "3 MISP events". */
export function formatName(format: 'stix' | 'misp', title?: string): string {
  if (format === 'stix') return 'STIX 2.1 bundle';
  return title && /^\d+ MISP events$/.test(title) ? title : 'MISP event';
}
