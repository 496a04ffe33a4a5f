/**
 * One text field of every cached IOC, stored by distinct text: a filter tests each distinct text
 * once (names, creators, sources and descriptions repeat thousands of times) and a row is then one
 * array look-up. The printable-ASCII texts are also lower-cased and joined into one string, so a
 * plain substring is found by the engine's native `indexOf` jumping from match to match instead of
 * by one call per row. Lower-casing equals the filter's case folding for printable ASCII only;
 * other texts are kept aside for the filter's own regex to judge.
 */

import type { AsciiGlob } from './filter';

/** The id of "no text" (a null or missing field): no text filter matches it. */
export const NO_TEXT = 0;

/** Up to this many distinct texts are looked up for reuse; later ones just get a fresh id. */
const DEDUPE_LIMIT = 200_000;

const PRINTABLE_ASCII = /^[ -~]*$/;
/** Cannot occur in a printable-ASCII text, so a match never spans two texts. */
const SEPARATOR = '\n';

export interface TextColumn {
  /** Per row, the id of its text. */
  ids: Uint32Array;
  /** The texts by id, as stored; entry NO_TEXT is unused. */
  texts: string[];
  /** Lower-cased printable-ASCII texts joined by SEPARATOR in id order (others as empty entries). */
  lowered: string;
  /** Where each id's entry starts in `lowered`; one more entry than `texts`. */
  starts: Uint32Array;
  /** The ids whose text is not printable ASCII. */
  otherIds: Uint32Array;
}

export function buildTextColumn(values: ArrayLike<string | null | undefined>): TextColumn {
  const ids = new Uint32Array(values.length);
  const texts: string[] = [''];
  const seen = new Map<string, number>();
  for (let row = 0; row < values.length; row++) {
    const text = values[row];
    if (text == null) continue;
    let id = seen.get(text);
    if (id === undefined) {
      id = texts.length;
      texts.push(text);
      if (seen.size < DEDUPE_LIMIT) seen.set(text, id);
    }
    ids[row] = id;
  }
  const parts: string[] = new Array(texts.length);
  const starts = new Uint32Array(texts.length + 1);
  const others: number[] = [];
  let offset = 0;
  for (let id = 0; id < texts.length; id++) {
    const text = texts[id] as string;
    const ascii = id !== NO_TEXT && PRINTABLE_ASCII.test(text);
    if (id !== NO_TEXT && !ascii) others.push(id);
    const part = ascii ? text.toLowerCase() : '';
    parts[id] = part;
    starts[id] = offset;
    offset += part.length + SEPARATOR.length;
  }
  starts[texts.length] = offset;
  return {
    ids,
    texts,
    lowered: parts.join(SEPARATOR) + SEPARATOR,
    starts,
    otherIds: Uint32Array.from(others),
  };
}

/** Whether entry [start, end) of `lowered` matches the glob: leftmost pieces, as a glob matches. */
function entryMatches(lowered: string, start: number, end: number, glob: AsciiGlob): boolean {
  if (end - start < glob.prefix.length + glob.suffix.length) return false;
  if (!lowered.startsWith(glob.prefix, start)) return false;
  let at = start + glob.prefix.length;
  for (const middle of glob.middles) {
    const found = lowered.indexOf(middle, at);
    if (found === -1 || found + middle.length > end) return false;
    at = found + middle.length;
  }
  return end - glob.suffix.length >= at && lowered.startsWith(glob.suffix, end - glob.suffix.length);
}

/**
 * Which texts match, by id (1 = matches). `glob`, when given, decides the printable-ASCII texts
 * through `lowered`: candidates are found by native `indexOf` of the glob's most selective piece
 * (the suffix followed by a separator, a separator followed by the prefix, or the longest middle)
 * and then checked whole. `test` is the filter's own test, used for every text the glob cannot
 * judge (or for all texts when there is no glob).
 */
export function matchingTexts(
  column: TextColumn,
  glob: AsciiGlob | null,
  test: (text: string) => boolean,
): Uint8Array {
  const matched = new Uint8Array(column.texts.length);
  if (glob === null) {
    for (let id = 1; id < column.texts.length; id++) if (test(column.texts[id] as string)) matched[id] = 1;
    return matched;
  }
  const { lowered, starts } = column;
  const entryEnd = (id: number) => (starts[id + 1] as number) - SEPARATOR.length;
  const longestMiddle = glob.middles.reduce((a, b) => (b.length > a.length ? b : a), '');
  // The piece to look for, and where in it the matched entry lies.
  const [piece, into] =
    glob.suffix !== ''
      ? [glob.suffix + SEPARATOR, 0]
      : glob.prefix !== ''
        ? [SEPARATOR + glob.prefix, SEPARATOR.length]
        : [longestMiddle, 0];
  if (piece === '') {
    // A bare wildcard: every text.
    for (let id = 1; id < column.texts.length; id++) matched[id] = 1;
    return matched;
  }
  // A glob of one piece (a substring, `abc*`, `*abc`) is matched by finding that piece.
  const pieceIsWholeGlob = [glob.prefix, glob.suffix, ...glob.middles].filter((p) => p !== '').length === 1;
  // Matches come in position order, so the id holding each is found by walking `starts` forward
  // (at most one step per text in all: cheaper than a binary search per match when most texts match).
  let id = 0;
  for (let at = lowered.indexOf(piece); at !== -1; ) {
    while ((starts[id + 1] as number) <= at + into) id++;
    if (pieceIsWholeGlob || entryMatches(lowered, starts[id] as number, entryEnd(id), glob)) matched[id] = 1;
    // Nothing later in this text can add anything: go on from the next one (its separator included).
    at = lowered.indexOf(piece, (starts[id + 1] as number) - SEPARATOR.length);
  }
  for (const id of column.otherIds) matched[id] = test(column.texts[id] as string) ? 1 : 0;
  return matched;
}
