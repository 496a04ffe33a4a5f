/**
 * The "never block" list: the organisation's own domains, critical hashes and addresses, which the
 * extension never writes to the console (no IOC, no Blocklist item, no Firewall rule), whatever a
 * report, a page or the analyst's tick says. A report about an attack on the organisation names its
 * own hosts beside the attacker's, and one mis-ticked row would stop them on every endpoint.
 *
 * An entry is one of:
 * - a domain: that name and every name under it, also as the host of a URL (`*.acme.com` reads the
 *   same, since blocking the parent is never meant);
 * - an MD5, SHA1 or SHA256 hash: that hash exactly, in any case;
 * - an IPv4 or IPv6 address or CIDR range: the addresses it covers, also as a URL's host; a value
 *   that is itself a range matches when the two overlap, since blocking it would stop the entry.
 * Entries may be written defanged (`acme[.]com`), as they are copied from reports.
 */
import ipaddr from 'ipaddr.js';
import { parse as parseHost } from 'tldts';
import type { IocType } from '../../config/ioc-types';
import { isIPv4, isIPv6, splitCidr, toAsciiHostname } from './classify';
import { refang } from './refang';

type Address = ipaddr.IPv4 | ipaddr.IPv6;
type Range = [Address, number];

export type NeverBlockEntry =
  | { kind: 'domain'; text: string; domain: string }
  | { kind: 'hash'; text: string; hash: string }
  | { kind: 'ip'; text: string; range: Range };

export type EntryParse = { ok: true; entry: NeverBlockEntry } | { ok: false; message: string };

const HEX = /^[0-9a-f]+$/i;
const HASH_LENGTHS: ReadonlySet<number> = new Set([32, 40, 64]);

/** An IPv4-mapped IPv6 address is the IPv4 address (`::ffff:10.1.2.3` is 10.1.2.3 on the wire). */
function unmapped([address, prefix]: Range): Range {
  if (address instanceof ipaddr.IPv6 && address.isIPv4MappedAddress() && prefix >= 96)
    return [address.toIPv4Address(), prefix - 96];
  return [address, prefix];
}

/** `10.0.0.0/8`, `[2001:db8::1]` or `1.2.3.4` as a range; a reason when it is an address gone wrong. */
function readRange(text: string): Range | string | null {
  const cidr = splitCidr(text);
  const written = cidr?.address ?? text;
  const address = written.startsWith('[') && written.endsWith(']') ? written.slice(1, -1) : written;
  const v4 = isIPv4(address);
  if (!v4 && !isIPv6(address)) return null;
  if (address.includes('%')) return 'an IPv6 zone index is local to one machine';
  const bits = v4 ? 32 : 128;
  const prefix = cidr ? Number(cidr.prefix) : bits;
  if (prefix > bits) return `a CIDR prefix is at most /${bits}`;
  if (prefix === 0) return 'a /0 range covers every address';
  return unmapped([ipaddr.parse(address), prefix]);
}

/** A domain entry's name in lower-case ASCII, or why it is none. */
function readDomain(text: string): string | { problem: string } {
  const name = text.replace(/^\*\./, '').replace(/\.$/, '');
  if (/[/:?#@]/.test(name)) return { problem: 'not a domain, hash, IP address or CIDR range' };
  // The URL parser reads a name ending in a number as an IPv4 address (`1.2.3` → 1.2.0.3).
  if (/^(?:\d+|0x[0-9a-f]*)$/i.test(name.slice(name.lastIndexOf('.') + 1)))
    return { problem: 'not a domain (it ends in a number) nor an IP address' };
  const ascii = toAsciiHostname(name);
  if (ascii === null) return { problem: 'not a domain, hash, IP address or CIDR range' };
  // Internal names (acme.corp) are fine here; a public suffix would cover every domain under it.
  const parsed = parseHost(ascii);
  if (parsed.isIcann === true && parsed.domain === null)
    return { problem: 'a public suffix: it would cover every domain under it' };
  return ascii;
}

/** One entry as written (a line of Settings, an item of config/defaults.yml), or a message naming it. */
export function parseNeverBlockEntry(written: string): EntryParse {
  const text = written.trim();
  const plain = refang(text);
  const fail = (why: string): EntryParse => ({ ok: false, message: `Never-block entry "${text}": ${why}.` });
  if (plain === '') return fail('empty');
  if (/\s/.test(plain)) return fail('one entry per line, without spaces');
  if (HEX.test(plain) && !/^\d+$/.test(plain)) {
    if (HASH_LENGTHS.has(plain.length))
      return { ok: true, entry: { kind: 'hash', text, hash: plain.toLowerCase() } };
    return fail(`a hash has 32 (MD5), 40 (SHA1) or 64 (SHA256) hex digits; this has ${plain.length}`);
  }
  const range = readRange(plain);
  if (typeof range === 'string') return fail(range);
  if (range) return { ok: true, entry: { kind: 'ip', text, range } };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(plain)) {
    const host = readUrlHost(plain);
    return fail(`write the domain or address${host ? ` (${host})` : ''}, not a URL`);
  }
  const domain = readDomain(plain);
  if (typeof domain !== 'string') return fail(domain.problem);
  return { ok: true, entry: { kind: 'domain', text, domain } };
}

/** The entries of a list, and a message for each one that is not an entry. */
export function parseNeverBlock(written: readonly string[]): {
  entries: NeverBlockEntry[];
  problems: string[];
} {
  const entries: NeverBlockEntry[] = [];
  const problems: string[] = [];
  for (const text of written) {
    const parsed = parseNeverBlockEntry(text);
    if (parsed.ok) entries.push(parsed.entry);
    else problems.push(parsed.message);
  }
  return { entries, problems };
}

/** The entries of the Settings text box: one a line, blank lines left out. */
export function neverBlockLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** A URL's host as the browser would connect to it (IPv6 in brackets), or null. */
function readUrlHost(url: string): string | null {
  try {
    const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? url : `http://${url}`;
    return new URL(withScheme).hostname || null;
  } catch {
    return null;
  }
}

/** What a value names for the list: a hash, a range of addresses or a host name. */
type Target = { hash: string } | { range: Range } | { domain: string };

function targetOf(value: string, type: IocType): Target | null {
  const text = refang(value.trim());
  if (type === 'MD5' || type === 'SHA1' || type === 'SHA256') return { hash: text.toLowerCase() };
  const host = type === 'URL' ? readUrlHost(text) : text;
  if (host === null) return null;
  const range = readRange(host);
  if (Array.isArray(range)) return { range };
  const name = host.toLowerCase().replace(/^\*\./, '').replace(/\.$/, '');
  return { domain: toAsciiHostname(name) ?? name };
}

/** Whether two ranges share an address: one holds the other's first address. */
function overlaps([a, aBits]: Range, [b, bBits]: Range): boolean {
  if (a.kind() !== b.kind()) return false;
  return aBits <= bBits ? b.match(a, aBits) : a.match(b, bBits);
}

function matches(entry: NeverBlockEntry, target: Target): boolean {
  if (entry.kind === 'hash') return 'hash' in target && target.hash === entry.hash;
  if (entry.kind === 'ip') return 'range' in target && overlaps(entry.range, target.range);
  return 'domain' in target && (target.domain === entry.domain || target.domain.endsWith(`.${entry.domain}`));
}

/** The first entry of `list` that `value` (an IOC of `type`) falls under, or null. */
export function neverBlockMatch(
  value: string,
  type: IocType,
  list: readonly NeverBlockEntry[],
): NeverBlockEntry | null {
  if (list.length === 0) return null;
  const target = targetOf(value, type);
  if (target === null) return null;
  return list.find((entry) => matches(entry, target)) ?? null;
}

/** What a row refused for `entry` says, for every kind of write. */
export const neverBlockRefusal = (entry: NeverBlockEntry): string =>
  `On the never-block list (${entry.text}): not sent.`;
