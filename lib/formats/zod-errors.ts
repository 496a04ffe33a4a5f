/**
 * zod's issues as IntelFileErrors an analyst can follow into the file: the path as it reads in
 * JSON (`response[1].Event.Attribute[7].type`) and a short message (`missing`, `expected a string,
 * found a number`). Parse with `{ reportInput: true }` so the message can say what was found.
 */
import type { z } from 'zod';
import type { IntelFileError } from './intel-row';

/** At most this many errors are listed; a file broken everywhere is summed up in one more line. */
const MAX_ERRORS = 20;

/**
 * `['response', 1, 'Event']` → `response[1].Event`, after `prefix` (`objects[3]` for a STIX object
 * checked alone); the root is `the file`.
 */
export function jsonPath(path: readonly PropertyKey[], prefix = ''): string {
  const text = path.reduce<string>(
    (where, key) =>
      typeof key === 'number' ? `${where}[${key}]` : where === '' ? String(key) : `${where}.${String(key)}`,
    prefix,
  );
  return text === '' ? 'the file' : text;
}

function found(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'object') return 'an object';
  if (typeof input === 'string')
    return `the text ${JSON.stringify(input.length > 40 ? `${input.slice(0, 40)}…` : input)}`;
  return `${typeof input === 'number' ? 'the number' : ''} ${String(input)}`.trim();
}

const ARTICLE: Readonly<Record<string, string>> = { array: 'a list', object: 'an object' };

/** One issue in an analyst's words (parsed with `{ reportInput: true }`, it says what was found). */
export function issueText(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') {
    if (issue.input === undefined)
      return `missing (expected ${ARTICLE[issue.expected] ?? `a ${issue.expected}`})`;
    return `expected ${ARTICLE[issue.expected] ?? `a ${issue.expected}`}, found ${found(issue.input)}`;
  }
  return issue.message;
}

export function zodErrors(error: z.ZodError): IntelFileError[] {
  const errors = error.issues.slice(0, MAX_ERRORS).map((issue) => ({
    where: jsonPath(issue.path),
    message: issueText(issue),
  }));
  const more = error.issues.length - MAX_ERRORS;
  if (more > 0) errors.push({ where: 'the file', message: `and ${more} more problems` });
  return errors;
}
