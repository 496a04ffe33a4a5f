import { describe, expect, it } from 'vitest';
import type { ReviewRow } from '../../lib/iocs/review';
import type { IocType } from '../../lib/s1/schemas';
import { reportLines } from './locate';
import { type MissReason, scoreReport } from './score';
import type { ExcludedItem, TruthItem } from './tsv';

let n = 0;
function row(type: IocType, value: string, extra: Partial<ReviewRow> = {}): ReviewRow {
  n++;
  return {
    key: `r${n}`,
    value,
    type,
    detectedType: type,
    status: 'valid',
    warnings: [],
    suggestion: false,
    selected: true,
    ...extra,
  };
}
const t = (type: IocType, value: string): TruthItem => ({ type, value, source: 'list' });
const lines = reportLines(
  [
    'Dropper ABCDEF0123456789ABCDEF0123456789ABCDEF01 seen.',
    'It calls relay[.]example[.]net:443 and reads https://vendor.example/advice.',
  ].join('\n'),
);
const score = (truth: TruthItem[], rows: ReviewRow[], excluded: ExcludedItem[] = []) =>
  scoreReport('r', truth, excluded, rows, lines, 1.5);

describe('scoreReport: recall and misses', () => {
  it.each<[string, TruthItem, ReviewRow[], boolean, MissReason | null, string]>([
    [
      'a ticked row of the same type and value',
      t('DNS', 'relay.example.net'),
      [row('DNS', 'relay.example.net')],
      true,
      null,
      '',
    ],
    [
      'matched after normalising case and the empty path',
      t('URL', 'http://drop.example/'),
      [row('URL', 'HTTP://Drop.Example')],
      true,
      null,
      '',
    ],
    [
      'no row at all',
      t('IPV4', '198.51.100.7'),
      [row('DNS', 'relay.example.net')],
      false,
      'silent drop',
      'no row at all',
    ],
    [
      'an invalid row carries its reason',
      t('IPV4', '198.51.100.7'),
      [row('IPV4', '198.51.100.7', { status: 'invalid', reason: 'bad', selected: false })],
      true,
      'invalid',
      'bad',
    ],
    [
      'a warned row is found, not ticked',
      t('DNS', 'relay.example.net'),
      [row('DNS', 'relay.example.net', { warnings: ['common-domain'], selected: false })],
      true,
      'found, not ticked',
      'a very common domain: blocking it would disrupt normal work',
    ],
    [
      'a suggestion says so',
      t('IPV4', '198.51.100.7'),
      [
        row('URL', 'http://198.51.100.7:81'),
        row('IPV4', '198.51.100.7', { suggestion: true, suggestionOf: 'url-host', selected: false }),
      ],
      true,
      'found, not ticked',
      "offered as a URL's host (suggestion)",
    ],
    [
      'the value under another type',
      t('IPV4', '198.51.100.7'),
      [row('URL', 'http://198.51.100.7:81')],
      false,
      'wrong type',
      'read as URL http://198.51.100.7:81/',
    ],
    [
      'a URL with text glued to it',
      t('URL', 'https://short.example/ab12'),
      [row('URL', 'https://short.example/ab12++')],
      false,
      'wrong value',
      'nearest row: https://short.example/ab12++ (valid)',
    ],
  ])('%s', (_name, item, rows, found, reason, detail) => {
    const s = score([item], rows);
    expect(s.found).toBe(found ? 1 : 0);
    expect(s.misses.map((m) => [m.reason, m.detail])).toEqual(reason === null ? [] : [[reason, detail]]);
    expect(s.wrongTypes.length).toBe(reason === 'wrong type' ? 1 : 0);
  });

  it('prefers a ticked row over an earlier unticked one of the same value', () => {
    const rows = [
      row('DNS', 'relay.example.net', { status: 'invalid', selected: false }),
      row('DNS', 'relay.example.net'),
    ];
    expect(score([t('DNS', 'relay.example.net')], rows).misses).toEqual([]);
  });
});

describe('scoreReport: rows', () => {
  const rows = [
    row('SHA1', 'abcdef0123456789abcdef0123456789abcdef01'),
    row('DNS', 'relay.example.net', { suggestion: true, selected: false }),
    row('URL', 'https://vendor.example/advice'),
    row('IPV4', '10.0.0.1', { warnings: ['private-ip'], selected: false }),
    row('IPV4', '999.1.1.1', { status: 'invalid', selected: false }),
    row('SHA1', 'abcdef0123456789abcdef0123456789abcdef01', { status: 'duplicate', selected: false }),
  ];
  const s = score([t('SHA1', 'ABCDEF0123456789ABCDEF0123456789ABCDEF01')], rows, [
    { type: 'URL', value: 'https://vendor.example/advice', source: 'x', why: 'reference link' },
  ]);

  it('counts rows, valid rows and ticked rows', () => {
    expect([s.rows, s.validRows, s.tickedRows]).toEqual([6, 4, 2]);
  });

  it('lists a ticked row outside the truth with its line, kind and excluded reason', () => {
    expect(s.tickedNotInTruth).toEqual([
      {
        type: 'URL',
        value: 'https://vendor.example/advice',
        line: 2,
        text: 'It calls relay.example.net:443 and reads https://vendor.example/advice.',
        kind: 'reference link',
        excluded: 'reference link',
      },
    ]);
  });

  it('keeps the time', () => {
    expect(s.ms).toBe(1.5);
  });
});
