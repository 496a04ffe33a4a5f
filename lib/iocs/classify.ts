/**
 * Which SentinelOne IOC type a value is, from its shape alone. Classification is permissive about
 * form (a CIDR suffix, a scheme-less URL, upper-case hex, a unicode domain) and leaves the verdict
 * on the value (a /8 range, the empty-file hash) to validate.ts, so the review can show the analyst
 * the type with the reason rather than losing the value.
 */
import ipaddr from 'ipaddr.js';
import { parse as parseHost } from 'tldts';
import type { IocType } from '../s1/schemas';
import { decodePunycode } from './punycode';
import { refang } from './refang';

const HEX = /^[0-9a-f]+$/i;
const HASH_BY_LENGTH: Readonly<Record<number, IocType>> = { 32: 'MD5', 40: 'SHA1', 64: 'SHA256' };
/** Hex digits each hash type has. */
export const HASH_LENGTH = { MD5: 32, SHA1: 40, SHA256: 64 } as const;

/**
 * RFC 2606 names reserved for documentation and tests. They are in no public-suffix list, yet
 * examples and tests use them (`bücher.example`), so they classify as DNS and validate warns.
 */
export const RESERVED_TLDS: ReadonlySet<string> = new Set(['example', 'test']);

/** Letters, digits and marks of any script, `_` (seen in malware names) and `-`, in dotted labels. */
const HOSTNAME_SHAPE = /^[\p{L}\p{N}\p{M}_-]+(?:\.[\p{L}\p{N}\p{M}_-]+)+$/u;
const SCHEME_URL = /^(?:https?|ftp):\/\//i;
/** `host[:port]` followed by a path, query or fragment: a URL written without its scheme. */
const SCHEMELESS_URL = /^([^/?#\s@]+?)(?::(\d{1,5}))?[/?#]/;
const HOST_PORT = /^([^/?#\s@:]+):(\d{1,5})$/;

/** `10.0.0.0/8` as address and prefix text; null without a `/nn` suffix. */
export function splitCidr(value: string): { address: string; prefix: string } | null {
  const slash = value.lastIndexOf('/');
  if (slash <= 0) return null;
  const prefix = value.slice(slash + 1);
  if (!/^\d{1,3}$/.test(prefix)) return null;
  return { address: value.slice(0, slash), prefix };
}

/** True for a dotted quad without leading zeros (`010.1.1.1` is octal to some parsers, decimal to others). */
export function isIPv4(value: string): boolean {
  return ipaddr.IPv4.isValidFourPartDecimal(value);
}

/** True for an IPv6 address (any textual form ipaddr.js reads, zone index included). */
export function isIPv6(value: string): boolean {
  return value.includes(':') && ipaddr.IPv6.isValid(value);
}

/**
 * `host` in lower-case ASCII (IDN labels as punycode A-labels), or null when it is no host name.
 * The WHATWG URL parser does the UTS #46 mapping every browser uses, so the result is the name the
 * browser and the resolver would look up.
 */
export function toAsciiHostname(host: string): string | null {
  if (!HOSTNAME_SHAPE.test(host)) return null;
  try {
    return new URL(`http://${host}`).hostname;
  } catch {
    return null;
  }
}

/**
 * Whether an `xn--` label is a real A-label: valid punycode for some non-ASCII text that encodes back
 * to the same label. Checked here, not left to the URL parser, because engines differ (punycode.ts).
 */
function isALabel(label: string): boolean {
  const unicode = decodePunycode(label.slice(4));
  if (unicode === null || !/\P{ASCII}/u.test(unicode)) return false;
  return toAsciiHostname(`${unicode}.test`) === `${label}.test`;
}

/** Why `host` (without a trailing root dot) is no usable domain name, or null when it is one. */
export function hostnameProblem(host: string): string | null {
  if (!host.includes('.')) return `not a domain name (no dot): ${host}`;
  const badALabel = host
    .toLowerCase()
    .split('.')
    .find((label) => label.startsWith('xn--') && !isALabel(label));
  if (badALabel !== undefined) return `not a valid punycode (IDN) label ${badALabel}: ${host}`;
  const lastLabel = host.slice(host.lastIndexOf('.') + 1);
  // The URL parser reads a name ending in a number as an IPv4 address (`1.2.3` → 1.2.0.3).
  if (/^(?:\d+|0x[0-9a-f]*)$/i.test(lastLabel)) return `not a domain name (ends in a number): ${host}`;
  const ascii = toAsciiHostname(host);
  if (ascii === null) return `not a valid domain name: ${host}`;
  if (ascii.length > 253) return `domain name longer than 253 characters: ${host}`;
  for (const label of ascii.split('.')) {
    if (label.length === 0) return `empty label in domain name: ${host}`;
    if (label.length > 63) return `label longer than 63 characters in domain name: ${host}`;
    if (label.startsWith('-') || label.endsWith('-')) return `label starts or ends with a hyphen: ${host}`;
  }
  const tld = ascii.slice(ascii.lastIndexOf('.') + 1);
  if (RESERVED_TLDS.has(tld)) return null;
  const parsed = parseHost(ascii);
  if (parsed.isIcann !== true) return `not a known top-level domain: .${tld}`;
  if (parsed.domain === null) return `a public suffix, not a domain: ${host}`;
  return null;
}

/** The type of a URL's host part (`[v6]`, IPv4 or a domain name), or null when it is none of them. */
export function hostType(host: string): 'DNS' | 'IPV4' | 'IPV6' | null {
  if (host.startsWith('[') && host.endsWith(']')) return isIPv6(host.slice(1, -1)) ? 'IPV6' : null;
  if (isIPv4(host)) return 'IPV4';
  return hostnameProblem(host.replace(/\.$/, '')) === null ? 'DNS' : null;
}

function urlLike(value: string): boolean {
  if (SCHEME_URL.test(value)) {
    const rest = value.slice(value.indexOf('://') + 3);
    const authority = rest.split(/[/?#]/, 1)[0] ?? '';
    const host = authority.slice(authority.lastIndexOf('@') + 1).replace(/:\d{1,5}$/, '');
    return hostType(host) !== null;
  }
  const match = SCHEMELESS_URL.exec(value) ?? HOST_PORT.exec(value);
  return match?.[1] !== undefined && hostType(match[1]) !== null;
}

/** The IOC type `value` has (after refang and trim), or null when it is none of the seven. */
export function classifyValue(value: string): IocType | null {
  const text = refang(value.trim());
  if (text === '' || /\s/.test(text)) return null;
  if (HEX.test(text)) return HASH_BY_LENGTH[text.length] ?? null;
  // A CIDR suffix leaves the type an address; validate.ts decides whether the range is acceptable.
  const address = splitCidr(text)?.address ?? text;
  if (isIPv4(address)) return 'IPV4';
  if (isIPv6(address)) return 'IPV6';
  if (urlLike(text)) return 'URL';
  if (hostnameProblem(text.replace(/\.$/, '')) === null) return 'DNS';
  return null;
}

/**
 * The type an analyst most likely meant by a value that classifies as nothing, so the review can
 * say what is wrong with it (`300.1.1.1` is a bad IPV4, 31 hex digits a bad MD5) instead of dropping it.
 */
export function guessType(value: string): IocType {
  const text = refang(value.trim());
  const classified = classifyValue(text);
  if (classified) return classified;
  if (HEX.test(text)) return text.length <= 36 ? 'MD5' : text.length <= 52 ? 'SHA1' : 'SHA256';
  if (/^[\d.]+(?:\/\d*)?$/.test(text)) return 'IPV4';
  if (/^[0-9a-f:.%/[\]]+$/i.test(text) && text.includes(':')) return 'IPV6';
  // `javascript:alert(1)`, `ldap://…`: a scheme, so the review can say it is not http, https or ftp.
  if (/^[a-z][a-z0-9+.-]*:(?![\d:]|$)/i.test(text)) return 'URL';
  if (text.includes('/')) return 'URL';
  return 'DNS';
}
