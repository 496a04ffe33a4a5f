import { describe, expect, it } from 'vitest';
import type { IntelRow } from '../../../lib/formats/intel-row';
import { exportStixBundle } from '../../../lib/formats/stix-export';
import { importStixBundle } from '../../../lib/formats/stix-import';
import type { Ioc } from '../../../lib/s1/schemas';
import { makeIoc } from '../iocs/fixtures';

// Exported on the 1st, imported on the 2nd: every IOC's validUntil is still ahead.
const EXPORTED = new Date('2026-12-01T12:00:00.000Z');
const IMPORTED = new Date('2026-12-02T12:00:00.000Z');
const VALID_UNTIL = '2027-03-01T00:00:00.000000Z';

/** What the review gets back of an IOC: every field a row carries, as the console writes it. */
function expectedRow(ioc: Ioc): Partial<IntelRow> {
  const lists = [
    'labels',
    'category',
    'threatActors',
    'malwareNames',
    'campaignNames',
    'intrusionSets',
    'mitreTactic',
    'reference',
  ] as const;
  const row: Record<string, unknown> = {
    value: ioc.value,
    type: ioc.type,
    ticked: true,
    name: ioc.name ?? undefined,
    description: ioc.description ?? undefined,
    // STIX keeps the console's microseconds; a review row holds milliseconds, as the console takes them.
    validUntil: ioc.validUntil
      ? new Date(Date.parse(ioc.validUntil.replace(/(\.\d{3})\d+/, '$1'))).toISOString()
      : undefined,
    severity: ioc.severity ?? undefined,
    externalId: ioc.externalId ?? undefined,
  };
  for (const list of lists) row[list] = ioc[list]?.length ? ioc[list] : undefined;
  return Object.fromEntries(Object.entries(row).filter(([, value]) => value !== undefined));
}

const FIELDS_OF_ROW = (row: IntelRow): Partial<IntelRow> => {
  const { origin: _origin, pattern: _pattern, confidence: _confidence, ...fields } = row;
  return fields;
};

const RICH = {
  validUntil: VALID_UNTIL,
  severity: 6,
  labels: ['ransomware', 'c2'],
  category: ['Malware'],
  threatActors: ['APT-Example', 'Second Actor'],
  malwareNames: ['ExampleLocker'],
  campaignNames: ['Operation Example'],
  intrusionSets: ['Example Set'],
  mitreTactic: ['Initial Access', 'Command and Control'],
  reference: ['https://intel.example.com/report/1', 'internal ticket 42'],
};

describe('STIX export, then import: what goes out comes back', () => {
  it.each<[string, Partial<Record<keyof Ioc, unknown>>]>([
    ['a domain with every rich field', { uuid: 'u-dns', ...RICH }],
    [
      'an MD5',
      { uuid: 'u-md5', type: 'MD5', value: '44d88612fea8a8f36de82e1278abb02f', validUntil: VALID_UNTIL },
    ],
    [
      'a SHA1',
      {
        uuid: 'u-sha1',
        type: 'SHA1',
        value: '3395856ce81f2b7382dee72602f798b642f14140',
        validUntil: VALID_UNTIL,
      },
    ],
    [
      'a SHA256 with severity 0',
      {
        uuid: 'u-sha256',
        type: 'SHA256',
        value: '275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f',
        validUntil: VALID_UNTIL,
        severity: 0,
      },
    ],
    ['an IPv4', { uuid: 'u-ip4', type: 'IPV4', value: '198.51.100.7', validUntil: VALID_UNTIL }],
    ['an IPv6', { uuid: 'u-ip6', type: 'IPV6', value: '2001:db8::7', validUntil: VALID_UNTIL }],
    [
      'a URL with a quote and a backslash',
      {
        uuid: 'u-url',
        type: 'URL',
        value: "http://evil.example/a'b\\c?x=1",
        ...RICH,
      },
    ],
    [
      'an IOC with no name, description or external id',
      {
        uuid: 'u-bare',
        value: 'bare.example',
        name: null,
        description: null,
        externalId: null,
        validUntil: VALID_UNTIL,
      },
    ],
    [
      'a name and description with markup and line breaks',
      { uuid: 'u-text', name: '<b>x</b>', description: 'a\nb "c"', validUntil: VALID_UNTIL },
    ],
  ])('%s', (_name, overrides) => {
    const ioc = makeIoc(overrides);
    const text = JSON.stringify(exportStixBundle([ioc], { now: EXPORTED, identityName: 'SOC' }));
    const result = importStixBundle(text, IMPORTED);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.rows.map(FIELDS_OF_ROW)).toEqual([expectedRow(ioc)]);
  });

  it('brings back many IOCs in order, shared actors and malware on each of theirs', () => {
    const iocs = [
      makeIoc({ uuid: 'a', value: 'one.example', ...RICH }),
      makeIoc({ uuid: 'b', value: 'two.example', ...RICH, threatActors: ['Second Actor'], malwareNames: [] }),
      makeIoc({
        uuid: 'c',
        type: 'IPV4',
        value: '203.0.113.9',
        validUntil: VALID_UNTIL,
        malwareNames: ['ExampleLocker'],
      }),
    ];
    const result = importStixBundle(JSON.stringify(exportStixBundle(iocs, { now: EXPORTED })), IMPORTED);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.rows.map(FIELDS_OF_ROW)).toEqual(iocs.map(expectedRow));
  });
});
