/**
 * YAML in, a validated value out, or one message that names the line and the key: what an admin
 * needs to fix a hand-edited file. Used for config/defaults.yml and for settings imports.
 */
import {
  type Document,
  isCollection,
  isScalar,
  LineCounter,
  parseDocument,
  visit,
  type YAMLError,
} from 'yaml';
import type { z } from 'zod';

export type YamlResult<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * Parses `text` as YAML and validates it with `schema`; never throws, whatever the text (an alias
 * bomb, nesting deep enough to exhaust the stack): a file comes from outside. With `intAsBigInt`,
 * integers arrive as bigint so that an unquoted 19-digit account id keeps every digit.
 */
export function parseYamlWith<T>(
  schema: z.ZodType<T>,
  text: string,
  options: { intAsBigInt?: boolean } = {},
): YamlResult<T> {
  try {
    return parseAndCheck(schema, text, options);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, message: `The file could not be read as YAML: ${reason}.` };
  }
}

function parseAndCheck<T>(
  schema: z.ZodType<T>,
  text: string,
  options: { intAsBigInt?: boolean },
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
  const reference = firstReference(doc, text);
  if (reference) {
    const line = lineCounter.linePos(reference.offset).line;
    return { ok: false, message: `Line ${line}: settings files may not use YAML ${reference.what}.` };
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
 * The first alias (`*a`), else the first anchor (`&a`), in the document. Aliases let a few lines
 * expand into billions of nodes (an alias bomb) and make a reviewed value stand for another one
 * far away; no settings file needs them, so both are refused before the document is expanded.
 */
function firstReference(doc: Document, text: string): { what: string; offset: number } | undefined {
  let found: { what: string; offset: number } | undefined;
  visit(doc, {
    Alias(_, node) {
      found = { what: `aliases (*${node.source})`, offset: node.range?.[0] ?? 0 };
      return visit.BREAK;
    },
  });
  if (found) return found;
  visit(doc, (_, node) => {
    if (!(isScalar(node) || isCollection(node)) || !node.anchor) return;
    // The node's range starts after its properties: the `&name` before it is the place to show.
    const start = node.range?.[0] ?? 0;
    const at = text.lastIndexOf(`&${node.anchor}`, start);
    found = { what: `anchors (&${node.anchor})`, offset: at >= 0 ? at : start };
    return visit.BREAK;
  });
  return found;
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
