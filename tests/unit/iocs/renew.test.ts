import { describe, expect, it } from 'vitest';
import { clampValidUntil, renewDrafts } from '../../../lib/iocs/renew';
import { RICH_FIELDS } from '../../../lib/iocs/rich-fields';
import { makeIoc } from './fixtures';

const now = new Date('2026-11-27T12:00:00.000Z');
const days30 = { DNS: 30, IPV4: 30, IPV6: 30, MD5: 30, SHA1: 30, SHA256: 30, URL: 30 };

describe('clampValidUntil', () => {
  it.each([
    ['IPV4', '2026-12-20T00:00:00Z', '2026-12-20T00:00:00.000Z'],
    ['IPV4', '2027-06-01T00:00:00Z', '2026-12-27T12:00:00.000Z'],
    ['IPV6', '2026-12-27T12:00:01Z', '2026-12-27T12:00:00.000Z'],
    ['DNS', '2027-06-01T00:00:00Z', '2027-05-26T12:00:00.000Z'],
    ['SHA256', '2027-01-01T00:00:00Z', '2027-01-01T00:00:00.000Z'],
    ['URL', 'not a date', '2027-05-26T12:00:00.000Z'],
  ] as const)('%s until %s is kept as %s', (type, iso, expected) => {
    expect(clampValidUntil(type, iso, now)).toBe(expected);
  });
});

describe('renewDrafts', () => {
  it('keeps the identity and the analyst’s fields, and sets the new validity per type', () => {
    const iocs = [
      makeIoc({
        type: 'DNS',
        value: 'evil.example',
        source: 'MISP',
        externalId: 'ext-9',
        originalRiskScore: 80,
        severity: 4,
        threatActors: ['APT28', 'Sofacy'],
        labels: [],
        malwareNames: null,
      }),
      makeIoc({
        type: 'IPV4',
        value: '203.0.113.9',
        name: null,
        description: undefined,
        externalId: undefined,
        creator: null,
      }),
    ];
    expect(renewDrafts(iocs, { ...days30, DNS: 90, IPV4: 60 }, now)).toEqual([
      {
        type: 'DNS',
        value: 'evil.example',
        source: 'MISP',
        method: 'EQUALS',
        validUntil: '2027-02-25T12:00:00.000Z',
        name: 'Ransom C2',
        description: 'Seen in campaign X',
        externalId: 'ext-9',
        creator: 'Analyst One',
        originalRiskScore: 80,
        severity: 4,
        threatActors: ['APT28', 'Sofacy'],
      },
      {
        type: 'IPV4',
        value: '203.0.113.9',
        source: 'Feed_A',
        method: 'EQUALS',
        validUntil: '2026-12-27T12:00:00.000Z',
      },
    ]);
  });

  it.each([
    ['severity 0', { severity: 0 }, { severity: 0 }],
    [
      'every list it has',
      { labels: ['a'], reference: ['https://r.example'], mitreTactic: ['TA0011'] },
      { labels: ['a'], reference: ['https://r.example'], mitreTactic: ['TA0011'] },
    ],
    ['no empty list, which would clear the field', { labels: [], category: null }, {}],
  ])('re-sends the context fields: %s', (_name, fields, expected) => {
    const [draft] = renewDrafts([makeIoc(fields)], days30, now);
    const rich = RICH_FIELDS.flatMap(({ key }) => (draft && key in draft ? [[key, draft[key]]] : []));
    expect(Object.fromEntries(rich)).toEqual(expected);
  });
});
