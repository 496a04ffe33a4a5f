/**
 * Refanging: undo the SOC conventions that keep an IOC from becoming a live link in reports and
 * chat (the inverse of defang.ts). Every form is matched case-insensitively, with spaces allowed
 * inside the brackets (`[ . ]`, `[DOT]`), but never across a line break, so a chunked reader that
 * splits at line ends refangs exactly as a whole-text one does. Spaces *outside* the brackets are
 * kept: `a [.] b` in prose is more often a sentence than a domain.
 */

/** `[.]`, `(.)`, `{.}`, `[dot]`, `(dot)`, `{dot}`, with optional inner spaces. */
const DOT = /[[({][ \t]*(?:\.|dot)[ \t]*[\])}]/gi;
/** `[://]`: the whole scheme separator in one bracket. */
const SCHEME_SEPARATOR = /[[({][ \t]*:\/\/[ \t]*[\])}]/g;
const COLON = /[[({][ \t]*:[ \t]*[\])}]/g;
const SLASHES = /[[({][ \t]*(\/{1,2})[ \t]*[\])}]/g;
const AT = /[[({][ \t]*(?:@|at)[ \t]*[\])}]/gi;
/** `hxxp`, `hXXps`, `HXXP` (the `x`s stand in for `tt`), only where a scheme separator follows. */
const SCHEME = /\bhxxp(s?)(?=:\/\/)/gi;

function refangOnce(text: string): string {
  return text
    .replace(DOT, '.')
    .replace(SCHEME_SEPARATOR, '://')
    .replace(COLON, ':')
    .replace(SLASHES, '$1')
    .replace(AT, '@')
    .replace(SCHEME, (_match, s: string) => `http${s.toLowerCase()}`);
}

/** `text` with every defanged form (`hxxp`, `[.]`, `(dot)`, `[:]`, `[/]`, `[at]`, …) turned back; idempotent. */
export function refang(text: string): string {
  // Repeat to a fixed point so that nested forms such as `[[.]]` also end up plain, which is what
  // makes refang idempotent. Each pass only shortens the text, so the loop ends.
  let previous = text;
  let current = refangOnce(text);
  while (current !== previous) {
    previous = current;
    current = refangOnce(current);
  }
  return current;
}
