import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { IntelFileResult, IntelRow } from '../../../lib/formats/intel-row';
import { importStixBundle } from '../../../lib/formats/stix-import';

const NOW = new Date('2026-06-01T00:00:00Z');
const fixture = readFileSync(new URL('../../fixtures/stix/opencti-bundle.json', import.meta.url), 'utf8');

const SHA256 = '275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f';
const MD5 = '44d88612fea8a8f36de82e1278abb02f';
const SHA1 = '3395856ce81f2b7382dee72602f798b642f14140';

function rowsOf(result: IntelFileResult): IntelRow[] {
  if (!result.ok) throw new Error(`expected rows, got ${JSON.stringify(result.errors)}`);
  return result.rows;
}

function errorsOf(result: IntelFileResult): string[] {
  return result.ok ? [] : result.errors.map((error) => `${error.where}: ${error.message}`);
}

const indicator = (id: string, pattern: string, more: Record<string, unknown> = {}) => ({
  type: 'indicator',
  spec_version: '2.1',
  id: `indicator--${id}`,
  created: '2026-03-01T00:00:00.000Z',
  modified: '2026-03-01T00:00:00.000Z',
  pattern,
  pattern_type: 'stix',
  valid_from: '2026-03-01T00:00:00Z',
  ...more,
});
const named = (type: string, id: string, name: string) => ({
  type,
  spec_version: '2.1',
  id: `${type}--${id}`,
  name,
});
const link = (id: string, type: string, source: string, target: string) => ({
  type: 'relationship',
  spec_version: '2.1',
  id: `relationship--${id}`,
  relationship_type: type,
  source_ref: source,
  target_ref: target,
});
const bundle = (objects: unknown[]) => JSON.stringify({ type: 'bundle', id: 'bundle--1', objects });

describe('importStixBundle: the OpenCTI fixture', () => {
  const ember = {
    origin: '',
    confidence: 75,
    validUntil: '2026-09-01T00:00:00.000Z',
  };
  const expected: IntelRow[] = [
    {
      origin: 'indicator--b19f505f-4efd-4e48-9c81-0a71418ed117',
      value: SHA256,
      type: 'SHA256',
      ticked: true,
      pattern: `[file:hashes.'SHA-256' = '${SHA256}']`,
      confidence: 85,
      name: SHA256,
      description: 'EmberLoader dropper, first stage.',
      // Microseconds cut to milliseconds.
      validUntil: '2026-08-31T23:59:59.123Z',
      labels: ['ember', 'loader'],
      category: ['malicious-activity'],
      // The Lockheed Martin phase is not an ATT&CK tactic.
      mitreTactic: ['execution', 'defense-evasion'],
      externalId: 'ECERT-2026-0042',
      reference: [
        'https://cert.example.org/advisories/2026-0042',
        `https://www.virustotal.com/gui/file/${SHA256}`,
      ],
      malwareNames: ['EmberLoader'],
    },
    {
      ...ember,
      origin: 'indicator--271ec510-69a8-4e0c-9567-a2e1284c70b6',
      value: MD5,
      type: 'MD5',
      ticked: true,
      pattern: `[file:hashes.MD5 = '${MD5}']`,
      name: MD5,
      labels: ['ember'],
      malwareNames: ['EmberLoader'],
    },
    {
      ...ember,
      origin: 'indicator--1dcda09c-a458-45a9-858b-9aa4912cbf83',
      value: SHA1,
      type: 'SHA1',
      ticked: true,
      pattern: `[file:hashes.'SHA-1' = '${SHA1}']`,
      name: SHA1,
      malwareNames: ['EmberLoader'],
    },
    {
      ...ember,
      origin: 'indicator--8ec3dc25-ce31-4d47-924a-749a1495100f',
      value: 'update-check.example.net',
      type: 'DNS',
      ticked: true,
      pattern: "[domain-name:value = 'update-check.example.net']",
      confidence: 70,
      name: 'update-check.example.net',
      description: 'Stage two download host.',
      category: ['malicious-activity'],
      mitreTactic: ['command-and-control'],
      campaignNames: ['Operation Ember'],
      // One attributed-to step from the campaign; the intrusion set's own threat actor is two steps away.
      intrusionSets: ['FIN-Ember'],
    },
    {
      ...ember,
      origin: 'indicator--8db8e779-bca9-4a9a-816f-0706244598f1',
      value: '203.0.113.45',
      type: 'IPV4',
      ticked: true,
      pattern: "[ipv4-addr:value = '203.0.113.45']",
      confidence: 60,
      name: '203.0.113.45',
      description: 'C2 server.',
      validUntil: '2026-06-15T00:00:00.000Z',
      labels: ['c2'],
      mitreTactic: ['command-and-control'],
      intrusionSets: ['FIN-Ember'],
      threatActors: ['Ember Spider'],
    },
    {
      ...ember,
      origin: 'indicator--b5261ee6-d162-4cfd-a0f3-1b72b4982d21',
      value: 'http://198.51.100.23/gate.php?id=7',
      type: 'URL',
      ticked: true,
      pattern: "[url:value = 'http://198.51.100.23/gate.php?id=7']",
      name: 'http://198.51.100.23/gate.php?id=7',
      reference: ['https://urlscan.io/result/0000-example/'],
      threatActors: ['Ember Spider'],
    },
    {
      ...ember,
      origin: 'indicator--012338c2-5771-455a-b463-dff3fa8b9506',
      value: '2001:db8:85a3::8a2e:370:7334',
      type: null,
      notImportable: 'revoked by its producer',
      ticked: false,
      pattern: "[ipv6-addr:value = '2001:db8:85a3::8a2e:370:7334']",
      name: '2001:db8:85a3::8a2e:370:7334',
    },
    {
      ...ember,
      origin: 'indicator--187b5e5e-6df3-47fe-b116-87f1090257f5',
      value: 'old-c2.example.org',
      type: null,
      notImportable: 'expired on 2025-12-01T00:00:00.000Z',
      ticked: false,
      pattern: "[domain-name:value = 'old-c2.example.org']",
      name: 'old-c2.example.org',
      validUntil: '2025-12-01T00:00:00.000Z',
    },
    {
      ...ember,
      origin: 'indicator--0a0981db-b9ae-44c4-855a-e72183a0aae1',
      value: `[file:hashes.MD5 = '${MD5}' AND file:name = 'invoice.exe']`,
      type: null,
      notImportable:
        'AND inside an observation: every comparison must hold at once, which one IOC cannot say',
      ticked: false,
      pattern: `[file:hashes.MD5 = '${MD5}' AND file:name = 'invoice.exe']`,
      name: 'invoice.exe dropper',
    },
    {
      ...ember,
      origin: 'indicator--bd204bde-4225-4d3d-963f-af00ec9def15',
      value: "[hostname:value = 'mail.example.com']",
      type: null,
      notImportable: 'SentinelOne has no IOC type for hostname:value',
      ticked: false,
      pattern: "[hostname:value = 'mail.example.com']",
      name: 'mail.example.com',
    },
    ...['192.0.2.10', '192.0.2.11'].map((value) => ({
      ...ember,
      origin: 'indicator--7b58763f-df7c-4c1f-9b4d-6d8ef640255a',
      value,
      type: 'IPV4' as const,
      ticked: true,
      pattern: "[ipv4-addr:value = '192.0.2.10' OR ipv4-addr:value = '192.0.2.11']",
      name: 'Ember scanners',
      labels: ['scanner'],
    })),
    {
      ...ember,
      origin: 'indicator--e61c64f5-2c63-4d6d-8288-712be3bc55ee',
      value: 'rule EmberLoader { strings: $a = "ember" condition: $a }',
      type: null,
      notImportable: 'its pattern_type is "yara": only STIX patterns are read',
      ticked: false,
      pattern: 'rule EmberLoader { strings: $a = "ember" condition: $a }',
      name: 'EmberLoader YARA',
    },
  ];

  it('reads every indicator into rows with every field, and the report name as title', () => {
    const result = importStixBundle(fixture, NOW);
    expect(result).toMatchObject({
      ok: true,
      format: 'stix',
      title: 'Ember Spider loader campaign, March 2026',
    });
    const rows = rowsOf(result);
    expect(rows).toHaveLength(expected.length);
    rows.forEach((row, i) => {
      expect(row, `row ${i}`).toStrictEqual(expected[i]);
    });
  });

  it('gives every indicator of the fixture at least one row (no silent drop)', () => {
    const ids = (JSON.parse(fixture).objects as { type: string; id: string }[])
      .filter((object) => object.type === 'indicator')
      .map((object) => object.id);
    expect(ids).toHaveLength(12);
    expect(new Set(rowsOf(importStixBundle(fixture, NOW)).map((row) => row.origin))).toEqual(new Set(ids));
  });

  it('sets no severity: x_opencti_score has no documented mapping to 0-7', () => {
    expect(rowsOf(importStixBundle(fixture, NOW)).some((row) => 'severity' in row)).toBe(false);
  });
});

describe('importStixBundle: shapes of file', () => {
  const one = indicator('1', "[domain-name:value = 'a.example']");
  const row = {
    origin: 'indicator--1',
    value: 'a.example',
    type: 'DNS',
    ticked: true,
    pattern: "[domain-name:value = 'a.example']",
  };
  it.each([
    ['a bundle', bundle([one])],
    ['a bundle with a bare UUID id', JSON.stringify({ type: 'bundle', id: '411628bf-745b', objects: [one] })],
    ['a TAXII 2.1 envelope', JSON.stringify({ more: false, objects: [one] })],
    ['a list of objects', JSON.stringify([one])],
    ['one indicator', JSON.stringify(one)],
    ['a bundle behind a byte-order mark', `\uFEFF${bundle([one])}`],
  ])('reads %s', (_shape, text) => {
    expect(importStixBundle(text, NOW)).toEqual({ ok: true, format: 'stix', rows: [row] });
  });

  it.each([
    ['a string', '"indicator"', 'file: is not a STIX bundle'],
    ['a number', '42', 'file: is not a STIX bundle'],
    ['an object with no type', '{"id": "x"}', 'file: is not a STIX bundle'],
    [
      'a bundle whose objects is not a list',
      '{"type":"bundle","id":"bundle--1","objects":{}}',
      'objects: expected a list, found an object',
    ],
    ['a bundle with no id', '{"type":"bundle","objects":[]}', 'id: missing (expected a string)'],
    ['an empty bundle', bundle([]), 'objects: holds no indicator object'],
    ['a bundle of no indicator', bundle([named('malware', '1', 'X')]), 'objects: holds no indicator object'],
    ['an empty list', '[]', 'file: holds no indicator object'],
    // A producer that is not STIX: the text is JSON but names no STIX type.
    ['a MISP event', '{"Event": {"info": "x", "Attribute": []}}', 'file: is not a STIX bundle'],
  ])('refuses %s', (_shape, text, error) => {
    expect(errorsOf(importStixBundle(text, NOW))).toEqual([expect.stringContaining(error)]);
  });
});

describe('importStixBundle: text that is not JSON', () => {
  // Where and why are json-position.ts's (json-position.test.ts); the import passes them on alone.
  it.each([
    ['', 'line 1: the file is empty'],
    [
      '{"type": "bundle", "objects": [1, 2,]}',
      'line 1, column 37: not valid JSON: expected a value, found "]"',
    ],
  ])('%j → %s', (text, error) => {
    expect(errorsOf(importStixBundle(text, NOW))).toEqual([error]);
  });
});

describe('importStixBundle: malformed objects, named by place', () => {
  it('names every bad place at once and returns no rows', () => {
    const objects = [
      indicator('1', "[domain-name:value = 'a.example']"),
      { type: 'identity', name: 'no id' },
      indicator('2', "[domain-name:value = 'b.example'"),
      { ...indicator('3', "[url:value = 'http://x/']"), pattern: 42 },
      indicator('4', "[ipv4-addr:value = '198.51.100.1']", { valid_until: 'next week', confidence: 101 }),
      {
        type: 'relationship',
        id: 'relationship--1',
        relationship_type: 'indicates',
        source_ref: 'indicator--1',
      },
      { type: 'malware', id: 'malware--1' },
      indicator('5', "[ipv4-addr:value = '198.51.100.1']", { labels: 'c2' }),
      { ...indicator('6', "[ipv4-addr:value = '198.51.100.1']"), id: 'malware--6' },
    ];
    expect(errorsOf(importStixBundle(bundle(objects), NOW))).toEqual([
      'objects[1].id: missing (expected a string)',
      'objects[3].pattern: expected a string, found the number 42',
      'objects[4].valid_until: is not a timestamp such as 2026-01-31T12:00:00Z',
      expect.stringMatching(/^objects\[4\]\.confidence: .*100/),
      'objects[5].target_ref: missing (expected a string)',
      'objects[6].name: missing (expected a string)',
      'objects[7].labels: expected a list, found the text "c2"',
      'objects[8].id: must start with "indicator--"',
      'objects[2].pattern: column 33: expected "]" but found the end of the pattern',
    ]);
  });

  it.each([
    [
      'a list',
      JSON.stringify([{ type: 'indicator', id: 'indicator--1' }]),
      '[0].pattern: missing (expected a string)',
    ],
    [
      'one object',
      JSON.stringify({ type: 'indicator', id: 'indicator--1', pattern: '[' }),
      'pattern: column 2: expected an object path such as file:hashes.MD5 but found the end of the pattern',
    ],
  ])('names places in %s', (_shape, text, error) => {
    expect(errorsOf(importStixBundle(text, NOW))).toEqual([error]);
  });

  it('never throws, whatever the JSON holds', () => {
    const texts = [
      'null',
      '[null]',
      '[[]]',
      '{"type":"bundle","id":"b","objects":[null, 1, "x"]}',
      '{"objects": 5}',
    ];
    for (const text of texts) expect(() => importStixBundle(text, NOW)).not.toThrow();
    expect(errorsOf(importStixBundle('[null]', NOW))).toEqual(['[0]: expected an object, found null']);
  });
});

describe('importStixBundle: indicators', () => {
  it.each([
    ['no pattern_type (STIX 2.0)', { pattern_type: undefined }, { type: 'DNS', ticked: true }],
    [
      'pattern_type sigma',
      { pattern_type: 'sigma' },
      { type: null, notImportable: expect.stringContaining('sigma') },
    ],
    ['revoked', { revoked: true }, { type: null, notImportable: 'revoked by its producer', ticked: false }],
    ['revoked: false', { revoked: false }, { type: 'DNS', ticked: true }],
    [
      'valid_until before now',
      { valid_until: '2026-05-31T23:59:59Z' },
      { type: null, notImportable: 'expired on 2026-05-31T23:59:59.000Z', ticked: false },
    ],
    ['valid_until exactly now', { valid_until: '2026-06-01T00:00:00Z' }, { type: null, ticked: false }],
    [
      'valid_until after now, with an offset',
      { valid_until: '2026-06-01T02:00:01+02:00' },
      { type: 'DNS', ticked: true, validUntil: '2026-06-01T00:00:01.000Z' },
    ],
    ['confidence', { confidence: 0 }, { confidence: 0 }],
    ['duplicate labels', { labels: ['a', 'a', '', 'b'] }, { labels: ['a', 'b'] }],
    [
      'external references without external_id',
      {
        external_references: [
          { source_name: 'x', url: 'https://x.example/' },
          { source_name: 'y', external_id: 'Y-1' },
        ],
      },
      { externalId: 'Y-1', reference: ['https://x.example/'] },
    ],
    [
      'kill chain phases of ATT&CK mobile and another chain',
      {
        kill_chain_phases: [
          { kill_chain_name: 'mitre-mobile-attack', phase_name: 'initial-access' },
          { kill_chain_name: 'mitre-attack', phase_name: 'collection' },
          { kill_chain_name: 'mitre-attack', phase_name: 'collection' },
          { kill_chain_name: 'acme-mitre-attack-notes', phase_name: 'stage-1' },
        ],
      },
      { mitreTactic: ['initial-access', 'collection'] },
    ],
  ])('%s', (_case, more, fields) => {
    const rows = rowsOf(
      importStixBundle(bundle([indicator('1', "[domain-name:value = 'a.example']", more)]), NOW),
    );
    expect(rows).toEqual([expect.objectContaining(fields)]);
  });

  it('shows an unsupported pattern as the value of a row that is not importable', () => {
    const pattern = "[email-addr:value = 'a@b.example']";
    expect(rowsOf(importStixBundle(bundle([indicator('1', pattern)]), NOW))).toEqual([
      {
        origin: 'indicator--1',
        value: pattern,
        type: null,
        notImportable: 'SentinelOne has no IOC type for email-addr:value',
        ticked: false,
        pattern,
      },
    ]);
  });
});

describe('importStixBundle: related objects', () => {
  const ind = indicator('1', "[domain-name:value = 'a.example']");
  const context = (...objects: unknown[]) => {
    const [row] = rowsOf(importStixBundle(bundle([ind, ...objects]), NOW));
    const { threatActors, malwareNames, campaignNames, intrusionSets } = row as IntelRow;
    return JSON.parse(JSON.stringify({ threatActors, malwareNames, campaignNames, intrusionSets }));
  };

  it.each([
    [
      'indicates, to each of the four types',
      [
        named('threat-actor', '1', 'Actor'),
        named('malware', '1', 'Mal'),
        named('campaign', '1', 'Camp'),
        named('intrusion-set', '1', 'Set'),
        link('1', 'indicates', 'indicator--1', 'threat-actor--1'),
        link('2', 'indicates', 'indicator--1', 'malware--1'),
        link('3', 'indicates', 'indicator--1', 'campaign--1'),
        link('4', 'indicates', 'indicator--1', 'intrusion-set--1'),
      ],
      { threatActors: ['Actor'], malwareNames: ['Mal'], campaignNames: ['Camp'], intrusionSets: ['Set'] },
    ],
    [
      'indicates written the other way round',
      [named('malware', '1', 'Mal'), link('1', 'indicates', 'malware--1', 'indicator--1')],
      { malwareNames: ['Mal'] },
    ],
    [
      'one attributed-to step, not two',
      [
        named('campaign', '1', 'Camp'),
        named('intrusion-set', '1', 'Set'),
        named('threat-actor', '1', 'Actor'),
        link('1', 'indicates', 'indicator--1', 'campaign--1'),
        link('2', 'attributed-to', 'campaign--1', 'intrusion-set--1'),
        link('3', 'attributed-to', 'intrusion-set--1', 'threat-actor--1'),
      ],
      { campaignNames: ['Camp'], intrusionSets: ['Set'] },
    ],
    [
      'attributed-to followed only away from the indicated object',
      [
        named('campaign', '1', 'Camp'),
        named('intrusion-set', '1', 'Set'),
        link('1', 'indicates', 'indicator--1', 'intrusion-set--1'),
        link('2', 'attributed-to', 'campaign--1', 'intrusion-set--1'),
      ],
      { intrusionSets: ['Set'] },
    ],
    [
      'neither related-to nor uses',
      [
        named('malware', '1', 'Mal'),
        named('threat-actor', '1', 'Actor'),
        link('1', 'related-to', 'indicator--1', 'malware--1'),
        link('2', 'indicates', 'indicator--1', 'malware--1'),
        link('3', 'uses', 'threat-actor--1', 'malware--1'),
      ],
      { malwareNames: ['Mal'] },
    ],
    [
      'names once, when two objects share one',
      [
        named('malware', '1', 'Mal'),
        named('malware', '2', 'Mal'),
        link('1', 'indicates', 'indicator--1', 'malware--1'),
        link('2', 'indicates', 'indicator--1', 'malware--2'),
      ],
      { malwareNames: ['Mal'] },
    ],
    [
      'a reference to an object the file does not hold, and other indicators’ links',
      [
        named('malware', '1', 'Mal'),
        link('1', 'indicates', 'indicator--1', 'malware--404'),
        link('2', 'indicates', 'indicator--2', 'malware--1'),
      ],
      {},
    ],
    [
      'indicates to an object type with no field',
      [
        { type: 'attack-pattern', id: 'attack-pattern--1', name: 'Phishing' },
        link('1', 'indicates', 'indicator--1', 'attack-pattern--1'),
      ],
      {},
    ],
  ])('%s', (_case, objects, expected) => {
    expect(context(...objects)).toEqual(expected);
  });
});
