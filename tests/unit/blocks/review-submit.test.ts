import { describe, expect, it } from 'vitest';
import type { IocType } from '../../../config/ioc-types';
import type { ActionsReport, RowActionReport } from '../../../lib/blocks/actions';
import type { RowActions } from '../../../lib/blocks/review-actions';
import {
  csvImportNote,
  csvOverrides,
  type KeyedRequest,
  reviewRequests,
  type SubmitContext,
  submitNote,
  withOverride,
} from '../../../lib/blocks/review-submit';
import type { IocFields } from '../../../lib/iocs/drafts';
import { buildReview, type ReviewRow } from '../../../lib/iocs/review';
import type { IocDraft } from '../../../lib/s1/schemas';

const NOW = new Date('2026-05-01T00:00:00.000Z');
/** Review rows as the review builds them: keys row-0, row-1, … in order. */
const review = (...values: Array<[string, IocType]>): ReviewRow[] =>
  buildReview(
    values.map(([value, type]) => ({ value, type })),
    () => undefined,
  );
const FIELDS: IocFields = {
  name: 'Campaign',
  description: '',
  creator: 'soc@acme.example',
  source: 'SOC',
  score: 70,
  validityDays: null,
  externalId: '',
};
const DETECT: RowActions = {
  detect: true,
  blockExecution: null,
  blockNetwork: null,
  allowNotRecommended: false,
};
const NOTHING: RowActions = { ...DETECT, detect: false };
const DRAFT: IocDraft = {
  type: 'DNS',
  value: 'evil.example',
  source: 'SOC',
  method: 'EQUALS',
  name: '[ACME] Campaign',
  validUntil: '2026-07-30T00:00:00.000Z',
  originalRiskScore: 70,
};
const context = (change: Partial<SubmitContext> = {}): SubmitContext => ({
  fields: FIELDS,
  overrides: new Map(),
  tagPrefix: '[ACME]',
  validityDays: { DNS: 90, IPV4: 14, IPV6: 14, URL: 90, MD5: 180, SHA1: 180, SHA256: 180 },
  toDo: () => DETECT,
  ...change,
});

describe('withOverride', () => {
  it.each<[string, Parameters<typeof withOverride>[1], Partial<IocDraft>]>([
    ['no CSV values: the form’s', undefined, DRAFT],
    ['an empty override', {}, DRAFT],
    ['a name, tagged like the form’s', { name: 'From the feed' }, { name: '[ACME] From the feed' }],
    ['a description, tagged', { description: 'C2' }, { description: '[ACME] C2' }],
    ['a score of 0 counts', { score: 0 }, { originalRiskScore: 0 }],
    [
      'a date within the limit',
      { validUntil: '2026-06-01T00:00:00.000Z' },
      { validUntil: '2026-06-01T00:00:00.000Z' },
    ],
    [
      'a date past 180 days is clamped',
      { validUntil: '2030-01-01T00:00:00.000Z' },
      { validUntil: '2026-10-28T00:00:00.000Z' },
    ],
    ['a severity, 0 included', { severity: 0 }, { severity: 0 }],
    [
      'the row’s lists',
      { threatActors: ['APT28'], malwareNames: ['X-Agent'], labels: ['c2'], mitreTactic: ['exfiltration'] },
      { threatActors: ['APT28'], malwareNames: ['X-Agent'], labels: ['c2'], mitreTactic: ['exfiltration'] },
    ],
    [
      'the rest of the context',
      { category: ['a'], campaignNames: ['b'], intrusionSets: ['c'], reference: ['https://r.example'] },
      { category: ['a'], campaignNames: ['b'], intrusionSets: ['c'], reference: ['https://r.example'] },
    ],
    ['an external ID', { externalId: 'TI-1' }, { externalId: 'TI-1' }],
  ])('%s', (_case, override, expected) => {
    expect(withOverride(DRAFT, override, '[ACME]', NOW)).toMatchObject(expected);
  });

  const FORM_CONTEXT: IocDraft = { ...DRAFT, labels: ['form'], severity: 3, externalId: 'FORM-1' };
  it.each<[string, Parameters<typeof withOverride>[1], boolean, Partial<IocDraft>]>([
    ['the row’s list wins over the form’s', { labels: ['row'] }, false, { labels: ['row'], severity: 3 }],
    ['the row’s severity wins', { severity: 6 }, false, { labels: ['form'], severity: 6 }],
    ['an empty list keeps the form’s', { labels: [] }, false, { labels: ['form'] }],
    ['a new row takes the row’s external ID', { externalId: 'ROW-1' }, false, { externalId: 'ROW-1' }],
    [
      'a row that updates a held IOC keeps its external ID, which the upsert matches on',
      { externalId: 'ROW-1', labels: ['row'] },
      true,
      { externalId: 'FORM-1', labels: ['row'] },
    ],
  ])('%s', (_case, override, updatesExisting, expected) => {
    expect(withOverride(FORM_CONTEXT, override, '[ACME]', NOW, updatesExisting)).toMatchObject(expected);
  });
});

describe('csvOverrides', () => {
  it('carries a CSV row’s context', () => {
    const rows = review(['evil-one.com', 'DNS']);
    const overrides = csvOverrides(rows, [
      { value: 'evil-one.com', type: 'DNS', severity: 4, threatActors: ['APT28'], externalId: 'X' },
    ]);
    expect(overrides.get('row-0')).toEqual({ severity: 4, threatActors: ['APT28'], externalId: 'X' });
  });

  it('keys each file row’s own values by the review row it became', () => {
    const rows = review(['evil-one.com', 'DNS'], ['evil-two.com', 'DNS']);
    const overrides = csvOverrides(rows, [
      { value: 'evil-one.com', name: 'First', score: 10 },
      { value: 'evil-two.com', description: 'Second' },
    ]);
    expect([...overrides]).toEqual([
      ['row-0', { name: 'First', description: undefined, validUntil: undefined, score: 10 }],
      ['row-1', { name: undefined, description: 'Second', validUntil: undefined, score: undefined }],
    ]);
  });
});

describe('csvImportNote', () => {
  it.each([
    ['all read', 3, [], { kind: 'ok', text: 'feed.csv: 3 rows to review.' }],
    ['one row', 1, [], { kind: 'ok', text: 'feed.csv: 1 row to review.' }],
    ['an empty file', 0, [], { kind: 'ok', text: 'feed.csv: 0 rows to review.' }],
    [
      'some lines skipped, the first three named',
      2_000,
      ['line 2: no value', 'line 5: no value', 'line 9: bad type', 'line 12: no value'],
      {
        kind: 'warn',
        text: 'feed.csv: 2,000 rows to review. Skipped: line 2: no value; line 5: no value; line 9: bad type',
      },
    ],
    ['nothing readable', 0, ['line 2: no value'], { kind: 'error', text: 'feed.csv: line 2: no value' }],
  ])('%s', (_case, reviewed, errors, expected) => {
    expect(csvImportNote('feed.csv', reviewed, errors)).toEqual(expected);
  });
});

describe('reviewRequests', () => {
  const rows = review(['evil-one.com', 'DNS'], ['evil-two.com', 'DNS'], ['45.77.12.9', 'IPV4']);

  it('sends each row its draft, tagged, with the per-type validity', () => {
    const requests = reviewRequests(rows, context(), NOW);
    expect(requests.map((r) => r.key)).toEqual(['row-0', 'row-1', 'row-2']);
    expect(requests.map((r) => [r.request.draft.name, r.request.draft.validUntil, r.request.detect])).toEqual(
      [
        ['[ACME] Campaign', '2026-07-30T00:00:00.000Z', true],
        ['[ACME] Campaign', '2026-07-30T00:00:00.000Z', true],
        ['[ACME] Campaign', '2026-05-15T00:00:00.000Z', true],
      ],
    );
  });

  it.each<[string, Partial<SubmitContext>, Array<[string, string | undefined]>]>([
    [
      'a CSV row’s name over the form’s',
      { overrides: new Map([['row-1', { name: 'Feed' }]]) },
      [
        ['row-0', '[ACME] Campaign'],
        ['row-1', '[ACME] Feed'],
        ['row-2', '[ACME] Campaign'],
      ],
    ],
    [
      'a row with nothing left to do sends nothing',
      { toDo: (r) => (r.key === 'row-1' ? NOTHING : DETECT) },
      [
        ['row-0', '[ACME] Campaign'],
        ['row-2', '[ACME] Campaign'],
      ],
    ],
  ])('%s', (_case, change, expected) => {
    expect(reviewRequests(rows, context(change), NOW).map((r) => [r.key, r.request.draft.name])).toEqual(
      expected,
    );
  });
});

const request = (key: string): KeyedRequest => ({ key, request: { draft: DRAFT, detect: true } });
const stored: RowActionReport = { detect: { status: 'stored', uuid: 'u1' } };
const rejected: RowActionReport = { detect: { status: 'rejected', message: 'Bad value' } };

describe('submitNote', () => {
  it.each<[string, ActionsReport, 'ok' | 'warn', string]>([
    ['all stored', { rows: [stored, stored], notes: [] }, 'ok', 'Detect: 2 of 2 stored.'],
    ['one refused', { rows: [stored, rejected], notes: [] }, 'warn', 'Detect: 1 of 2 stored'],
    [
      'all stored, with a note',
      { rows: [stored, stored], notes: ['Block network: Firewall Control is not available.'] },
      'warn',
      'Detect: 2 of 2 stored. Block network: Firewall Control is not available.',
    ],
  ])('%s', (_case, report, kind, text) => {
    const note = submitNote([request('a'), request('b')], report);
    expect(note.kind).toBe(kind);
    expect(note.text.startsWith(text)).toBe(true);
  });
});
