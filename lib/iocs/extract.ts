/**
 * IOC candidates from what an analyst pastes: a plain list (values separated by commas, spaces or
 * new lines) or free text such as a threat report, defanged or not.
 *
 * Rules:
 * - The text is refanged first (refang.ts), one line at a time.
 * - It is a *list* when every non-blank line is a single token, or a comma/semicolon/pipe-separated
 *   run of items none of which holds a space, or space-separated tokens none of which is word-like
 *   (letters only, such as `and` or `zzzz`). Anything else is *free text*: prose has words between
 *   its values. So `zzzz` on its own line or between commas is a list item (shown as invalid), while
 *   in `evil.com zzzz 1.2.3.4` it is taken for a word and dropped. A near miss in free text (`300.1.1.1`,
 *   a hash one character short) is kept, so the review can say it is invalid.
 * - In free text only tokens that classify as an IOC type are kept. In a list every token is kept,
 *   and one that classifies as nothing gets a best-guess type (classify.ts guessType) so the review
 *   shows it as invalid with a reason instead of silently dropping a value the analyst meant.
 * - Tokens are split at white space; wrapping quotes and brackets (`"evil.com"`, `[1.2.3.4]`,
 *   `<http://x.com>`) and trailing punctuation (`evil.com.`, `http://x.com/a).`) are stripped, keeping
 *   a `)` that closes a `(` inside a URL. A token that is not an IOC as a whole is split at `,` `;`
 *   `|`, then searched for IOCs embedded in it (`C2=evil.com`, `sha256:<hex>`; embedded-spans.ts).
 * - A URL with another scheme (`ldap://evil.com/a`) is shown as an invalid URL with its host as a
 *   suggestion, not replaced by its host, ticked, as an embedded match would be.
 * - A URL's host is offered as a suggestion after the URL, once, and not at all when the same host
 *   also stands on its own in the text. It is ticked when the URL names nothing but host and port
 *   and is itself ticked (`blockHost`: the network block needs the host); otherwise unticked. An
 *   `address:port` written without a scheme is the address, ticked, with the URL warned.
 * - Each candidate also carries the warnings its surroundings give it (context.ts: the token, the
 *   line, the table column's header, the section heading), which leave it unticked in the review.
 * - A URL ends where markup or a placeholder is glued to it (`url[link text]`, `?ip=[base64]`, `$(`,
 *   `":"`); an IPv6 address with defanging left inside it gets a row of its own. An e-mail address (no SentinelOne IOC type) is
 *   treated the same way: its domain is offered as a suggestion and the local part is dropped.
 * - A token holding an invisible or control character (invisible.ts) is kept whole and
 *   never searched for embedded values: `ev\u200Bil.com` would otherwise offer `il.com`, and
 *   `\u202E9.21.77.54` (shown as `45.77.12.9`) would send `9.21.77.54`. The review says why it is
 *   invalid. U+FEFF is such a character, not a separator, although JavaScript's `\s` includes it.
 * - No de-duplication: the review marks repeated values. Each token is read once, so a value is never
 *   emitted twice because two extractors found it.
 */
import type { IocType } from '../s1/schemas';
import { classifyValue, guessType, hostType, splitCidr } from './classify';
import { contextWarnings, DocumentTracker, type TokenContext } from './context';
import { embeddedSpans } from './embedded-spans';
import { INVISIBLE_CHAR } from './invisible';
import { refang } from './refang';
import { validateIoc } from './validate';
import type { IocWarning } from './warnings';

export interface Candidate {
  value: string;
  type: IocType;
  /** The CIDR text as written, when the value came with a `/nn` suffix. */
  cidr?: string;
  /** A URL's host, not standing on its own: offered unticked, unless `blockHost`. */
  fromUrlHost?: boolean;
  /**
   * A URL's host that names the whole URL (`http://1.2.3.4:8080`, `evil.com:443`, no path): what a
   * network block needs, so it is ticked when its URL is. A host under a path (`imgur.com/a/x`) may
   * be a shared legitimate site and stays a suggestion.
   */
  blockHost?: boolean;
  /** An e-mail address's domain, not standing on its own: offered unticked. */
  fromEmail?: boolean;
  /** Why the text around the value says it is probably not an IOC of the report (context.ts). */
  contextWarnings?: IocWarning[];
}

/**
 * Quotes, brackets, Markdown's `*` (but not the `*` of a wildcard, `*.evil.com`, which validate.ts
 * refuses) and AsciiDoc's `++` passthrough.
 */
const LEADING_WRAPPERS = /^(?:["'`<([{«“‘„]|\*(?!\.)|\+\+)+/;
/** AsciiDoc's closing `++` passthrough: a URL ending in two plus signs is far rarer than the markup. */
const TRAILING_PASSTHROUGH = /\+\+$/;
/**
 * Where markup or a placeholder is glued to a URL (searched after its `://`): a `"` that closes a
 * JSON string (`…/x":"CN=…`, `…/x",`), a shell `$(`, and in the path a `[` that opens no PHP-style
 * `[key]=` (an AsciiDoc `url[link text]` macro, a `[base64 …]` or `[victim's …]` placeholder). None
 * can stand in a request as written, so the URL ends there. Any other `"` stays: an XSS URL carries
 * its quotes (`?q="><img …`), and that is the IOC.
 */
const GLUED_MARKUP = /"(?=\s*[:,}\]])|\$\(|(?<=[/?#].*)\[(?![^\]\s]*\]=)/;
/** A URL with another scheme (`ldap://`, `smb://`), and its authority. */
const OTHER_SCHEME_URL = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i;
const TRAILING_JUNK = '"\'`>»”’*.,;!?';
const CLOSERS: Readonly<Record<string, string>> = { ')': '(', ']': '[', '}': '{' };
const ITEM_SEPARATORS = /[,;|]+/;
const WORD_LIKE = /^[\p{L}\p{M}'’-]+$/u;
/** What a token must contain to be worth classifying in free text: a dot, a colon or a hash-length hex run (or nearly one). */
const MAYBE_IOC = /[.:]|[0-9a-f]{30}/i;
const HASH_HEX = /^(?:[0-9a-f]{32}|[0-9a-f]{40}|[0-9a-f]{64})$/i;
/**
 * What an analyst meant as an IOC but mistyped, in free text: four dotted numbers (`300.1.1.1`) or a
 * hex run about as long as a hash (one character short or long). Shown as invalid, never dropped.
 */
const NEAR_MISS = /^(?:\d+(?:\.\d+){3}(?:\/\d*)?|[0-9a-f]{30,70})$/i;
/**
 * An IPv6 address with defanging left inside it (`2001:db8::73[3]4`, `2001:db8::1[.]2`) or a group
 * too many: hex groups with `::` or at least three colons. Read whole, so that an embedded match does
 * not offer a truncated address (`2001:db8::73`) and the value is never dropped. A MAC address
 * (`00:1a:2b:3c:4d:5e`) has the shape too and is no IOC.
 */
const IPV6_NEAR_MISS = /^(?=[0-9a-f]*:)(?=.*(?:::|(?::[^:]*){3}))[0-9a-f:.[\](){}]+$/i;
const MAC_ADDRESS = /^[0-9a-f]{2}(?::[0-9a-f]{2}){5}$/i;
const BRACKETS = /[[\](){}]/g;
/** `host:port` and nothing else, without a scheme. */
const HOST_PORT_ONLY = /^[^/?#\s@:]+:\d{1,5}$/;
const INVISIBLE_CHARS = new RegExp(INVISIBLE_CHAR.source, 'gu');
/** White space that separates tokens: `\s` without U+FEFF, an invisible character inside a value. */
const SPACES = /[^\S\uFEFF]+/u;

function count(text: string, char: string): number {
  let n = 0;
  for (const c of text) if (c === char) n++;
  return n;
}

/** `raw` without wrapping quotes and brackets and without trailing punctuation. */
function cleanToken(raw: string): string {
  let token = raw;
  for (;;) {
    const before = token;
    token = token.replace(LEADING_WRAPPERS, '').replace(TRAILING_PASSTHROUGH, '');
    for (;;) {
      const last = token.at(-1);
      if (last === undefined) break;
      const opener = CLOSERS[last];
      // `::` ends a valid IPv6 address (`2001:db8::`); a single trailing colon is punctuation.
      const junk =
        TRAILING_JUNK.includes(last) ||
        (last === ':' && !token.endsWith('::')) ||
        (opener !== undefined && count(token, opener) < count(token, last));
      if (!junk) break;
      token = token.slice(0, -1);
    }
    if (token === before) return token;
  }
}

function isWordLike(token: string): boolean {
  return WORD_LIKE.test(token) && !HASH_HEX.test(token);
}

const isHash = (type: IocType) => type === 'MD5' || type === 'SHA1' || type === 'SHA256';

/** The list rule (see the file comment) for one refanged line. */
function isListLine(line: string): boolean {
  const trimmed = line.trim();
  if (trimmed === '' || !/\s/.test(trimmed)) return true;
  const items = trimmed.split(ITEM_SEPARATORS).map((item) => item.trim());
  if (items.length > 1 && items.every((item) => !/\s/.test(item))) return true;
  return !trimmed.split(SPACES).some((token) => isWordLike(cleanToken(token)));
}

type Emit = (candidate: Candidate) => void;

function emitClassified(token: string, emit: Emit): boolean {
  const type = classifyValue(token);
  if (type === null) return false;
  const cidr = (type === 'IPV4' || type === 'IPV6') && splitCidr(token) ? token : undefined;
  const validation = validateIoc(token, type);
  // A CIDR value stays as written so the review can say why a range is refused (validate.ts).
  const value =
    validation.ok && cidr === undefined ? validation.value : isHash(type) ? token.toLowerCase() : token;
  // `1.2.3.4:8080` written without a scheme is an address and a port, read as a URL only for want
  // of a better type: its address is the IOC, the URL is shown warned beside it.
  const hostPort = type === 'URL' && HOST_PORT_ONLY.test(token);
  const candidate: Candidate = cidr === undefined ? { value, type } : { value, type, cidr };
  emit(hostPort ? { ...candidate, contextWarnings: ['host-port'] } : candidate);
  if (type === 'URL' && validation.ok) {
    const [, , authority = '', ...path] = validation.value.split('/');
    const host = authority.slice(authority.lastIndexOf('@') + 1).replace(/:\d+$/, '');
    const kind = hostType(host);
    // Ticked only when the URL itself would be (no private address, no common domain, no password).
    const blockHost = path.join('/') === '' && validation.warnings.length === 0;
    if (kind !== null)
      emit({
        value: kind === 'IPV6' ? host.slice(1, -1) : host,
        type: kind,
        fromUrlHost: true,
        ...(blockHost ? { blockHost } : {}),
      });
  }
  return true;
}

function emitEmailDomain(token: string, emit: Emit): boolean {
  const match = /^[^@\s]+@([^@\s]+)$/.exec(token);
  if (!match?.[1]) return false;
  const validation = validateIoc(match[1], 'DNS');
  if (!validation.ok) return false;
  emit({ value: validation.value, type: 'DNS', fromEmail: true });
  return true;
}

/**
 * A URL that is no sendable URL (`ldap://evil.com/a`): shown as an invalid URL, with its host offered
 * unticked as for any URL, rather than the host alone, ticked, as embedded extraction would give it.
 */
function emitOtherUrl(token: string, emit: Emit): boolean {
  const authority = OTHER_SCHEME_URL.exec(token)?.[1];
  if (authority === undefined) return false;
  emit({ value: token, type: 'URL' });
  const host = authority.slice(authority.lastIndexOf('@') + 1).replace(/:\d*$/, '');
  const kind = hostType(host);
  if (kind !== null)
    emit({ value: kind === 'IPV6' ? host.slice(1, -1) : host, type: kind, fromUrlHost: true });
  return true;
}

/** IOCs inside a token that is not one as a whole (`C2=evil.com`), left to right; false when none. */
function emitEmbedded(token: string, emit: Emit): boolean {
  if (!MAYBE_IOC.test(token)) return false;
  let covered = 0;
  let emitted = false;
  for (const span of embeddedSpans(token, cleanToken)) {
    if (span.start < covered) continue;
    if (emitClassified(span.value, emit) || emitEmailDomain(span.value, emit)) {
      covered = span.end;
      emitted = true;
    }
  }
  return emitted;
}

/**
 * A URL with markup glued to it (GLUED_MARKUP): the part before and the part after are
 * read as tokens of their own, so the URL is offered without the markup and a value hidden behind
 * the markup still gets its row. False when there is nothing to cut.
 */
function emitCutAtMarkup(token: string, list: boolean, emit: Emit): boolean {
  const scheme = token.indexOf('://');
  if (scheme === -1) return false;
  const afterScheme = scheme + 3;
  const match = GLUED_MARKUP.exec(token.slice(afterScheme));
  if (match === null) return false;
  const cut = afterScheme + match.index;
  emitToken(token.slice(0, cut), list, emit);
  // What follows the markup is searched as free text, so only a value in it gets a row.
  emitToken(token.slice(cut), false, emit);
  return true;
}

/**
 * IPV6_NEAR_MISS: the address without its brackets when that is one (`73[3]4` → `7334`), else the
 * token as written, which the review shows as an invalid IPv6 with the reason.
 */
function emitDefangedIpv6(token: string, emit: Emit): boolean {
  if (!IPV6_NEAR_MISS.test(token) || MAC_ADDRESS.test(token)) return false;
  const unbracketed = token.replace(BRACKETS, '');
  if (classifyValue(unbracketed) === 'IPV6') return emitClassified(unbracketed, emit);
  emit({ value: token, type: 'IPV6' });
  return true;
}

function emitToken(raw: string, list: boolean, emit: Emit, splitItems = true): void {
  const token = cleanToken(raw);
  if (token === '') return;
  if (INVISIBLE_CHAR.test(token)) {
    const visible = token.replace(INVISIBLE_CHARS, '');
    if (list || classifyValue(visible) !== null || NEAR_MISS.test(visible))
      emit({ value: token, type: guessType(visible) });
    return;
  }
  if (!list && !MAYBE_IOC.test(token)) return;
  if (emitCutAtMarkup(token, list, emit)) return;
  if (emitClassified(token, emit) || emitEmailDomain(token, emit) || emitOtherUrl(token, emit)) return;
  if (emitDefangedIpv6(token, emit)) return;
  if (splitItems && ITEM_SEPARATORS.test(token)) {
    for (const item of token.split(ITEM_SEPARATORS)) emitToken(item, list, emit, false);
    return;
  }
  if (emitEmbedded(token, emit)) return;
  if (list || NEAR_MISS.test(token)) emit({ value: token, type: guessType(token) });
}

/** Offsets just past a line break, every `size` characters or more, so that no line is split. */
function lineChunks(text: string, size: number): string[] {
  const chunks: string[] = [];
  let start = 0;
  while (start < text.length) {
    const newline = text.indexOf('\n', Math.min(start + size, text.length) - 1);
    const end = newline === -1 ? text.length : newline + 1;
    chunks.push(text.slice(start, end));
    start = end;
  }
  return chunks;
}

/** `candidate` with the warnings its surroundings give it, when any. */
function withContext(candidate: Candidate, context: TokenContext): Candidate {
  const warnings = [
    ...(candidate.contextWarnings ?? []),
    ...contextWarnings(candidate.value, candidate.type, context, candidate.fromUrlHost),
  ];
  return warnings.length === 0 ? candidate : { ...candidate, contextWarnings: warnings };
}

/** Whether a URL's warnings leave its host worth a tick (`host-port` speaks against the URL only). */
const urlVouchesForHost = (url: Candidate | undefined) =>
  (url?.contextWarnings ?? []).every((warning) => warning === 'host-port');

/** Suggestions (URL hosts, e-mail domains) once each, and none for a value that also stands alone. */
function pruneSuggestions(candidates: Candidate[]): Candidate[] {
  const key = (c: Candidate) => `${c.type}|${c.value}`;
  const standalone = new Set(candidates.filter((c) => !c.fromUrlHost && !c.fromEmail).map(key));
  // A host offered under several URLs is ticked when any of them names it whole.
  const blocked = new Set(candidates.filter((c) => c.fromUrlHost && c.blockHost).map(key));
  const offered = new Set<string>();
  return candidates.flatMap((c) => {
    if (!c.fromUrlHost && !c.fromEmail) return [c];
    const k = key(c);
    if (standalone.has(k) || offered.has(k)) return [];
    offered.add(k);
    return [blocked.has(k) && !c.blockHost ? { ...c, blockHost: true } : c];
  });
}

/**
 * The whole extraction as steps: it pauses (yields) after every chunk of about `chunkChars`
 * characters, first while refanging and deciding list or free text, then while extracting. The sync
 * and the async entry points run this same generator, so their results cannot differ.
 */
function* extraction(text: string, chunkChars: number): Generator<void, Candidate[]> {
  const chunks: { raw: string; refanged: string }[] = [];
  let list = true;
  let defangedPaste = false;
  for (const chunk of lineChunks(text, chunkChars)) {
    const refanged = refang(chunk);
    chunks.push({ raw: chunk, refanged });
    if (list) list = refanged.split('\n').every(isListLine);
    if (refanged !== chunk) defangedPaste = true;
    yield;
  }
  const candidates: Candidate[] = [];
  const tracker = new DocumentTracker();
  let lastUrl: Candidate | undefined;
  // Tokens are independent once list or free text is decided, so this phase also pauses inside a
  // long line (a 1 MB comma list pasted as one line). Refanging never crosses a line break, so the
  // raw and refanged chunks have the same lines.
  let read = 0;
  for (const chunk of chunks) {
    const rawLines = chunk.raw.split('\n');
    const lines = chunk.refanged.split('\n');
    for (const [index, line] of lines.entries()) {
      tracker.next(line);
      for (const token of line.split(SPACES)) {
        const context: TokenContext = {
          token: cleanToken(token),
          line,
          rawLine: rawLines[index] ?? line,
          heading: tracker.heading,
          header: tracker.header,
          list,
          defangedPaste: defangedPaste && !list,
        };
        emitToken(token, list, (found) => {
          let candidate = withContext(found, context);
          // A host is ticked only when its URL is no reference link, no detection name, …
          if (candidate.blockHost && !urlVouchesForHost(lastUrl))
            candidate = { ...candidate, blockHost: false };
          if (candidate.type === 'URL' && !candidate.fromUrlHost) lastUrl = candidate;
          candidates.push(candidate);
        });
        read += token.length + 1;
        if (read >= chunkChars) {
          read = 0;
          yield;
        }
      }
    }
  }
  return pruneSuggestions(candidates);
}

/** IOC candidates in `text` (a list or free text, defanged or not), in first-appearance order, not deduplicated. */
export function extractCandidates(text: string): Candidate[] {
  const steps = extraction(text, Number.POSITIVE_INFINITY);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

export interface ChunkOptions {
  /** Characters per step (whole lines; default 16,000). */
  chunkChars?: number;
  signal?: AbortSignal;
  /** How to give the event loop a turn between steps; a macrotask by default. Injected by tests. */
  yieldToEventLoop?: () => Promise<void>;
}

const macrotask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** extractCandidates, giving the event loop a turn between chunks so a 1 MB paste never freezes the page. */
export async function extractCandidatesChunked(
  text: string,
  options: ChunkOptions = {},
): Promise<Candidate[]> {
  const { chunkChars = 16_000, signal, yieldToEventLoop = macrotask } = options;
  const steps = extraction(text, chunkChars);
  for (;;) {
    signal?.throwIfAborted();
    const step = steps.next();
    if (step.done) return step.value;
    await yieldToEventLoop();
  }
}
