/**
 * POST item validation (docs/sentinelone-api.md#item-fields). One bad item fails the whole request with 400:
 *
 *   {"errors":[{"code":4000010,"title":"Validation Error","detail":"<problem>; <problem>; ..."}]}
 *
 * FORMAT of `detail` (for the client's parser; the real text is UNCONFIRMED, this follows the
 * `<field>: <n>: <message>` style of fixture error-400.validation-error.restrictions.json):
 * - problems are joined with '; '; each per-item problem is `data: <index>: <field>: <message>`, index
 *   0-based into the request's `data` array, in index order, several problems per item possible.
 *   Split with /; (?=data: \d+: )/ because values may contain '; '.
 * - `<message>` ends with the offending value quoted as `'<value>'` (`\` and `'` backslash-escaped)
 *   when it is a string, or as JSON when it is not, e.g.
 *   `data: 2: value: Not a valid IPV4 value: '300.1.1.1'`, `data: 0: type: Must be one of: DNS, IPV4,
 *   IPV6, MD5, SHA1, SHA256, URL: 'sha256'`, `data: 1: severity: Must be an integer between 0 and 7: 9`.
 * - exceptions: a missing required field reads `data: <i>: <field>: Missing data for required field.`
 *   (marshmallow's text); the empty-file hash reads `data: <i>: value: hashes_empty_file` ([LIFE]);
 *   an item that is not an object reads `data: <i>: _schema: Invalid input type: <json>`.
 */
import { isIPv6 } from 'node:net';
import { parseTimestampUs } from './clock';
import { IOC_TYPES } from './ioc-model';

export const EMPTY_FILE_HASHES: ReadonlySet<string> = new Set([
  'd41d8cd98f00b204e9800998ecf8427e',
  'da39a3ee5e6b4b0d3255bfef95601890afd80709',
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
]);

const STRING_FIELDS = ['name', 'description', 'externalId', 'creator', 'metadata', 'pattern', 'patternType'];
const LIST_FIELDS = [
  'category',
  'reference',
  'labels',
  'malwareNames',
  'intrusionSets',
  'threatActors',
  'threatActorTypes',
  'campaignNames',
  'mitreTactic',
];

export const quote = (v: unknown): string =>
  typeof v === 'string' ? `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'` : JSON.stringify(v);

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const HEX_LEN: Record<string, number> = { MD5: 32, SHA1: 40, SHA256: 64 };
const LABEL = /^(?!-)[a-z0-9_-]{1,63}(?<!-)$/i;
const TLD = /^([a-z]{2,63}|xn--[a-z0-9-]{1,59})$/i;

export function isValidHostname(v: string): boolean {
  if (v.length > 253) return false;
  const labels = v.split('.');
  if (labels.length < 2) return false;
  return labels.every((l) => LABEL.test(l)) && TLD.test(labels[labels.length - 1] ?? '');
}

function valueProblem(type: string, value: string): string | null {
  const bad = `Not a valid ${type} value: ${quote(value)}`;
  switch (type) {
    case 'IPV4':
      return IPV4.test(value) ? null : bad;
    case 'IPV6':
      return isIPv6(value) ? null : bad;
    case 'MD5':
    case 'SHA1':
    case 'SHA256': {
      if (!new RegExp(`^[0-9a-fA-F]{${HEX_LEN[type]}}$`).test(value)) return bad;
      return EMPTY_FILE_HASHES.has(value.toLowerCase()) ? 'hashes_empty_file' : null;
    }
    case 'DNS':
      return isValidHostname(value) ? null : bad;
    case 'URL': {
      if (!/^(https?|ftps?|sftp):\/\//i.test(value)) return bad;
      try {
        return new URL(value).hostname ? null : bad;
      } catch {
        return bad;
      }
    }
    default:
      return null; // type already reported
  }
}

function intProblem(v: unknown, min: number, max: number): string | null {
  if (v === undefined || v === null) return null;
  return typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max
    ? null
    : `Must be an integer between ${min} and ${max}: ${quote(v)}`;
}

/** Problems of one item as `<field>: <message>` (without the `data: <i>: ` prefix). */
export function itemProblems(item: unknown): string[] {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) {
    return [`_schema: Invalid input type: ${JSON.stringify(item)}`];
  }
  const it = item as Record<string, unknown>;
  const out: string[] = [];
  for (const field of ['source', 'type', 'value', 'method']) {
    const v = it[field];
    if (v === undefined || v === null) out.push(`${field}: Missing data for required field.`);
    else if (typeof v !== 'string') out.push(`${field}: Not a valid string: ${quote(v)}`);
    else if (v === '' && field !== 'type' && field !== 'method')
      out.push(`${field}: Shorter than minimum length 1: ''`);
  }
  const { type, value, method } = it;
  if (typeof type === 'string' && !(IOC_TYPES as readonly string[]).includes(type)) {
    out.push(`type: Must be one of: ${IOC_TYPES.join(', ')}: ${quote(type)}`);
  }
  if (typeof method === 'string' && method !== 'EQUALS')
    out.push(`method: Must be one of: EQUALS: ${quote(method)}`);
  if (typeof type === 'string' && typeof value === 'string' && value !== '') {
    const p = valueProblem(type, value);
    if (p) out.push(`value: ${p}`);
  }
  for (const field of STRING_FIELDS) {
    const v = it[field];
    if (v !== undefined && v !== null && typeof v !== 'string')
      out.push(`${field}: Not a valid string: ${quote(v)}`);
  }
  for (const field of LIST_FIELDS) {
    const v = it[field];
    if (v !== undefined && v !== null && !(Array.isArray(v) && v.every((x) => typeof x === 'string'))) {
      out.push(`${field}: Not a valid list of strings: ${quote(v)}`);
    }
  }
  for (const field of ['validUntil', 'creationTime']) {
    const v = it[field];
    if (v !== undefined && v !== null && (typeof v !== 'string' || parseTimestampUs(v) === null)) {
      out.push(`${field}: Not a valid datetime: ${quote(v)}`);
    }
  }
  const risk = intProblem(it.originalRiskScore, 0, 100);
  if (risk) out.push(`originalRiskScore: ${risk}`);
  // 0-7 per the spec; [ACQ] says 1-7 (UNCONFIRMED which).
  const severity = intProblem(it.severity, 0, 7);
  if (severity) out.push(`severity: ${severity}`);
  return out;
}

/** Every problem of a POST `data` array in the documented format; empty when all items are valid. */
export function validateItems(data: readonly unknown[], refuseValues: readonly string[] = []): string[] {
  const out: string[] = [];
  data.forEach((item, i) => {
    for (const p of itemProblems(item)) out.push(`data: ${i}: ${p}`);
    const value = (item as { value?: unknown } | null)?.value;
    if (typeof value === 'string' && refuseValues.includes(value))
      out.push(`data: ${i}: value: Not a valid value: '${value}'`);
  });
  return out;
}
