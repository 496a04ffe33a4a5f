import { describe, expect, it } from 'vitest';
import { byKind, formatJson, formatText, pct, totals } from './format';
import type { ReportScore } from './score';

const a: ReportScore = {
  id: 'alpha',
  truth: 3,
  found: 2,
  rows: 6,
  validRows: 5,
  tickedRows: 4,
  tickedNotInTruth: [
    {
      type: 'URL',
      value: 'https://vendor.example/a',
      line: 7,
      text: 'see https://vendor.example/a',
      kind: 'reference link',
    },
    { type: 'IPV4', value: '203.0.113.5', line: 8, text: '203.0.113.5/x', kind: 'host of a listed URL' },
  ],
  misses: [{ type: 'DNS', value: 'gone.example', reason: 'silent drop', detail: 'no row at all' }],
  wrongTypes: [],
  ms: 10.4,
};
const b: ReportScore = {
  ...a,
  id: 'beta',
  truth: 1,
  found: 1,
  tickedNotInTruth: [],
  misses: [{ type: 'IPV4', value: '198.51.100.1', reason: 'wrong type', detail: 'read as URL' }],
  wrongTypes: [{ type: 'IPV4', value: '198.51.100.1', asType: 'URL', asValue: 'http://198.51.100.1:80/' }],
  ms: 2.2,
};

describe('pct', () => {
  it.each<[number, number, number]>([
    [2, 3, 66.7],
    [0, 0, 100],
    [609, 610, 99.8],
  ])('%i of %i is %d %%', (part, whole, expected) => {
    expect(pct(part, whole)).toBe(expected);
  });
});

describe('totals', () => {
  it('sums items over reports (micro), not percentages', () => {
    expect(totals([a, b])).toMatchObject({
      reports: 2,
      truth: 4,
      found: 3,
      recallPct: 75,
      tickedRows: 8,
      tickedNotInTruth: 2,
      tickedJunk: 1,
      notFound: 1,
      wrongTypes: 1,
      silentDrops: 1,
      ms: 13,
    });
  });
});

describe('formatText', () => {
  const text = formatText('corpus', [a, b]);

  it.each([
    [
      'a report line',
      'recall 2/3 (66.7 %)   rows 6   valid 5   ticked 4   ticked not in truth 2   wrong types 0   10 ms',
    ],
    ['a listed extra with its line', 'L7: see https://vendor.example/a'],
    ['a miss with its reason', 'DNS gone.example: silent drop - no row at all'],
    ['a wrong type', 'IPV4 198.51.100.1 read as URL http://198.51.100.1:80/'],
    ['the total', 'recall 3/4 (75 %)'],
    ['the junk count', 'ticked not in truth 2 (1 without hosts of listed URLs)'],
  ])('shows %s', (_name, expected) => {
    expect(text).toContain(expected);
  });
});

describe('byKind', () => {
  it('groups the extras of every report under their kind, in KINDS order', () => {
    expect(byKind([a, b]).filter((line) => line.startsWith('--'))).toEqual([
      '-- host of a listed URL (1)',
      '-- reference link (1)',
    ]);
  });
});

describe('formatJson', () => {
  it('holds the totals and each report with its recall', () => {
    const json = JSON.parse(formatJson('corpus', [a, b]));
    expect(json.total.found).toBe(3);
    expect(json.reports[0]).toMatchObject({ id: 'alpha', recallPct: 66.7, ms: 10 });
  });
});
