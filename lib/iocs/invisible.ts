/**
 * Invisible and control characters in a value: `\p{Cc}` and `\p{Cf}` (NUL, ESC, DEL, C1 controls,
 * zero-width spaces and joiners, the soft hyphen, U+FEFF, bidi marks and overrides such as U+202E).
 * They make a value invalid whatever its type, with the code point named: the review cannot show
 * them, yet the console would store and match them byte for byte, and a bidi override makes the text
 * shown differ from the text sent (`\u202E9.21.77.54` reads as `45.77.12.9`). Ordinary white space
 * (tab, new line) is left to the per-type checks, which say "spaces".
 */

/** One control or format character other than ordinary white space. */
export const INVISIBLE_CHAR = /(?![\t\n\v\f\r])[\p{Cc}\p{Cf}]/u;

/** Why `text` cannot be sent as typed because of a hidden character, or null when it has none. */
export function invisibleProblem(text: string): string | null {
  const char = INVISIBLE_CHAR.exec(text)?.[0];
  if (char === undefined) return null;
  const code = char.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0');
  return `contains an invisible or control character (U+${code}): what is shown is not what would be sent`;
}
