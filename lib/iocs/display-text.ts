/**
 * Console text as the analyst should read it. Preact already renders IOC fields as text, never
 * markup, but text alone can still deceive (tests/e2e/hostile-data.spec.ts): a RIGHT-TO-LEFT OVERRIDE makes
 * "invoice\u202Efdp.exe" read "invoiceexe.pdf" (and reverses whatever follows it on the line),
 * zero-width characters hide inside "pay\u200Bpal", control characters draw nothing or a box.
 * Those characters are spelled out wherever IOC fields are shown; filters, copies and exports keep
 * the raw text.
 */

/**
 * Bidi controls and characters that draw nothing: zero-width and other default-ignorable format
 * characters, line/paragraph separators, Unicode tags. Variation selectors are left alone (emoji).
 */
const INVISIBLE =
  '\\u00AD\\u034F\\u061C\\u115F\\u1160\\u17B4\\u17B5\\u180B-\\u180F\\u200B-\\u200F\\u2028-\\u202E\\u2060-\\u206F\\u3164\\uFEFF\\uFFA0\\uFFF9-\\uFFFB\\u{E0000}-\\u{E007F}';
const CONTROL = '\\u0000-\\u001F\\u007F-\\u009F';
const HIDDEN = new RegExp(`[${INVISIBLE}${CONTROL}]`, 'u');
const HIDDEN_ALL = new RegExp(HIDDEN.source, 'gu');
/** What JSON.stringify leaves raw: everything above except the C0 controls, which it escapes. */
const JSON_RAW = new RegExp(`[${INVISIBLE}\\u007F-\\u009F]`, 'gu');

const hex = (code: number) => code.toString(16).toUpperCase().padStart(4, '0');

/** C0 controls and DEL as their Unicode control pictures (␀ ␇ ␛ ␡), anything else as ⟨U+202E⟩. */
function spellOut(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  if (code < 0x20) return String.fromCharCode(0x2400 + code);
  if (code === 0x7f) return '\u2421';
  return `⟨U+${hex(code)}⟩`;
}

/**
 * `text` with its invisible, bidi and control characters spelled out, and cut to `max` characters
 * (then ending in …) so that a 100 KB field cannot swamp a line, a popup or a notification.
 */
export function displayText(text: string, max = Number.POSITIVE_INFINITY): string {
  let shown = text;
  if (shown.length > max) {
    let end = Math.max(0, max - 1);
    // Never cut a surrogate pair in two.
    if (/[\uD800-\uDBFF]/.test(shown.charAt(end - 1))) end -= 1;
    shown = `${shown.slice(0, end)}…`;
  }
  return HIDDEN.test(shown) ? shown.replace(HIDDEN_ALL, spellOut) : shown;
}

/**
 * JSON text whose invisible and bidi characters are \u escapes: the same JSON value, but what is
 * on screen is what the data holds (JSON.stringify escapes only the C0 controls).
 */
export function escapeHiddenInJson(json: string): string {
  return json.replace(JSON_RAW, (char) =>
    Array.from({ length: char.length }, (_, i) => `\\u${hex(char.charCodeAt(i)).toLowerCase()}`).join(''),
  );
}
