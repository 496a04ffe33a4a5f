/**
 * Whether a value can be sent as an IOC of a given type, in what normal form, and what the analyst
 * should look at twice before sending it. Invalid values are never sent; warned values are sent only
 * when the analyst ticks them. (Near 300 lines: the per-type checks share the range and domain tables
 * and the warning helpers; split by type, each file would import the rest of this one.)
 *
 * Decisions:
 * - Normal form: hashes in lower case; IPs in their canonical text (RFC 5952 for IPv6); domain names in lower
 *   case with IDN labels as punycode (`bücher.de` → `xn--bcher-kva.de`), also for a URL's host. A DNS IOC is
 *   matched against DNS queries, which always carry the A-label form, and whether the console accepts or
 *   converts unicode is UNCONFIRMED (docs/sentinelone-api.md#item-fields), so punycode is the form that can
 *   match. The rest of a URL (path, query) is kept as typed; `new URL().href` would add a slash or re-encode
 *   it and the IOC would no longer equal the URL an endpoint sees.
 * - CIDR: SentinelOne IPV4/IPV6 IOCs are single addresses matched with `EQUALS`
 *   (docs/sentinelone-api.md#item-fields), so a range (`10.0.0.0/8`) is invalid: sending its network address
 *   would block one address and let the analyst believe the range was covered. A /32 (IPv4) or /128 (IPv6)
 *   names one address and is sent as that address, with the `cidr-range` warning so the analyst confirms the
 *   reading.
 * - The empty-file hashes are invalid, not warned: they look like a case for a warning, but the API refuses
 *   them (`hashes_empty_file`, docs/sentinelone-api.md#batch-size-refused-items-and-limits) and one refused
 *   item fails the whole POST. `empty-file-hash` stays in IocWarning for the UI's legend, and is never
 *   returned.
 * - `reserved-domain` marks the RFC 2606 documentation names (`*.example`, `*.test`, `example.com`), which
 *   classify.ts accepts so that test data is not lost.
 * - Invisible and control characters make a value invalid whatever its type (invisible.ts).
 * - `url-credentials` marks a URL with userinfo (`http://user:pass@host/`). It is kept, not refused:
 *   `https://paypal.com@evil.com/` is a real phishing form. But a password there is stored in the
 *   console for everyone with access to read, so the analyst ticks it knowingly.
 */
import ipaddr from 'ipaddr.js';
import { getDomain } from 'tldts';
import type { IocType } from '../s1/schemas';
import {
  HASH_LENGTH,
  hostnameProblem,
  hostType,
  isIPv4,
  isIPv6,
  RESERVED_TLDS,
  splitCidr,
  toAsciiHostname,
} from './classify';
import { invisibleProblem } from './invisible';
import { refang } from './refang';

import type { IocWarning } from './warnings';

export { type IocWarning, WARNING_TEXT } from './warnings';

export type Validation = { ok: true; value: string; warnings: IocWarning[] } | { ok: false; reason: string };

/** MD5, SHA1 and SHA256 of zero bytes. */
export const EMPTY_FILE_HASHES: ReadonlySet<string> = new Set([
  'd41d8cd98f00b204e9800998ecf8427e',
  'da39a3ee5e6b4b0d3255bfef95601890afd80709',
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
]);

/**
 * Registrable domains so common that an IOC on them (or a subdomain, or a URL on them) is almost
 * always a mistake or would disrupt normal work. Matched on tldts' registrable domain, so
 * `login.microsoftonline.com` and `x.s3.amazonaws.com` count too.
 */
export const COMMON_DOMAINS: ReadonlySet<string> = new Set([
  'google.com',
  'googleapis.com',
  'gstatic.com',
  'gmail.com',
  'youtube.com',
  'microsoft.com',
  'microsoftonline.com',
  'windows.com',
  'windows.net',
  'windowsupdate.com',
  'office.com',
  'office365.com',
  'live.com',
  'outlook.com',
  'hotmail.com',
  'bing.com',
  'azure.com',
  'sharepoint.com',
  'skype.com',
  'github.com',
  'githubusercontent.com',
  'amazon.com',
  'amazonaws.com',
  'cloudfront.net',
  'cloudflare.com',
  'akamaihd.net',
  'akamai.net',
  'apple.com',
  'icloud.com',
  'facebook.com',
  'instagram.com',
  'whatsapp.com',
  'linkedin.com',
  'twitter.com',
  'x.com',
  'yahoo.com',
  'wikipedia.org',
  'dropbox.com',
  'zoom.us',
  'slack.com',
  'sentinelone.net',
  'sentinelone.com',
]);

/**
 * Top-level domains that are also common file extensions (checked against tldts' public-suffix
 * list: `exe`, `pdf`, `doc`, `js` are not TLDs and never reach this check).
 */
export const FILENAME_LIKE_TLDS: ReadonlySet<string> = new Set([
  'zip',
  'mov',
  'md',
  'sh',
  'py',
  'pl',
  'pm',
  'rs',
  'ps',
  'cab',
  'java',
  'so',
  'one',
]);

const RESERVED_DOMAINS: ReadonlySet<string> = new Set(['example.com', 'example.net', 'example.org']);
const PRIVATE_RANGES: ReadonlySet<string> = new Set(['private', 'uniqueLocal', 'loopback', 'linkLocal']);
/** ipaddr.js ranges that are ordinary routable addresses (6to4 and Teredo tunnel real hosts). */
const ROUTABLE_RANGES: ReadonlySet<string> = new Set(['unicast', '6to4', 'teredo']);

const invalid = (reason: string): Validation => ({ ok: false, reason });

function ipWarnings(address: ipaddr.IPv4 | ipaddr.IPv6): IocWarning[] {
  const range = address.range();
  if (PRIVATE_RANGES.has(range)) return ['private-ip'];
  return ROUTABLE_RANGES.has(range) ? [] : ['reserved-ip'];
}

function ipv6Text(address: ipaddr.IPv6): string {
  // Keep an IPv4-mapped address readable (`::ffff:1.2.3.4`) rather than `::ffff:102:304`.
  return address.isIPv4MappedAddress()
    ? `::ffff:${address.toIPv4Address().toString()}`
    : address.toRFC5952String();
}

function validateHash(text: string, type: 'MD5' | 'SHA1' | 'SHA256'): Validation {
  const expected = HASH_LENGTH[type];
  if (!/^[0-9a-f]*$/i.test(text)) return invalid(`not a valid ${type} hash (not hexadecimal): ${text}`);
  if (text.length !== expected) {
    return invalid(`not a valid ${type} hash: ${text.length} hex digits, ${type} has ${expected}`);
  }
  const value = text.toLowerCase();
  if (EMPTY_FILE_HASHES.has(value)) {
    return invalid('the empty-file hash: SentinelOne refuses it (hashes_empty_file)');
  }
  return { ok: true, value, warnings: [] };
}

function validateIp(text: string, type: 'IPV4' | 'IPV6'): Validation {
  const cidr = splitCidr(text);
  const address = cidr?.address ?? text;
  const bits = type === 'IPV4' ? 32 : 128;
  const isRightFamily = type === 'IPV4' ? isIPv4 : isIPv6;
  if (!isRightFamily(address)) {
    if (type === 'IPV4' && isIPv6(address)) return invalid(`an IPv6 address, not IPv4: ${text}`);
    if (type === 'IPV6' && isIPv4(address)) return invalid(`an IPv4 address, not IPv6: ${text}`);
    if (type === 'IPV4' && /^\d+(?:\.\d+){3}$/.test(address) && !/(?:^|\.)0\d/.test(address)) {
      return invalid(`not a valid IPv4 address (each part must be 0-255): ${text}`);
    }
    if (type === 'IPV4' && /(?:^|\.)0\d/.test(address)) {
      return invalid(`not a valid IPv4 address (a leading zero reads as octal to some tools): ${text}`);
    }
    return invalid(`not a valid ${type === 'IPV4' ? 'IPv4' : 'IPv6'} address: ${text}`);
  }
  if (address.includes('%')) return invalid(`an IPv6 zone index is local to one machine: ${text}`);
  const parsed = ipaddr.parse(address);
  const value = parsed instanceof ipaddr.IPv6 ? ipv6Text(parsed) : parsed.toString();
  const warnings = ipWarnings(parsed);
  if (cidr) {
    const prefix = Number(cidr.prefix);
    if (prefix > bits) return invalid(`not a valid CIDR prefix /${prefix} (at most /${bits}): ${text}`);
    if (prefix < bits) {
      return invalid(
        `a CIDR range (${text}): SentinelOne ${type} IOCs are single addresses; list the addresses instead`,
      );
    }
    warnings.push('cidr-range');
  }
  return { ok: true, value, warnings };
}

function domainWarnings(ascii: string): IocWarning[] {
  const warnings: IocWarning[] = [];
  const registrable = getDomain(ascii) ?? ascii;
  if (COMMON_DOMAINS.has(registrable)) warnings.push('common-domain');
  const tld = ascii.slice(ascii.lastIndexOf('.') + 1);
  if (RESERVED_TLDS.has(tld) || RESERVED_DOMAINS.has(registrable)) warnings.push('reserved-domain');
  return warnings;
}

function validateDns(text: string): Validation {
  if (isIPv4(text)) return invalid(`an IPv4 address, not a domain name: ${text}`);
  if (isIPv6(text)) return invalid(`an IPv6 address, not a domain name: ${text}`);
  if (/\s/.test(text)) return invalid(`a domain name cannot contain spaces: ${text}`);
  // Like a CIDR range: an EQUALS IOC on the parent name would leave the subdomains unblocked.
  if (text.startsWith('*.')) {
    return invalid(`a wildcard (${text}): SentinelOne DNS IOCs match one name exactly; list the names`);
  }
  if (/[/:?#@]/.test(text)) return invalid(`not a domain name (a URL or other text?): ${text}`);
  // A trailing dot is the DNS root (`evil.com.`); the IOC is the same name without it.
  const host = text.replace(/\.$/, '');
  const problem = hostnameProblem(host);
  const ascii = toAsciiHostname(host);
  if (problem !== null || ascii === null) return invalid(problem ?? `not a valid domain name: ${text}`);
  const warnings = domainWarnings(ascii);
  const tld = ascii.slice(ascii.lastIndexOf('.') + 1);
  if (FILENAME_LIKE_TLDS.has(tld)) warnings.push('filename-like-domain');
  return { ok: true, value: ascii, warnings };
}

/** `host` with what is wrong with it as a name, when hostnameProblem says (`evil.exe (not a known …)`). */
function hostReason(host: string): string {
  const name = host.replace(/\.$/, '');
  const problem = host.startsWith('[') ? null : hostnameProblem(name);
  if (problem === null) return host;
  const why = problem.endsWith(`: ${name}`) ? problem.slice(0, -name.length - 2) : problem;
  return `${host} (${why})`;
}

const URL_PARTS = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)(.*)$/i;
/** A scheme without `//` (`javascript:`, `mailto:`, `data:`); a digit after the colon is a port. */
const OPAQUE_SCHEME = /^([a-z][a-z0-9+.-]*):(?![\d/:]|$)/i;

function validateUrl(input: string): Validation {
  if (/\s/.test(input)) return invalid(`a URL cannot contain spaces: ${input}`);
  const hasAuthority = /^[a-z][a-z0-9+.-]*:\/\//i.test(input);
  // Read as scheme-less, `mailto:a@evil.com` became `http://mailto:a@evil.com` with credentials.
  const opaque = hasAuthority ? undefined : OPAQUE_SCHEME.exec(input)?.[1];
  if (opaque) return invalid(`not an http, https or ftp URL (${opaque.toLowerCase()}:): ${input}`);
  // A scheme-less URL (`evil.com/x.php`) is what a browser would fetch over http.
  const text = hasAuthority ? input : `http://${input}`;
  const parts = URL_PARTS.exec(text);
  const scheme = parts?.[1]?.toLowerCase() ?? '';
  if (!parts || !['http', 'https', 'ftp'].includes(scheme)) {
    return invalid(`not an http, https or ftp URL: ${input}`);
  }
  const authority = parts[2] ?? '';
  const at = authority.lastIndexOf('@');
  const userinfo = at === -1 ? '' : authority.slice(0, at + 1);
  const hostPort = authority.slice(at + 1);
  const portMatch = /:(\d*)$/.exec(hostPort);
  const host = portMatch ? hostPort.slice(0, portMatch.index) : hostPort;
  const port = portMatch?.[1];
  // The host first: in `${jndi:ldap://x}` the colon is no port separator, and 'port' would mislead.
  const kind = hostType(host);
  if (kind === null) return invalid(`not a valid host in URL: ${host === '' ? input : hostReason(host)}`);
  if (port !== undefined && (port === '' || Number(port) < 1 || Number(port) > 65535)) {
    return invalid(`not a valid port in URL: ${input}`);
  }
  // hostType accepts what ipaddr.js reads, zone included; as for IPV6 IOCs, a zone is one machine's.
  if (kind === 'IPV6' && host.includes('%'))
    return invalid(`an IPv6 zone index is local to one machine: ${input}`);
  let normalHost: string;
  let warnings: IocWarning[];
  if (kind === 'DNS') {
    const ascii = toAsciiHostname(host.replace(/\.$/, '')) ?? host;
    normalHost = ascii;
    warnings = domainWarnings(ascii);
  } else {
    const parsed = ipaddr.parse(kind === 'IPV6' ? host.slice(1, -1) : host);
    normalHost = parsed instanceof ipaddr.IPv6 ? `[${ipv6Text(parsed)}]` : parsed.toString();
    warnings = ipWarnings(parsed);
  }
  if (userinfo !== '') warnings.push('url-credentials');
  const value = `${scheme}://${userinfo}${normalHost}${port === undefined ? '' : `:${port}`}${parts[3] ?? ''}`;
  return { ok: true, value, warnings };
}

/** Whether `value` (refanged and trimmed first) is a sendable IOC of `type`, in normal form, with warnings. */
export function validateIoc(value: string, type: IocType): Validation {
  const text = refang(value.trim());
  const hidden = invisibleProblem(text);
  if (hidden !== null) return invalid(hidden);
  if (text === '') return invalid('empty value');
  switch (type) {
    case 'MD5':
    case 'SHA1':
    case 'SHA256':
      return validateHash(text, type);
    case 'IPV4':
    case 'IPV6':
      return validateIp(text, type);
    case 'DNS':
      return validateDns(text);
    case 'URL':
      return validateUrl(text);
  }
}
