/**
 * Loads bad-input-corpus.yaml (format in its header) for the unit and e2e tests. The schema is
 * strict so that a mistyped key fails loudly instead of leaving an entry that asserts nothing.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { IOC_TYPES } from '../../config/ioc-types';
import type { IocWarning } from '../../lib/iocs/warnings';
import { WARNING_TEXT } from '../../lib/iocs/warnings';

/** A string, or [text, n] for text repeated n times. */
const Part = z.union([z.string(), z.tuple([z.string(), z.number().int().positive()])]);
const Text = z.union([z.string(), z.array(Part).min(1)]);
const WARNINGS = Object.keys(WARNING_TEXT) as [IocWarning, ...IocWarning[]];

const ValueEntry = z
  .strictObject({
    type: z.enum(IOC_TYPES),
    value: Text,
    reason: z.string().min(3).optional(),
    warning: z.enum(WARNINGS).optional(),
    pasted: z.literal('ignored').optional(),
    pasteYields: z.array(z.string()).optional(),
  })
  .refine((e) => (e.reason === undefined) !== (e.warning === undefined), 'needs a reason or a warning');

const FieldEntry = z.strictObject({
  field: z.enum(['score', 'validityDays', 'source']),
  value: z.string(),
  reason: z.string().min(3),
});

const AcceptedEntry = z.strictObject({ type: z.enum(IOC_TYPES), value: z.string(), becomes: z.string() });

const CorpusSchema = z.strictObject({
  values: z.array(ValueEntry).min(200),
  fields: z.array(FieldEntry).min(1),
  accepted: z.array(AcceptedEntry).min(1),
});

const expand = (text: z.infer<typeof Text>): string =>
  typeof text === 'string'
    ? text
    : text.map((part) => (typeof part === 'string' ? part : part[0].repeat(part[1]))).join('');

export type BadValue = Omit<z.infer<typeof ValueEntry>, 'value'> & { value: string; label: string };
export type BadField = z.infer<typeof FieldEntry>;
export type AcceptedValue = z.infer<typeof AcceptedEntry>;

/** A short, printable name for an entry: long values cut, invisible characters as \u escapes. */
function labelOf(value: string): string {
  const shown = JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…(${value.length})` : value);
  return shown.replace(/[^\x20-\x7e]/gu, (c) => `\\u${c.codePointAt(0)?.toString(16).padStart(4, '0')}`);
}

export function loadCorpus(file = 'tests/data/bad-input-corpus.yaml') {
  const corpus = CorpusSchema.parse(parse(readFileSync(file, 'utf8')));
  const values: BadValue[] = corpus.values.map((entry) => {
    const value = expand(entry.value);
    return { ...entry, value, label: `${entry.type} ${labelOf(value)}` };
  });
  return { values, fields: corpus.fields, accepted: corpus.accepted };
}
