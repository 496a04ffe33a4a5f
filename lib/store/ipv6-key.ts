/**
 * The one written form of an IPv6 address (RFC 5952: lower case, no leading zeros, the longest run of
 * two or more zero groups shortened to `::`, the first on a tie), for the cache's value key. The
 * console keeps a value as it was sent, so an IOC may hold `2001:db8:0:1eb7::0dc4` while a look-up
 * asks for the validated `2001:db8:0:1eb7::dc4`: both must find the same IOC. Small and without a
 * library on purpose: the popup's first script computes value keys.
 */

const HEXTET = /^[0-9a-f]{1,4}$/;
const DOTTED = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** The eight groups of `text` (lower case) as numbers, or null when it is no IPv6 address. */
function groupsOf(text: string): number[] | null {
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const parse = (part: string): number[] | null => {
    if (part === '') return [];
    const out: number[] = [];
    const pieces = part.split(':');
    for (const [i, piece] of pieces.entries()) {
      const dotted = i === pieces.length - 1 ? DOTTED.exec(piece) : null;
      if (dotted) {
        const bytes = dotted.slice(1).map(Number);
        if (bytes.some((b) => b > 255)) return null;
        out.push(
          ((bytes[0] as number) << 8) | (bytes[1] as number),
          ((bytes[2] as number) << 8) | (bytes[3] as number),
        );
      } else if (HEXTET.test(piece)) out.push(Number.parseInt(piece, 16));
      else return null;
    }
    return out;
  };
  const head = parse(halves[0] as string);
  const tail = halves.length === 2 ? parse(halves[1] as string) : [];
  if (!head || !tail) return null;
  if (halves.length === 1) return head.length === 8 ? head : null;
  const missing = 8 - head.length - tail.length;
  return missing >= 1 ? [...head, ...new Array<number>(missing).fill(0), ...tail] : null;
}

/** `text` in RFC 5952 form when it is an IPv6 address, else null. */
export const canonicalIpv6 = (text: string): string | null => canonicalFoldedIpv6(text.toLowerCase());

/**
 * canonicalIpv6 of a text already in lower case: the cache's value key folds every value once, and
 * a second toLowerCase of each of 100,000 values at every full sync is work for nothing.
 */
export function canonicalFoldedIpv6(lower: string): string | null {
  if (!lower.includes(':') || !/^[0-9a-f:.]+$/.test(lower)) return null;
  const groups = groupsOf(lower);
  if (!groups) return null;
  // The longest run of zero groups, two at least; the first when two are as long.
  let bestAt = -1;
  let bestLength = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) {
      bestAt = i;
      bestLength = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestAt === -1) return hex.join(':');
  return `${hex.slice(0, bestAt).join(':')}::${hex.slice(bestAt + bestLength).join(':')}`;
}
