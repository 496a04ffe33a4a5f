/**
 * The context fields an IOC can carry beyond name and description (docs/sentinelone-api.md, the IOC
 * object): one list, so the fields form, the edit, the detail, the table's optional columns, the
 * filters and the exports name and show them alike. `severity` is a number 0–7 on the OCSF scale; the
 * others are lists of strings as the console stores them.
 */
import type { Ioc } from '../s1/schemas';

export type RichListKey =
  | 'labels'
  | 'category'
  | 'threatActors'
  | 'malwareNames'
  | 'campaignNames'
  | 'intrusionSets'
  | 'mitreTactic'
  | 'reference';

export type RichKey = 'severity' | RichListKey;

export interface RichField {
  key: RichKey;
  /** The field's label, singular or plural as the analyst reads one value or several. */
  label: string;
}

/** In the order the pages show them: what it is, who is behind it, then where to read more. */
export const RICH_FIELDS: readonly RichField[] = [
  { key: 'severity', label: 'Severity' },
  { key: 'labels', label: 'Labels' },
  { key: 'category', label: 'Category' },
  { key: 'threatActors', label: 'Threat actors' },
  { key: 'malwareNames', label: 'Malware' },
  { key: 'campaignNames', label: 'Campaigns' },
  { key: 'intrusionSets', label: 'Intrusion sets' },
  { key: 'mitreTactic', label: 'MITRE tactics' },
  { key: 'reference', label: 'References' },
];

export const RICH_LIST_KEYS: readonly RichListKey[] = RICH_FIELDS.flatMap((field) =>
  field.key === 'severity' ? [] : [field.key],
);

const LIST_KEYS: ReadonlySet<string> = new Set(RICH_LIST_KEYS);

/** Whether a column or field id names one of the context lists. */
export const isRichListKey = (id: string): id is RichListKey => LIST_KEYS.has(id);

/** Whether a column or field id names one of the context fields. */
export const isRichKey = (id: string): id is RichKey => id === 'severity' || LIST_KEYS.has(id);

/**
 * The console's 0–7 severity in words. 0–6 are OCSF's severity_id names; OCSF numbers "Other" 99,
 * and what the console's 7 means is UNCONFIRMED (docs/sentinelone-api.md), so it is said as "Other".
 */
const SEVERITY_WORDS = ['Unknown', 'Informational', 'Low', 'Medium', 'High', 'Critical', 'Fatal', 'Other'];

/** "4 (High)"; null when there is no severity; an out-of-range number is shown as the number alone. */
export function severityText(severity: number | null | undefined): string | null {
  if (severity === null || severity === undefined) return null;
  const word = Number.isInteger(severity) ? SEVERITY_WORDS[severity] : undefined;
  return word ? `${severity} (${word})` : String(severity);
}

/** The choices of a severity picker: none, then 0–7 with their words. */
export const SEVERITY_CHOICES: ReadonlyArray<{ value: number; text: string }> = SEVERITY_WORDS.map(
  (_, value) => ({ value, text: severityText(value) ?? '' }),
);

/** A field's value as one line of text ("APT28, Sofacy"); '' when the IOC has none. */
export function richFieldText(ioc: Partial<Pick<Ioc, RichKey>>, key: RichKey): string {
  if (key === 'severity') return severityText(ioc.severity) ?? '';
  return (ioc[key] ?? []).join(', ');
}

/**
 * A list field typed by the analyst ("APT28, Sofacy; Fancy Bear" or one per line) as the list the
 * console stores: split on commas, semicolons and new lines, trimmed, empties and repeats dropped.
 */
export function listFromText(text: string): string[] {
  const items = text
    .split(/[,;\n]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
  return [...new Set(items)];
}
