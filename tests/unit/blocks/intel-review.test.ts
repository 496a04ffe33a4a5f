import { describe, expect, it } from 'vitest';
import {
  contextText,
  intelCandidates,
  intelErrorNote,
  intelImportNote,
  intelOverride,
  intelOverrides,
} from '../../../lib/blocks/intel-review';
import type { IntelRow } from '../../../lib/formats/intel-row';
import { buildReview } from '../../../lib/iocs/review';

const row = (change: Partial<IntelRow> = {}): IntelRow => ({
  value: 'evil.badcorp.top',
  type: 'DNS',
  ticked: true,
  origin: 'indicator--1',
  ...change,
});

describe('intelCandidates', () => {
  it.each<[string, IntelRow, Record<string, unknown>]>([
    ['a plain row', row(), { value: 'evil.badcorp.top', type: 'DNS', origin: 'indicator--1' }],
    [
      'a defanged value is refanged',
      row({ value: ' hxxp://evil[.]badcorp.top/x ', type: 'URL' }),
      { value: 'http://evil.badcorp.top/x', type: 'URL' },
    ],
    ['a row not marked for detection is unticked', row({ ticked: false }), { unticked: true }],
    [
      'the pattern is kept',
      row({ pattern: "[domain-name:value = 'evil.badcorp.top']" }),
      { pattern: "[domain-name:value = 'evil.badcorp.top']" },
    ],
    [
      'a row that is not importable keeps its value as written, a guessed type and its reason',
      row({
        value: "[email-addr:value = 'a@b[.]c']",
        type: null,
        notImportable: 'email-addr is not an IOC type',
        ticked: false,
      }),
      {
        value: "[email-addr:value = 'a@b[.]c']",
        type: 'DNS',
        notImportable: 'email-addr is not an IOC type',
        unticked: true,
      },
    ],
  ])('%s', (_case, input, expected) => {
    expect(intelCandidates([input])[0]).toMatchObject(expected);
  });

  it('gives the review one row per file row, with the file’s ticks', () => {
    const review = buildReview(
      intelCandidates([
        row(),
        row({ value: '1.2.3.4', type: 'IPV4', ticked: false }),
        row({ value: 'x', type: null, notImportable: 'AND' }),
      ]),
      () => undefined,
    );
    expect(review.map((r) => `${r.value}:${r.status}:${r.selected}:${r.origin}`)).toEqual([
      'evil.badcorp.top:valid:true:indicator--1',
      '1.2.3.4:valid:false:indicator--1',
      'x:not-importable:false:indicator--1',
    ]);
  });
});

describe('intelOverride', () => {
  it.each<[string, Partial<IntelRow>, Record<string, unknown>]>([
    ['nothing said, nothing overridden', {}, {}],
    [
      'name, description, validity',
      { name: 'N', description: 'D', validUntil: '2026-06-01T00:00:00.000Z' },
      { name: 'N', description: 'D', validUntil: '2026-06-01T00:00:00.000Z' },
    ],
    ['severity 0 counts', { severity: 0 }, { severity: 0 }],
    [
      'the context lists',
      { threatActors: ['APT28'], malwareNames: ['X-Agent'], labels: ['c2'], intrusionSets: ['I'] },
      { threatActors: ['APT28'], malwareNames: ['X-Agent'], labels: ['c2'], intrusionSets: ['I'] },
    ],
    ['an empty list says nothing', { labels: [] }, {}],
    [
      'an external ID and references',
      { externalId: 'E', reference: ['https://r.example'] },
      { externalId: 'E', reference: ['https://r.example'] },
    ],
    ['confidence is no score', { confidence: 80 }, {}],
  ])('%s', (_case, change, expected) => {
    expect(intelOverride(row(change))).toEqual(expected);
  });

  it('keys each row’s override by the review row it became', () => {
    const rows = [row({ labels: ['a'] }), row({ value: 'b.example', labels: ['b'] })];
    const review = buildReview(intelCandidates(rows), () => undefined);
    expect([...intelOverrides(review, rows)]).toEqual([
      ['row-0', { labels: ['a'] }],
      ['row-1', { labels: ['b'] }],
    ]);
  });
});

describe('intelImportNote', () => {
  it.each<[string, IntelRow[], string, string]>([
    ['all importable', [row(), row()], 'ok', 'bundle.json: STIX 2.1 bundle, 2 rows to review.'],
    ['one row', [row()], 'ok', 'bundle.json: STIX 2.1 bundle, 1 row to review.'],
    [
      'some not importable',
      [row(), row({ notImportable: 'AND', ticked: false }), row({ notImportable: 'AND', ticked: false })],
      'warn',
      'bundle.json: STIX 2.1 bundle, 3 rows to review (2 not importable).',
    ],
    [
      'some unticked by the file',
      [row(), row({ ticked: false })],
      'ok',
      'bundle.json: STIX 2.1 bundle, 2 rows to review (1 left unticked as the file marks them not for detection).',
    ],
    ['nothing', [], 'ok', 'bundle.json: STIX 2.1 bundle, 0 rows to review.'],
  ])('%s', (_case, rows, kind, text) => {
    expect(intelImportNote('bundle.json', 'STIX 2.1 bundle', rows)).toEqual({ kind, text });
  });
});

describe('intelErrorNote', () => {
  it.each<[string, Array<{ where: string; message: string }>, string]>([
    [
      'one place',
      [{ where: 'objects[3].pattern', message: 'expected ]' }],
      'b.json was not imported, nothing changed. objects[3].pattern: expected ]',
    ],
    [
      'the first three places and a count',
      [1, 2, 3, 4, 5].map((i) => ({ where: `objects[${i}]`, message: 'bad' })),
      'b.json was not imported, nothing changed. objects[1]: bad; objects[2]: bad; objects[3]: bad (and 2 more problems)',
    ],
  ])('%s', (_case, errors, text) => {
    expect(intelErrorNote('b.json', errors)).toEqual({ kind: 'error', text });
  });
});

describe('contextText', () => {
  it.each<[string, Parameters<typeof contextText>[0], string]>([
    ['nothing', undefined, ''],
    ['no context, only a name', { name: 'N' }, ''],
    ['severity in words', { severity: 4 }, 'Severity: 4 (High)'],
    [
      'in the pages’ order',
      { malwareNames: ['X-Agent'], threatActors: ['APT28', 'Sofacy'], labels: ['c2'], severity: 0 },
      'Severity: 0 (Unknown) · Labels: c2 · Threat actors: APT28, Sofacy · Malware: X-Agent',
    ],
  ])('%s', (_case, override, expected) => {
    expect(contextText(override)).toBe(expected);
  });
});
