/**
 * JSON.parse with an error an analyst can find in the file: `line 12, column 5` and what was found
 * there. The engines word their errors differently and some give no place at all (V8 in Node 20:
 * `Unexpected token ']', "[1,2,]" is not valid JSON`; Safari: `JSON Parse error: …`), so when
 * JSON.parse fails, a small scanner (RFC 8259 grammar, no values built) walks the text again to find
 * the first character that breaks it. JSON.parse still builds the value: it is fast and exact.
 */
import type { IntelFileError } from './intel-row';

export type JsonParse = { ok: true; value: unknown } | { ok: false; error: IntelFileError };

/** 1-based line and column of character `offset` in `text`. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

class JsonSyntaxError {
  constructor(
    readonly offset: number,
    readonly message: string,
  ) {}
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;
const MAX_DEPTH = 1000;

/** Finds the first syntax error of `text`; returns normally when there is none. */
function scan(text: string): void {
  let at = 0;
  const found = (): string => (at >= text.length ? 'the end of the file' : JSON.stringify(text.charAt(at)));
  const fail = (expected: string): never => {
    throw new JsonSyntaxError(at, `expected ${expected}, found ${found()}`);
  };
  const space = () => {
    while (at < text.length && ' \t\n\r'.includes(text.charAt(at))) at++;
  };
  const string = () => {
    at++; // the opening quote
    for (;;) {
      const code = text.charCodeAt(at);
      if (Number.isNaN(code)) fail('a closing "');
      if (code === 0x22) break;
      if (code < 0x20) throw new JsonSyntaxError(at, 'a line break or control character inside a string');
      if (code === 0x5c) {
        ESCAPE.lastIndex = at;
        if (!ESCAPE.test(text)) throw new JsonSyntaxError(at, 'a bad escape in a string');
        at = ESCAPE.lastIndex;
      } else at++;
    }
    at++;
  };
  const value = (depth: number): void => {
    if (depth > MAX_DEPTH) throw new JsonSyntaxError(at, 'nested too deeply');
    space();
    const c = text.charAt(at);
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      at++;
      space();
      if (text.charAt(at) === close) {
        at++;
        return;
      }
      for (;;) {
        if (c === '{') {
          space();
          if (text.charAt(at) !== '"') fail('a property name in double quotes');
          string();
          space();
          if (text.charAt(at) !== ':') fail('":"');
          at++;
        }
        value(depth + 1);
        space();
        if (text.charAt(at) === ',') {
          at++;
          continue;
        }
        if (text.charAt(at) === close) {
          at++;
          return;
        }
        fail(`"," or "${close}"`);
      }
    }
    if (c === '"') {
      string();
      return;
    }
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, at)) {
        at += word.length;
        return;
      }
    }
    NUMBER.lastIndex = at;
    if (NUMBER.exec(text)) {
      at = NUMBER.lastIndex;
      return;
    }
    fail('a value');
  };
  value(0);
  space();
  if (at < text.length) fail('the end of the file');
}

/** `text` parsed (a leading byte-order mark ignored), or where and why it is not JSON. */
export function parseJsonText(text: string): JsonParse {
  const source = text.replace(/^\uFEFF/, '');
  if (source.trim() === '') return { ok: false, error: { where: 'line 1', message: 'the file is empty' } };
  try {
    return { ok: true, value: JSON.parse(source) };
  } catch (parseError) {
    try {
      scan(source);
    } catch (error) {
      if (error instanceof JsonSyntaxError) {
        const { line, column } = lineAndColumn(source, error.offset);
        return {
          ok: false,
          error: { where: `line ${line}, column ${column}`, message: `not valid JSON: ${error.message}` },
        };
      }
    }
    // JSON.parse refused what the scanner accepts (an engine limit): say what the engine said.
    const message = parseError instanceof Error ? parseError.message : String(parseError);
    return { ok: false, error: { where: 'the file', message: `not valid JSON: ${message}` } };
  }
}
