/**
 * Every entry of tests/data/bad-input-corpus.yaml through the pure functions the New
 * IOCs view uses (extractCandidates → buildReview → sendableRows; validateFields → toDrafts) and the
 * worker's own guard before POST (checkedDrafts). Nothing in the corpus may be sendable as typed.
 */
import { describe, expect, it } from 'vitest';
import { API_DEFAULT_VALIDITY_DAYS, MAX_VALIDITY_DAYS } from '../../config/ioc-types';
import { checkedDrafts } from '../../lib/iocs/checked-drafts';
import {
  type DraftSettings,
  daysFromText,
  type IocFields,
  scoreFromText,
  toDrafts,
  validateFields,
} from '../../lib/iocs/drafts';
import { extractCandidates } from '../../lib/iocs/extract';
import { buildReview, type FindExisting, type ReviewRow, sendableRows } from '../../lib/iocs/review';
import { type BadField, type BadValue, loadCorpus } from './bad-input-corpus';

const { values, fields, accepted } = loadCorpus();
const nothingExists: FindExisting = () => undefined;
const NOW = new Date('2026-03-01T12:00:00.000Z');
const DAY_MS = 86_400_000;
const SETTINGS: DraftSettings = { tagPrefix: '[SOC]', validityDays: { ...API_DEFAULT_VALIDITY_DAYS } };
const FIELDS: IocFields = {
  name: 'Corpus',
  description: '',
  creator: '',
  source: 'Corpus',
  score: 50,
  validityDays: null,
  externalId: '',
};

const sentValues = (rows: readonly ReviewRow[]) => sendableRows(rows).map((row) => row.value);
const byLabel = (entries: readonly BadValue[]) => entries.map((entry) => [entry.label, entry] as const);

/** The reason says something besides echoing the value back. */
function expectClearReason(reason: string | undefined, value: string) {
  expect(reason?.split(value.trim()).join('').replace(/\W/g, '').length ?? 0).toBeGreaterThan(8);
}

describe('bad-input corpus: a value as typed (a CSV row, a typed or retyped row)', () => {
  it.each(byLabel(values))('%s', (_label, entry) => {
    const [row] = buildReview([{ value: entry.value, type: entry.type }], nothingExists);
    expect(sentValues(row ? [row] : [])).toEqual([]);
    if (entry.warning !== undefined) {
      expect(row).toMatchObject({ status: 'valid', selected: false });
      expect(row?.warnings).toContain(entry.warning);
      return;
    }
    expect(row?.status).toBe('invalid');
    expect(row?.reason).toContain(entry.reason);
    expectClearReason(row?.reason, entry.value);
    // The worker's guard refuses the same value even if a page asked to send it, and says why.
    const drafts = toDrafts([{ value: entry.value, type: entry.type }], FIELDS, SETTINGS, NOW);
    expect(() => checkedDrafts(drafts)).toThrow(/^Nothing was sent: 1 IOC is invalid \(row 1 /);
  });
});

describe('bad-input corpus: the value pasted on its own', () => {
  it.each(byLabel(values))('%s', (_label, entry) => {
    const rows = buildReview(extractCandidates(entry.value), nothingExists);
    // Only what the corpus lists as read on purpose (a host:port as a URL, a labelled hash) is sendable.
    expect(sentValues(rows).sort()).toEqual([...(entry.pasteYields ?? [])].sort());
    const asTyped = sendableRows(rows).filter((r) => r.type === entry.type && r.value === entry.value.trim());
    expect(asTyped).toEqual([]);
    if (entry.pasted === 'ignored') expect(rows).toEqual([]);
    else expect(rows.length).toBeGreaterThan(0);
    for (const row of rows.filter((r) => r.status === 'invalid')) expectClearReason(row.reason, row.value);
  });

  it('sends only the listed readings and the refanged values when the whole corpus is pasted at once', () => {
    const text = [...values.map((entry) => entry.value), ...accepted.map((entry) => entry.value)].join('\n');
    const rows = buildReview(extractCandidates(text), nothingExists);
    const sent = new Set(sentValues(rows));
    const allowed = new Set([
      ...values.flatMap((e) => e.pasteYields ?? []),
      ...accepted.map((e) => e.becomes),
    ]);
    expect([...sent].filter((value) => !allowed.has(value))).toEqual([]);
    // In free text that defangs its values, one written plain is shown warned, unticked: it is
    // probably a reference, not an IOC.
    const plain = (entry: (typeof accepted)[number]) =>
      entry.value.toLowerCase() === entry.becomes.toLowerCase();
    for (const entry of accepted.filter((e) => !plain(e))) expect(sent).toContain(entry.becomes);
    for (const entry of accepted.filter(plain)) {
      const warned = rows.some((r) => r.value === entry.becomes && r.warnings.includes('written-plain'));
      expect(sent.has(entry.becomes) || warned).toBe(true);
    }
  });
});

describe('bad-input corpus: defanged forms accepted after refang', () => {
  it.each(accepted.map((entry) => [entry.value, entry] as const))('%s', (_value, entry) => {
    const rows = buildReview(extractCandidates(entry.value), nothingExists);
    expect(sentValues(rows)).toEqual([entry.becomes]);
    const drafts = toDrafts(sendableRows(rows), FIELDS, SETTINGS, NOW);
    expect(checkedDrafts(drafts).map((draft) => [draft.type, draft.value])).toEqual([
      [entry.type, entry.becomes],
    ]);
  });
});

/** IocFields with one field as the form would read `entry.value` from its input. */
function fieldsWith(entry: BadField): IocFields {
  if (entry.field === 'score') return { ...FIELDS, score: scoreFromText(entry.value) };
  if (entry.field === 'validityDays') return { ...FIELDS, validityDays: daysFromText(entry.value) };
  return { ...FIELDS, source: entry.value };
}

describe('bad-input corpus: form fields', () => {
  it.each(fields.map((entry) => [entry.field, entry.value, entry] as const))('%s %j', (_f, _v, entry) => {
    const form = fieldsWith(entry);
    expect(validateFields(form)).toContain(entry.reason);
    const drafts = toDrafts([{ value: '45.77.12.9', type: 'IPV4' }], form, SETTINGS, NOW);
    if (entry.field !== 'validityDays') {
      expect(() => checkedDrafts(drafts)).toThrow(/^Nothing was sent/);
      return;
    }
    // A validity is no draft field: toDrafts turns it into a date, never past the type's cap.
    const days = (Date.parse(drafts[0]?.validUntil ?? '') - NOW.getTime()) / DAY_MS;
    expect(days).toBeGreaterThanOrEqual(0);
    expect(days).toBeLessThanOrEqual(MAX_VALIDITY_DAYS.IPV4);
  });
});

it('holds at least 200 bad values, each kind of expectation used', () => {
  expect(values.length).toBeGreaterThanOrEqual(200);
  for (const key of ['reason', 'warning', 'pasted', 'pasteYields'] as const) {
    expect(values.some((entry) => entry[key] !== undefined)).toBe(true);
  }
});
