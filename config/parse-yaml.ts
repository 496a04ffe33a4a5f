/**
 * YAML in, a validated value out, or one message that names the line and the key: what an admin
 * needs to fix a hand-edited file. Used for config/defaults.yml and for settings imports.
 */
import { type Document, LineCounter, parseDocument } from 'yaml';
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
    const line = syntax.linePos?.[0]?.line;
    const what = syntax.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? syntax.code;
    return { ok: false, message: `${line === undefined ? '' : `Line ${line}: `}${what}.` };
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

/** The line of the deepest node along `path` that exists (a missing key points at its parent). */
function lineOf(doc: Document, lineCounter: LineCounter, path: Array<string | number>): number | undefined {
  for (let depth = path.length; depth > 0; depth--) {
    const node = doc.getIn(path.slice(0, depth), true) as { range?: [number, number, number] } | undefined;
    if (node?.range) return lineCounter.linePos(node.range[0]).line;
  }
  return undefined;
}
