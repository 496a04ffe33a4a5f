/**
 * A first guess at what kind of non-IOC a ticked row is, so the list can be read grouped by kind. It is a
 * reading aid for the measurement, never a verdict: `other` is always possible and the list is meant to be
 * checked by hand. Shapes only, from the value and the line it stands on.
 */
import type { IocType } from '../../lib/s1/schemas';
import { itemKey, urlHost } from './normalise';

export const KINDS = [
  'host of a listed URL',
  'URL-only network IOC',
  'markup glued to URL',
  'legitimate hash',
  'certificate thumbprint',
  'detection name as domain',
  'reference link',
  'listed as legitimate',
  'other',
] as const;

export type Kind = (typeof KINDS)[number];

export interface Extra {
  type: IocType;
  /** Normal form. */
  value: string;
  /** The report line it stands on (refanged), '' when not found. */
  line: string;
  /** excluded.tsv's reason, when listed there. */
  excluded?: string | undefined;
}

/** Characters no request path carries unencoded: what markup, templates and placeholders leave behind. */
const MARKUP = /[[\]{}$"'<>`\\^|]|\+\+$/;
const HASH_TYPES: ReadonlySet<IocType> = new Set(['MD5', 'SHA1', 'SHA256']);
const NETWORK_TYPES: readonly IocType[] = ['DNS', 'IPV4', 'IPV6'];

/** The text just before `value` in `line`, back to white space. */
function prefixInLine(line: string, value: string): string {
  const at = line.toLowerCase().indexOf(value.toLowerCase());
  if (at <= 0) return '';
  const before = line.slice(0, at);
  return before.slice(before.search(/\S*$/));
}

/** Truth keys are `TYPE|value` (normalise.ts itemKey). */
function isHostOfTruthUrl(value: string, truth: ReadonlyMap<string, unknown>): boolean {
  for (const key of truth.keys())
    if (key.startsWith('URL|') && urlHost(key.slice(4)) === value.replace(/^\[|\]$/g, '')) return true;
  return false;
}

export function guessKind(extra: Extra, truth: ReadonlyMap<string, unknown>): Kind {
  const { type, value, line } = extra;
  if (type === 'URL') {
    const host = urlHost(value);
    // Markup first: a URL with text glued on is wrong even when its host is an IOC.
    if (MARKUP.test(value.replace(/^[a-z]+:\/\/\[[0-9a-f:.]+\]/i, ''))) return 'markup glued to URL';
    if (host !== undefined && NETWORK_TYPES.some((t) => truth.has(itemKey(t, host))))
      return 'URL-only network IOC';
    if (/legitimate/i.test(extra.excluded ?? '')) return 'listed as legitimate';
    // A link to read is on a named host; a URL on a bare IP outside the truth list is something else.
    return host !== undefined && /[a-z]/i.test(host) && !host.includes(':') ? 'reference link' : 'other';
  }
  // The README of the corpus counts these apart from junk: a sound extractor may offer them.
  if (NETWORK_TYPES.includes(type) && isHostOfTruthUrl(value, truth)) return 'host of a listed URL';
  if (HASH_TYPES.has(type)) {
    if (/thumbprint|certificate|serial number/i.test(line)) return 'certificate thumbprint';
    if (/\bclean\b|legitimate|benign/i.test(`${line} ${extra.excluded ?? ''}`)) return 'legitimate hash';
    return 'other';
  }
  if (/legitimate/i.test(extra.excluded ?? '')) return 'listed as legitimate';
  if (type === 'DNS') {
    // `Family/Name.XY`: a slash after a dotless word, unlike a host (`a.com/b.ch`) or a scheme (`://`).
    const prefix = prefixInLine(line, value);
    if (/(?:^|[^\s/.:])\/$/.test(prefix) && !/[.:]/.test(prefix.slice(0, -1)))
      return 'detection name as domain';
  }
  return 'other';
}
