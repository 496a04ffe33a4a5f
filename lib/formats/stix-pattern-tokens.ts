/**
 * The tokens of a STIX 2.1 pattern (STIX 2.1 specification, section 9): words, operators,
 * punctuation and literals, each with its place, for the parser in stix-pattern.ts. A character the
 * grammar has no token for throws a PatternError at its place.
 */
import type { StixLiteral } from './stix-pattern';

export type Token =
  | { kind: 'word' | 'op' | 'punct'; text: string; at: number }
  | { kind: 'literal'; literal: StixLiteral; text: string; at: number }
  | { kind: 'end'; text: ''; at: number };

export class PatternError extends Error {
  constructor(
    readonly at: number,
    message: string,
  ) {
    super(message);
  }
}

/** The grammar's white space: ASCII and the Unicode spaces it lists. */
const SPACE = /[ \t\r\n\v\f\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;
const WORD_START = /[A-Za-z_]/;
const WORD_CHAR = /[A-Za-z0-9_-]/;
const NUMBER = /^[+-]?(?:\d*\.\d+|\d+)/;
const OPERATORS = ['==', '!=', '<>', '<=', '>=', '=', '<', '>'];
const TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z$/;

/** The characters of a quoted literal opening at `quote`, and the index after its closing quote. */
function readQuoted(text: string, quote: number): { value: string; end: number } {
  let value = '';
  for (let i = quote + 1; i < text.length; i++) {
    const char = text[i];
    if (char === "'") return { value, end: i + 1 };
    if (char === '\\') {
      const next = text[i + 1];
      if (next !== "'" && next !== '\\') {
        throw new PatternError(i, "a backslash in a quoted text must be followed by ' or \\");
      }
      value += next;
      i++;
    } else {
      value += char;
    }
  }
  throw new PatternError(quote, 'the quoted text that starts here is not closed');
}

export function prefixedLiteral(prefix: string, body: string, at: number): StixLiteral {
  if (prefix === 'h') {
    if (!/^(?:[0-9A-Fa-f]{2})*$/.test(body)) throw new PatternError(at, `h'${body}' is not hex pairs`);
    return { kind: 'hex', value: body };
  }
  if (prefix === 'b') {
    if (!/^[A-Za-z0-9+/=]*$/.test(body)) throw new PatternError(at, `b'${body}' is not base64`);
    return { kind: 'binary', value: body };
  }
  if (!TIMESTAMP.test(body) || Number.isNaN(Date.parse(body.replace(/(\.\d{3})\d+/, '$1')))) {
    throw new PatternError(at, `t'${body}' is not a UTC timestamp like t'2026-01-31T12:00:00Z'`);
  }
  return { kind: 'timestamp', value: body };
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const char = text[i] as string;
    if (SPACE.test(char)) {
      i++;
    } else if (text.startsWith('/*', i)) {
      const close = text.indexOf('*/', i + 2);
      if (close < 0) throw new PatternError(i, 'the comment that starts here is not closed');
      i = close + 2;
    } else if (text.startsWith('//', i)) {
      const newline = text.slice(i).search(/[\r\n]/);
      i = newline < 0 ? text.length : i + newline;
    } else if (char === "'") {
      const { value, end } = readQuoted(text, i);
      tokens.push({ kind: 'literal', literal: { kind: 'string', value }, text: text.slice(i, end), at: i });
      i = end;
    } else if ((char === 'h' || char === 'b' || char === 't') && text[i + 1] === "'") {
      const { value, end } = readQuoted(text, i + 1);
      tokens.push({
        kind: 'literal',
        literal: prefixedLiteral(char, value, i),
        text: text.slice(i, end),
        at: i,
      });
      i = end;
    } else if (WORD_START.test(char)) {
      let end = i + 1;
      while (end < text.length && WORD_CHAR.test(text[end] as string)) end++;
      tokens.push({ kind: 'word', text: text.slice(i, end), at: i });
      i = end;
    } else if (NUMBER.test(text.slice(i))) {
      const number = (NUMBER.exec(text.slice(i)) as RegExpExecArray)[0];
      tokens.push({
        kind: 'literal',
        literal: { kind: 'number', value: Number(number) },
        text: number,
        at: i,
      });
      i += number.length;
    } else {
      const op = OPERATORS.find((candidate) => text.startsWith(candidate, i));
      if (op) {
        tokens.push({ kind: 'op', text: op, at: i });
        i += op.length;
      } else if ('[]():.,*'.includes(char)) {
        tokens.push({ kind: 'punct', text: char, at: i });
        i++;
      } else {
        throw new PatternError(i, `unexpected character ${JSON.stringify(char)}`);
      }
    }
  }
  tokens.push({ kind: 'end', text: '', at: text.length });
  return tokens;
}
