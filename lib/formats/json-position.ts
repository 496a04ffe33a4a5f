/**
 * JSON.parse with an error an analyst can find in the file: `line 12, column 5` and what was expected
 * there. The engines word their errors differently and some give no place at all (V8 in Node 20:
 * `Unexpected token ']', "[1,2,]" is not valid JSON`; Safari: `JSON Parse error: …`), so when
 * JSON.parse fails, jsonc-parser (VS Code's JSON scanner, strict options: no comments, no trailing
 * commas) reads the text again for the first error's offset. JSON.parse still builds the value: it
 * is fast and exact.
 */
import { type ParseError, ParseErrorCode, parse } from 'jsonc-parser';
import type { IntelFileError } from './intel-row';

export type JsonParse = { ok: true; value: unknown } | { ok: false; error: IntelFileError };

/** 1-based line and column of character `offset` in `text`. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** Each of jsonc-parser's errors in an analyst's words. */
const EXPECTED: Readonly<Record<ParseErrorCode, string>> = {
  [ParseErrorCode.InvalidSymbol]: 'a word or character JSON does not allow here',
  [ParseErrorCode.InvalidNumberFormat]: 'a bad number',
  [ParseErrorCode.PropertyNameExpected]: 'expected a property name in double quotes',
  [ParseErrorCode.ValueExpected]: 'expected a value',
  [ParseErrorCode.ColonExpected]: 'expected ":"',
  [ParseErrorCode.CommaExpected]: 'expected "," between items',
  [ParseErrorCode.CloseBraceExpected]: 'expected "," or "}"',
  [ParseErrorCode.CloseBracketExpected]: 'expected "," or "]"',
  [ParseErrorCode.EndOfFileExpected]: 'expected the end of the file',
  [ParseErrorCode.InvalidCommentToken]: 'a comment, which JSON does not allow',
  [ParseErrorCode.UnexpectedEndOfComment]: 'a comment, which JSON does not allow',
  [ParseErrorCode.UnexpectedEndOfString]: 'expected a closing "',
  [ParseErrorCode.UnexpectedEndOfNumber]: 'a number cut short',
  [ParseErrorCode.InvalidUnicode]: 'a bad \\u escape',
  [ParseErrorCode.InvalidEscapeCharacter]: 'a bad escape',
  [ParseErrorCode.InvalidCharacter]: 'a line break or control character inside a string',
};

/** The first error jsonc-parser finds in `text`, if any. */
function firstError(text: string): ParseError | undefined {
  const errors: ParseError[] = [];
  parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  return errors.sort((a, b) => a.offset - b.offset)[0];
}

/** `text` parsed (a leading byte-order mark ignored), or where and why it is not JSON. */
export function parseJsonText(text: string): JsonParse {
  const source = text.replace(/^\uFEFF/, '');
  if (source.trim() === '') return { ok: false, error: { where: 'line 1', message: 'the file is empty' } };
  try {
    return { ok: true, value: JSON.parse(source) };
  } catch (parseError) {
    const found = firstError(source);
    if (found) {
      const { line, column } = lineAndColumn(source, found.offset);
      const token = source.slice(found.offset, found.offset + Math.min(Math.max(found.length, 1), 20));
      const seen =
        found.offset >= source.length ? 'found the end of the file' : `found ${JSON.stringify(token)}`;
      return {
        ok: false,
        error: {
          where: `line ${line}, column ${column}`,
          message: `not valid JSON: ${EXPECTED[found.error]}, ${seen}`,
        },
      };
    }
    // JSON.parse refused what the scanner accepts (an engine limit): say what the engine said.
    const message = parseError instanceof Error ? parseError.message : String(parseError);
    return { ok: false, error: { where: 'the file', message: `not valid JSON: ${message}` } };
  }
}
