/**
 * YAML in, a validated value out, or one message that names the line and the key: what an admin
 * needs to fix a hand-edited file. Used for config/defaults.yml and for settings imports.
 */
import { type Document, LineCounter, parseDocument, type YAMLError } from 'yaml';
import type { z } from 'zod';

export type YamlResult<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * Parses `text` as YAML and validates it with `schema`; never throws. With `intAsBigInt`, integers
 * arrive as bigint so that an unquoted 19-digit account id keeps every digit.
 */
export function parseYamlWith<T>(
  schema: z.ZodType<T>,
  text: string,
  options: { intAsBigInt?: boolean } = {},
): YamlResult<T> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter,
    prettyErrors: true,
    uniqueKeys: true,
    intAsBigInt: options.intAsBigInt,
  });
  const [syntax] = doc.errors;
  if (syntax) {
    const line = lineCounter.linePos(syntaxOffset(text, syntax)).line;
    const what = syntax.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? syntax.code;
    return { ok: false, message: `Line ${line}: ${what}.` };
  }
  const parsed = schema.safeParse(doc.toJS() ?? {});
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  const path = (issue?.path ?? []).map((key) => (typeof key === 'symbol' ? String(key) : key));
  const key = path.join('.');
  const line = lineOf(doc, lineCounter, path);
  const where = [line === undefined ? undefined : `Line ${line}`, key ? `"${key}"` : undefined].filter(
    Boolean,
  );
  const what =
    issue?.code === 'invalid_type' && /received undefined$/.test(issue.message)
      ? 'is missing'
      : issue?.message;
  return { ok: false, message: `${where.join(', ')}${where.length > 0 ? ': ' : ''}${what ?? 'invalid'}` };
}

/**
 * Where to point the reader for a syntax error. An unclosed quote is reported where the parser
 * gave up (often the end of the file); the line that opened it is the one to fix.
 */
function syntaxOffset(text: string, error: YAMLError): number {
  const at = error.pos[0];
  if (error.code !== 'MISSING_CHAR' || !/quote/i.test(error.message)) return at;
  const opened = Math.max(text.lastIndexOf('"', at - 1), text.lastIndexOf("'", at - 1));
  return opened >= 0 ? opened : at;
}

/** The line of the deepest node along `path` that exists (a missing key points at its parent). */
function lineOf(doc: Document, lineCounter: LineCounter, path: Array<string | number>): number | undefined {
  for (let depth = path.length; depth > 0; depth--) {
    const node = doc.getIn(path.slice(0, depth), true) as { range?: [number, number, number] } | undefined;
    if (node?.range) return lineCounter.linePos(node.range[0]).line;
  }
  return undefined;
}
