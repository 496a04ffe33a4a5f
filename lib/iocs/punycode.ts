/**
 * Punycode decoding (RFC 3492 §6.2), to check `xn--` labels without trusting the URL parser: Node's
 * refuses `xn--abc` (it decodes to C1 controls) while Chromium's accepts it, so the review's verdict
 * depended on where it ran. There is no ToUnicode in the browser, and `node:punycode` is Node-only.
 */
const BASE = 36;
const T_MIN = 1;
const T_MAX = 26;
const SKEW = 38;
const DAMP = 700;
const LIMIT = 0x7fffffff;

function adapt(delta: number, points: number, first: boolean): number {
  let d = first ? Math.floor(delta / DAMP) : Math.floor(delta / 2);
  d += Math.floor(d / points);
  let k = 0;
  for (; d > ((BASE - T_MIN) * T_MAX) >> 1; k += BASE) d = Math.floor(d / (BASE - T_MIN));
  return k + Math.floor(((BASE - T_MIN + 1) * d) / (d + SKEW));
}

/** A base-36 digit's value (`a`-`z` 0-25, `0`-`9` 26-35), or BASE for any other character. */
function digit(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x16;
  const lower = code | 0x20;
  return lower >= 0x61 && lower <= 0x7a ? lower - 0x61 : BASE;
}

/** The Unicode text `input` (a label without `xn--`) encodes, or null when it is no valid punycode. */
export function decodePunycode(input: string): string | null {
  const delimiter = input.lastIndexOf('-');
  const output = [...input.slice(0, Math.max(delimiter, 0))].map((c) => c.codePointAt(0) ?? 0);
  if (output.some((code) => code >= 0x80)) return null;
  let n = 0x80;
  let i = 0;
  let bias = 72;
  // A delimiter at 0 copies nothing and is not skipped (as node:punycode does), so `-abc` is refused.
  for (let pos = delimiter > 0 ? delimiter + 1 : 0; pos < input.length; ) {
    const before = i;
    for (let w = 1, k = BASE; ; k += BASE) {
      if (pos >= input.length) return null;
      const d = digit(input.charCodeAt(pos++));
      if (d >= BASE || d * w > LIMIT - i) return null;
      i += d * w;
      const t = k <= bias ? T_MIN : k >= bias + T_MAX ? T_MAX : k - bias;
      if (d < t) break;
      if (w * (BASE - t) > LIMIT) return null;
      w *= BASE - t;
    }
    const length = output.length + 1;
    bias = adapt(i - before, length, before === 0);
    n += Math.floor(i / length);
    if (n > 0x10ffff) return null;
    i %= length;
    output.splice(i, 0, n);
    i++;
  }
  return String.fromCodePoint(...output);
}
