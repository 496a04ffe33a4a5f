/**
 * Where IOCs sit inside a token that is not one as a whole (`C2=evil.com`, `sha256:<hex>`), for
 * extract.ts: candidate values with their positions, left to right, longest first.
 *
 * ioc-extractor 8.2 is used only here: on whole text it returns values without positions (so
 * first-appearance order is lost), sorts and de-duplicates them, turns `300.1.1.1` into `0.1.1.1`,
 * keeps trailing punctuation on URLs (`http://x.com/a).`), misses scheme-less URLs, `ftp://`,
 * bracketed IPv6 hosts and unicode domains, and its refang misses upper case `hXXp`. So each value
 * it proposes is located in the token and kept only at a value boundary; extract.ts re-checks it
 * with classify.ts.
 */
import { partialExtractIOC } from 'ioc-extractor';

const EMBEDDED_KINDS = ['urls', 'emails', 'ipv4s', 'ipv6s', 'md5s', 'sha1s', 'sha256s', 'domains'] as const;
/** Characters that continue a value: an embedded match next to one is part of something longer. */
const VALUE_CHAR = /[\p{L}\p{N}_.-]/u;

export interface Span {
  start: number;
  end: number;
  value: string;
}

/**
 * Whether the match at `start`-`end` continues across a colon: `1:2:3:4:5:6:7:8:9` must not yield
 * `1:2:3:4:5:6:7:8`, nor `http://evil.com:/x` yield `http://evil.com`. Before an IPv6 match a colon
 * joins only after a hex digit or another colon, so `ip:2606:4700::1` is a label and an address.
 */
function joinedByColon(token: string, start: number, end: number, ipv6: boolean): boolean {
  if (token[end] === ':') return true;
  if (!ipv6 || token[start - 1] !== ':') return false;
  const previous = token[start - 2];
  return previous === undefined || /[0-9a-f:]/i.test(previous);
}

/** Every boundary-respecting match in `token`, each value passed through `clean` (extract.ts cleanToken). */
export function embeddedSpans(token: string, clean: (raw: string) => string): Span[] {
  const found = partialExtractIOC(token, [...EMBEDDED_KINDS], { refang: false, sort: false });
  const spans: Span[] = [];
  for (const kind of EMBEDDED_KINDS) {
    for (const raw of found[kind] ?? []) {
      const value = clean(raw);
      let start = token.indexOf(value);
      while (start !== -1) {
        const end = start + value.length;
        const before = token[start - 1];
        const after = token[end];
        // `300.1.1.1` must not yield `0.1.1.1`: a match has to start and end at a value boundary.
        if (
          (before === undefined || !VALUE_CHAR.test(before)) &&
          (after === undefined || !VALUE_CHAR.test(after)) &&
          !joinedByColon(token, start, end, kind === 'ipv6s')
        ) {
          spans.push({ start, end, value });
        }
        start = token.indexOf(value, start + 1);
      }
    }
  }
  // Left to right, longest first, so that what lies inside a longer match (a found URL's domain) can be skipped.
  return spans.sort((a, b) => a.start - b.start || b.end - a.end);
}
