/**
 * Warnings read from the text around a value, not from the value: the token it came from, its line,
 * the table column it sits in and the section heading above it. validate.ts judges a value alone
 * (the popup and retyping need that); this file says why a valid value is still probably not an IOC
 * of the report, so the review shows it unticked with the reason instead of sending it.
 *
 * It never drops a value: a wrong guess here costs a tick, not a row.
 */
import { getDomain } from 'tldts';
import type { IocType } from '../s1/schemas';
import type { IocWarning } from './warnings';

/** What extract.ts knows about where a token stands. */
export interface TokenContext {
  /** The token after refanging and cleaning (the text the value was found in). */
  token: string;
  /** The line after refanging. */
  line: string;
  /** The line as pasted (defanged forms intact). */
  rawLine: string;
  /** The last heading above the line, '' when none. */
  heading: string;
  /** The header cells of the table the line is a row of, null outside a table. */
  header: readonly string[] | null;
  /**
   * Whether the paste is free text that defangs some of its values, so a value written plain stands
   * out. Not in a list: every value of a list was put there on purpose.
   */
  defangedPaste: boolean;
  /** Whether the paste is a list of values rather than free text (extract.ts). */
  list: boolean;
}

const isHash = (type: IocType) => type === 'MD5' || type === 'SHA1' || type === 'SHA256';

/**
 * `Win32/Foo.AB`, `MSIL/Spy.Foo.CL`, `Trojan:Win32/Foo.A`: a dotless family word, a slash, then a
 * name whose last part happens to be a country-code TLD. A host never follows a dotless word and a
 * slash; a URL path does, but then the whole token is the URL and no domain is taken out of it.
 */
function isDetectionName(value: string, token: string): boolean {
  const at = token.toLowerCase().indexOf(value.toLowerCase());
  if (at < 2 || token[at - 1] !== '/') return false;
  const family = token.slice(0, at - 1).replace(/^.*[\s([{"'`|,;=]/, '');
  return /^[\p{L}\p{N}_:!-]+$/u.test(family) && !family.includes('//');
}

/**
 * Sites a report links to for reference, never as an indicator: vulnerability and technique
 * catalogues, security vendors' blogs and encyclopedias, scanners and abuse trackers, standards and
 * XML namespaces, Q&A sites, and certificate authorities (a certificate dump's OCSP and CRL URLs).
 * Matched on the registrable domain, so every subdomain counts. A warning, not a verdict: a
 * malicious page on one of them is still one tick away.
 */
const REFERENCE_DOMAINS: ReadonlySet<string> = new Set([
  'nist.gov',
  'mitre.org',
  'cve.org',
  'first.org',
  'cisa.gov',
  'welivesecurity.com',
  'eset.com',
  'virusradar.com',
  'paloaltonetworks.com',
  'securelist.com',
  'kaspersky.com',
  'talosintelligence.com',
  'cisco.com',
  'mandiant.com',
  'fireeye.com',
  'crowdstrike.com',
  'trendmicro.com',
  'checkpoint.com',
  'proofpoint.com',
  'recordedfuture.com',
  'symantec.com',
  'broadcom.com',
  'sophos.com',
  'malwarebytes.com',
  'bleepingcomputer.com',
  'exploit-db.com',
  'virustotal.com',
  'abuse.ch',
  'any.run',
  'hybrid-analysis.com',
  'alienvault.com',
  'urlscan.io',
  'shodan.io',
  'censys.io',
  'emergingthreats.net',
  'snort.org',
  'suricata-ids.org',
  'suricata.io',
  'stackoverflow.com',
  'serverfault.com',
  'stackexchange.com',
  'w3.org',
  'xmlsoap.org',
  'ietf.org',
  'rfc-editor.org',
  'digicert.com',
  'sectigo.com',
  'comodoca.com',
  'globalsign.com',
  'letsencrypt.org',
  'lencr.org',
  'amazontrust.com',
  'verisign.com',
  'symcd.com',
  'symcb.com',
  'thawte.com',
  'entrust.net',
  'usertrust.com',
  'pki.goog',
]);
/** A certificate authority's revocation service, whoever runs it. */
const REVOCATION_HOST = /^(?:ocsp|crl)\d*\./;
const REFERENCE_HEADING = /\b(?:references?|further reading|sources|bibliography|links)\b/i;

function hostOf(value: string, type: IocType): string {
  if (type !== 'URL') return value;
  const authority = value.split('/')[2] ?? '';
  return authority
    .slice(authority.lastIndexOf('@') + 1)
    .replace(/:\d*$/, '')
    .toLowerCase();
}

function isReferenceHost(host: string): boolean {
  return REVOCATION_HOST.test(host) || REFERENCE_DOMAINS.has(getDomain(host) ?? host);
}

/**
 * A URL written as a link (`[text](url)`, AsciiDoc `url[text]` or `link:url[…]`), which an IOC list
 * never does. Read on the line as pasted: a defanged URL is no link, so `hxxp://evil[.]com/?ip=[base64]`
 * is a placeholder after an IOC, not link text.
 */
function isWrittenAsLink(value: string, line: string): boolean {
  const lower = line.toLowerCase();
  const url = value.toLowerCase();
  return lower.includes(`](${url}`) || lower.includes(`${url}[`) || lower.includes(`link:${url}`);
}

/** Written as is where the paste defangs its values: `evil[.]com` beside a plain `news-site.com`. */
function isWrittenPlain(value: string, context: TokenContext): boolean {
  return context.defangedPaste && context.rawLine.toLowerCase().includes(value.toLowerCase());
}

const LEGITIMATE = /\b(?:legitimate|clean|benign|whitelisted|allow-?listed|goodware)\b/i;
/** A table cell that says the row's file is legitimate, and nothing else (`clean`, `*benign*`). */
const LEGITIMATE_CELL = /^[\s`*_]*(?:legitimate|clean|benign|whitelisted|goodware)[\s`*_.]*$/i;
const CERTIFICATE = /\b(?:certificates?|thumbprints?|serial(?: number)?|signer)\b/i;

/** The header of the table column that holds `value` on this row, '' when there is none. */
function columnHeader(value: string, context: TokenContext): string {
  if (context.header === null) return '';
  const lower = value.toLowerCase();
  const index = cells(context.line).findIndex((cell) => cell.toLowerCase().includes(lower));
  return index === -1 ? '' : (context.header[index] ?? '');
}

/**
 * A hash the report itself marks as legitimate: its column's header (`Possible legitimate SHA-1`), a
 * cell of its row (`| clean |`) or its section heading says so. Blocking it would block good software.
 */
function isListedLegitimate(value: string, context: TokenContext): boolean {
  if (LEGITIMATE.test(columnHeader(value, context)) || LEGITIMATE.test(context.heading)) return true;
  return context.line.includes('|') && cells(context.line).some((cell) => LEGITIMATE_CELL.test(cell));
}

/**
 * Resolvers that exploit samples and configuration dumps write in as the DNS server to use. Kept
 * here, beside the other readings of a report, rather than in validate.ts: an analyst who types one
 * on its own means it.
 */
const PUBLIC_RESOLVERS: ReadonlySet<string> = new Set([
  '8.8.8.8',
  '8.8.4.4',
  '1.1.1.1',
  '1.0.0.1',
  '9.9.9.9',
  '149.112.112.112',
  '208.67.222.222',
  '208.67.220.220',
  '2001:4860:4860::8888',
  '2001:4860:4860::8844',
  '2606:4700:4700::1111',
]);
/** `PHPSESSID=<hex>`, `session_token=<hex>`: a hash-length value of a session parameter. */
const SESSION_PARAMETER = /(?:sess|sid|token|cookie|csrf|nonce|auth)[\w-]*=$/i;

function isSessionValue(value: string, token: string): boolean {
  const at = token.toLowerCase().indexOf(value.toLowerCase());
  return at > 0 && SESSION_PARAMETER.test(token.slice(0, at));
}

/**
 * `rbac.authorization.k8s.io/v1`, `widgets.example.com/v1beta1`: a Kubernetes API group and version
 * (`apiVersion`, `apiGroups` in a manifest or its JSON), read as a scheme-less URL and its host. Only
 * the whole token, group and version with nothing after it and no scheme before it: a URL of a real
 * server has a scheme or a path past its first segment.
 */
const API_GROUP_VERSION = /^["'`]?[a-z0-9-]+(?:\.[a-z0-9-]+)+\/v\d+(?:(?:alpha|beta)\d+)?["'`,]*$/i;
const API_KEY = /\bapi(?:Version|Groups?)\b/;

function isApiGroup(context: TokenContext): boolean {
  return (
    API_GROUP_VERSION.test(context.token) || (API_KEY.test(context.line) && !context.token.includes('://'))
  );
}

/** The warnings the surroundings of `value` (valid or not) give it; a URL's host skips 'written-plain'. */
export function contextWarnings(
  value: string,
  type: IocType,
  context: TokenContext,
  fromUrlHost = false,
): IocWarning[] {
  const warnings: IocWarning[] = [];
  if ((type === 'IPV4' || type === 'IPV6') && PUBLIC_RESOLVERS.has(value) && context.list === false)
    warnings.push('public-resolver');
  if (isHash(type)) {
    if (isSessionValue(value, context.token)) warnings.push('session-value');
    if (isListedLegitimate(value, context)) warnings.push('listed-legitimate');
    // A certificate's SHA-1 thumbprint or serial has a hash's length but names no file.
    if (CERTIFICATE.test(context.line) || CERTIFICATE.test(context.heading))
      warnings.push('certificate-hash');
  }
  if (type === 'DNS' && isDetectionName(value, context.token)) warnings.push('detection-name');
  if ((type === 'URL' || type === 'DNS') && isApiGroup(context)) warnings.push('api-group');
  if (type === 'URL' || type === 'DNS') {
    const reference =
      isReferenceHost(hostOf(value, type)) ||
      (type === 'URL' &&
        (isWrittenAsLink(value, context.rawLine) || REFERENCE_HEADING.test(context.heading)));
    if (reference) warnings.push('reference-link');
    // A URL's host inherits its URL's fate; its host is written plain even in `hxxp://evil.com/`.
    else if (!fromUrlHost && isWrittenPlain(value, context)) warnings.push('written-plain');
  }
  return warnings;
}

const HEADING = /^\s*(?:=+|#+)\s+(\S.*)$/;
/** An AsciiDoc block title (`.Network indicators`), not a relative path or a leading-dot value. */
const BLOCK_TITLE = /^\.([A-Za-z][^./\\]*)$/;
/** A short plain-text line that ends with a colon (`Indicators of compromise:`). */
const PLAIN_HEADING = /^\s*([A-Z][^:|]{0,60}):\s*$/;
const ASCIIDOC_TABLE = /^\|===\s*$/;
const MARKDOWN_SEPARATOR = /^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$/;

/** Table cells of a `|`-separated row, an escaped `\|` kept inside its cell. */
export function cells(line: string): string[] {
  return line.split(/(?<!\\)\|/).map((cell) => cell.trim());
}

/**
 * Follows the document line by line: the current heading and the header row of the table being read
 * (an AsciiDoc `|===` table's first row, or a Markdown row above its `---` separator).
 */
export class DocumentTracker {
  heading = '';
  header: string[] | null = null;
  private inAsciiTable = false;
  private awaitingHeader = false;
  private previous = '';

  /** Updates the state for `line` (refanged) before its tokens are read. */
  next(line: string): void {
    const trimmed = line.trim();
    if (ASCIIDOC_TABLE.test(trimmed)) {
      this.inAsciiTable = !this.inAsciiTable;
      this.awaitingHeader = this.inAsciiTable;
      this.header = null;
    } else if (this.awaitingHeader && trimmed.startsWith('|')) {
      this.awaitingHeader = false;
      const header = cells(trimmed);
      this.header = header.length > 2 ? header : null;
    } else if (MARKDOWN_SEPARATOR.test(trimmed) && this.previous.includes('|')) {
      this.header = cells(this.previous.trim());
    } else if (!this.inAsciiTable && this.header !== null && !trimmed.startsWith('|')) {
      this.header = null;
    }
    const heading =
      HEADING.exec(line)?.[1] ?? BLOCK_TITLE.exec(trimmed)?.[1] ?? PLAIN_HEADING.exec(line)?.[1];
    if (heading !== undefined && !this.inAsciiTable) this.heading = heading.trim();
    this.previous = line;
  }
}
