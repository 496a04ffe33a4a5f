import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IntelFileResult, IntelRow } from '../../../lib/formats/intel-row';
import { importMispEvents } from '../../../lib/formats/misp-import';

const NOW = new Date('2025-11-25T00:00:00Z');

type Json = Record<string, unknown>;

function eventJson(attributes: Json[], extra: Json = {}): string {
  return JSON.stringify({ Event: { info: 'Test event', Attribute: attributes, ...extra } });
}

function rowsOf(result: IntelFileResult): IntelRow[] {
  if (!result.ok) throw new Error(`not ok: ${JSON.stringify(result.errors)}`);
  return result.rows;
}

function importOne(attribute: Json, extra: Json = {}): IntelRow[] {
  return rowsOf(importMispEvents(eventJson([{ to_ids: true, ...attribute }], extra), NOW));
}

const MD5 = '5d41402abc4b2a76b9719d911017c592';
const SHA1 = 'aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d';
const SHA256 = '2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824';

/** [MISP type, value, the rows it becomes: [value, type or null, a part of the not-importable reason]]. */
const KINDS: [string, string, [string, string | null, string?][]][] = [
  // Indicators SentinelOne has a type for.
  ['md5', MD5, [[MD5, 'MD5']]],
  ['sha1', SHA1, [[SHA1, 'SHA1']]],
  ['sha256', SHA256, [[SHA256, 'SHA256']]],
  ['domain', 'evil.example.net', [['evil.example.net', 'DNS']]],
  ['hostname', 'c2.evil.example.net', [['c2.evil.example.net', 'DNS']]],
  ['ip-src', '203.0.113.7', [['203.0.113.7', 'IPV4']]],
  ['ip-dst', '2001:db8::1', [['2001:db8::1', 'IPV6']]],
  ['ip-dst', '203.0.113.7/32', [['203.0.113.7/32', 'IPV4']]],
  ['url', 'hxxps://evil.example.net/a.php', [['hxxps://evil.example.net/a.php', 'URL']]],
  ['uri', 'https://evil.example.net/gate', [['https://evil.example.net/gate', 'URL']]],
  // Composite kinds.
  ['ip-dst|port', '203.0.113.7|443', [['203.0.113.7', 'IPV4']]],
  ['ip-src|port', '2001:db8::7|8080', [['2001:db8::7', 'IPV6']]],
  ['hostname|port', 'relay.example.net|25', [['relay.example.net', 'DNS']]],
  [
    'domain|ip',
    'evil.example.net|198.51.100.4',
    [
      ['evil.example.net', 'DNS'],
      ['198.51.100.4', 'IPV4'],
    ],
  ],
  ['filename|md5', `invoice.exe|${MD5}`, [[MD5, 'MD5']]],
  ['filename|sha1', `invoice.exe|${SHA1}`, [[SHA1, 'SHA1']]],
  ['filename|sha256', `invoice.exe|${SHA256}`, [[SHA256, 'SHA256']]],
  ['malware-sample', `sample.zip|${MD5}`, [[MD5, 'MD5']]],
  // A file name may itself hold a bar: the hash is after the last one.
  ['filename|sha256', `odd|name.exe|${SHA256}`, [[SHA256, 'SHA256']]],
  // Ranges: SentinelOne IP IOCs are single addresses.
  ['ip-dst', '198.51.100.0/24', [['198.51.100.0/24', null, 'a range (/24)']]],
  ['ip-src', '2001:db8::/64', [['2001:db8::/64', null, 'a range (/64)']]],
  ['ip-dst|port', '198.51.100.0/24|443', [['198.51.100.0/24', null, 'a range (/24)']]],
  // Kinds SentinelOne has no type for.
  ['uri', '/wp-content/gate.php', [['/wp-content/gate.php', null, 'a path without a scheme']]],
  [
    'link',
    'https://blog.example.com/report',
    [['https://blog.example.com/report', null, 'a reference link']],
  ],
  ['email-src', 'a@evil.example.net', [['a@evil.example.net', null, 'no IOC type']]],
  ['regkey', 'HKLM\\Software\\Run\\x', [['HKLM\\Software\\Run\\x', null, 'no IOC type']]],
  ['mutex', 'Global\\x1', [['Global\\x1', null, 'no IOC type']]],
  ['yara', 'rule x { condition: true }', [['rule x { condition: true }', null, 'no IOC type']]],
  ['sha512', 'ab'.repeat(64), [['ab'.repeat(64), null, 'only MD5, SHA1 and SHA256']]],
  ['filename|sha512', `a.exe|${'ab'.repeat(64)}`, [[`a.exe|${'ab'.repeat(64)}`, null, 'only MD5, SHA1']]],
  ['ssdeep', '96:abc:def', [['96:abc:def', null, 'similarity or structure hash']]],
  ['imphash', MD5, [[MD5, null, 'similarity or structure hash']]],
  ['tlsh', `T1${'A'.repeat(70)}`, [[`T1${'A'.repeat(70)}`, null, 'similarity or structure hash']]],
  ['filename', 'invoice.exe', [['invoice.exe', null, 'no IOC type']]],
  ['AS', 'AS64500', [['AS64500', null, 'no IOC type']]],
  ['text', 'some words', [['some words', null, 'free text']]],
  ['comment', 'a remark', [['a remark', null, 'free text']]],
  ['vulnerability', 'CVE-2025-0001', [['CVE-2025-0001', null, 'no IOC type']]],
  [
    'btc',
    '1BoatSLRHtKNngkdXEeobR76b53LETtpyT',
    [['1BoatSLRHtKNngkdXEeobR76b53LETtpyT', null, 'no IOC type']],
  ],
  ['ja3-fingerprint-md5', MD5, [[MD5, null, 'looks like an MD5 but is not a file hash']]],
  ['hassh-md5', MD5, [[MD5, null, 'not a file hash']]],
  ['x509-fingerprint-sha1', SHA1, [[SHA1, null, 'certificate fingerprint']]],
  ['threat-actor', 'Example Spider', [['Example Spider', null, 'fills the threat actors']]],
  ['port', '4444', [['4444', null, 'no IOC type']]],
  ['MD5', MD5, [[MD5, null, 'no IOC type']]],
  // Malformed values are still rows: the review validates the value.
  ['md5', 'not-a-hash', [['not-a-hash', 'MD5']]],
  ['ip-dst', '999.1.1.1', [['999.1.1.1', 'IPV4']]],
  ['ip-dst|port', '203.0.113.7', [['203.0.113.7', 'IPV4']]],
  ['domain|ip', 'evil.example.net', [['evil.example.net', 'DNS']]],
  ['filename|sha256', 'no-bar.exe', [['no-bar.exe', 'SHA256']]],
  ['domain', '', [['', 'DNS']]],
];

describe('importMispEvents: attribute kinds', () => {
  it('covers at least 30 distinct MISP types', () => {
    expect(new Set(KINDS.map(([kind]) => kind)).size).toBeGreaterThanOrEqual(30);
  });

  it.each(KINDS)('%s %j', (kind, value, expected) => {
    const rows = importOne({ type: kind, value, uuid: 'u-1' });
    expect(rows.map((row) => [row.value, row.type])).toEqual(expected.map(([v, t]) => [v, t]));
    rows.forEach((row, i) => {
      const reason = expected[i]?.[2];
      if (reason === undefined) {
        expect(row.notImportable).toBeUndefined();
        expect(row.ticked).toBe(true);
      } else {
        expect(row.notImportable).toContain(reason);
        expect(row.notImportable).toContain(`MISP type "${kind}"`);
        expect(row.ticked).toBe(false);
      }
    });
  });

  it('names which half of a domain|ip each row is', () => {
    const rows = importOne({ type: 'domain|ip', value: 'evil.example.net|198.51.100.4', uuid: 'u-9' });
    expect(rows.map((row) => row.origin)).toEqual([
      'attribute u-9 (its domain) of event "Test event"',
      'attribute u-9 (its IP) of event "Test event"',
    ]);
  });
});

describe('importMispEvents: to_ids, deleted, sightings', () => {
  it.each([
    [true, true],
    [false, false],
    ['1', true],
    ['0', false],
    [1, true],
    [0, false],
    [undefined, true],
  ])('to_ids %j ticks %s, and the row stays importable', (toIds, ticked) => {
    const [row] = rowsOf(
      importMispEvents(eventJson([{ type: 'domain', value: 'evil.example.net', to_ids: toIds }]), NOW),
    );
    expect(row).toMatchObject({ type: 'DNS', ticked });
    expect(row?.notImportable).toBeUndefined();
  });

  it('makes a deleted attribute a row that is not importable', () => {
    const [row] = importOne({ type: 'md5', value: MD5, deleted: true });
    expect(row).toMatchObject({ value: MD5, type: null, ticked: false });
    expect(row?.notImportable).toBe('deleted in MISP (the attribute was revoked)');
  });

  it('makes every attribute of a deleted object a row that is not importable', () => {
    const text = eventJson([], {
      Object: [{ name: 'ip-port', deleted: true, Attribute: [{ type: 'ip-dst', value: '203.0.113.9' }] }],
    });
    const [row] = rowsOf(importMispEvents(text, NOW));
    expect(row).toMatchObject({ value: '203.0.113.9', type: null, ticked: false });
    expect(row?.notImportable).toBe('deleted in MISP (its object was revoked)');
  });

  it('takes validUntil from the latest expiration sighting', () => {
    const [row] = importOne({
      type: 'domain',
      value: 'evil.example.net',
      Sighting: [
        { type: '2', date_sighting: '1764547200' },
        { type: 2, date_sighting: 1764460800 },
        { type: '0', date_sighting: '1767225600' },
      ],
    });
    expect(row).toMatchObject({ type: 'DNS', ticked: true, validUntil: '2025-12-01T00:00:00.000Z' });
  });

  it('makes a row whose expiration sighting is past not importable', () => {
    const [row] = importOne({
      type: 'domain',
      value: 'evil.example.net',
      Sighting: [{ type: '2', date_sighting: '1735689600' }],
    });
    expect(row).toMatchObject({ type: null, ticked: false });
    expect(row?.notImportable).toBe('expired in MISP on 2025-01-01T00:00:00.000Z (an expiration sighting)');
    expect(row?.validUntil).toBeUndefined();
  });

  it('leaves a row with a false-positive sighting unticked', () => {
    const [row] = importOne({
      type: 'domain',
      value: 'evil.example.net',
      Sighting: [{ type: '1', date_sighting: '1735689600' }],
    });
    expect(row).toMatchObject({ type: 'DNS', ticked: false });
  });

  it('leaves validUntil unset without an expiration sighting, whatever first_seen and last_seen say', () => {
    const [row] = importOne({
      type: 'domain',
      value: 'evil.example.net',
      first_seen: '2025-01-01T00:00:00+00:00',
      last_seen: '2025-02-01T00:00:00+00:00',
    });
    expect(row?.validUntil).toBeUndefined();
  });
});

describe('importMispEvents: context', () => {
  it.each([
    ['1', 4],
    ['2', 3],
    ['3', 2],
    ['4', undefined],
    [1, 4],
    [undefined, undefined],
  ])('threat_level_id %j gives severity %j', (level, severity) => {
    const [row] = importOne({ type: 'domain', value: 'a.example.net' }, { threat_level_id: level });
    expect(row?.severity).toBe(severity);
  });

  it.each([
    ['tlp:amber', 'labels', 'tlp:amber'],
    ['PAP:RED', 'labels', 'PAP:RED'],
    ['kill-chain:Delivery', 'labels', 'kill-chain:Delivery'],
    ['misp-galaxy:threat-actor="APT 28"', 'threatActors', 'APT 28'],
    ['misp-galaxy:malpedia="Emotet"', 'malwareNames', 'Emotet'],
    ['misp-galaxy:malware="FakeLoader"', 'malwareNames', 'FakeLoader'],
    ['misp-galaxy:ransomware="ExampleLocker"', 'malwareNames', 'ExampleLocker'],
    ['misp-galaxy:tool="Cobalt Strike"', 'malwareNames', 'Cobalt Strike'],
    ['misp-galaxy:mitre-malware="PlugX - S0013"', 'malwareNames', 'PlugX - S0013'],
    ['misp-galaxy:mitre-tool="Mimikatz - S0002"', 'malwareNames', 'Mimikatz - S0002'],
    ['misp-galaxy:mitre-attack-pattern="Phishing - T1566"', 'mitreTactic', 'Phishing - T1566'],
    [
      'misp-galaxy:mitre-enterprise-attack-attack-pattern="PowerShell - T1086"',
      'mitreTactic',
      'PowerShell - T1086',
    ],
    ['misp-galaxy:mitre-intrusion-set="APT28 - G0007"', 'intrusionSets', 'APT28 - G0007'],
    ['misp-galaxy:sector="Finance"', 'labels', 'misp-galaxy:sector="Finance"'],
    ['misp-galaxy:threat-actor=Unquoted', 'threatActors', 'Unquoted'],
  ])('event tag %s fills %s', (tag, field, value) => {
    const [row] = importOne({ type: 'domain', value: 'a.example.net' }, { Tag: [{ name: tag }] });
    expect(row?.[field as keyof IntelRow]).toEqual([value]);
  });

  it('merges event and attribute tags and galaxies, each name once', () => {
    const [row] = importOne(
      {
        type: 'domain',
        value: 'a.example.net',
        Tag: [{ name: 'tlp:red' }, { name: 'misp-galaxy:tool="Cobalt Strike"' }],
        Galaxy: [{ type: 'ransomware', GalaxyCluster: [{ value: 'ExampleLocker' }] }],
      },
      {
        Tag: [{ name: 'tlp:amber' }, { name: 'misp-galaxy:threat-actor="APT 28"' }],
        Galaxy: [
          {
            type: 'threat-actor',
            GalaxyCluster: [
              { type: 'threat-actor', value: 'APT 28', tag_name: 'misp-galaxy:threat-actor="APT 28"' },
              { type: 'threat-actor', value: 'Sofacy' },
            ],
          },
          { type: 'mitre-attack-pattern', GalaxyCluster: [{ value: 'Phishing - T1566' }] },
          { GalaxyCluster: [{ value: 'no galaxy type' }] },
        ],
      },
    );
    expect(row).toMatchObject({
      labels: ['tlp:amber', 'no galaxy type', 'tlp:red'],
      threatActors: ['APT 28', 'Sofacy'],
      malwareNames: ['Cobalt Strike', 'ExampleLocker'],
      mitreTactic: ['Phishing - T1566'],
    });
  });

  it('fills name, description, category and externalId', () => {
    const text = eventJson(
      [{ type: 'md5', value: MD5, category: 'Payload delivery', comment: 'the dropper', uuid: 'attr-1' }],
      {
        uuid: 'event-1',
        Object: [
          {
            name: 'file',
            comment: 'from the zip',
            Attribute: [{ type: 'sha1', value: SHA1, comment: 'packed', category: 'Artifacts dropped' }],
          },
          { name: 'url', comment: 'landing', Attribute: [{ type: 'url', value: 'https://a.example.net/' }] },
        ],
      },
    );
    const rows = rowsOf(importMispEvents(text, NOW));
    expect(
      rows.map(({ name, description, category, externalId }) => ({
        name,
        description,
        category,
        externalId,
      })),
    ).toEqual([
      {
        name: 'Test event',
        description: 'the dropper',
        category: ['Payload delivery'],
        externalId: 'attr-1',
      },
      {
        name: 'Test event',
        description: 'from the zip; packed',
        category: ['Artifacts dropped'],
        externalId: undefined,
      },
      { name: 'Test event', description: 'landing', category: undefined, externalId: undefined },
    ]);
  });

  it('names where each row comes from', () => {
    const text = eventJson(
      [
        { type: 'md5', value: MD5, uuid: 'attr-1' },
        { type: 'sha1', value: SHA1 },
      ],
      {
        Object: [
          { name: 'file', Attribute: [{ type: 'md5', value: MD5 }] },
          { Attribute: [{ type: 'md5', value: MD5, uuid: 'x' }] },
        ],
      },
    );
    expect(rowsOf(importMispEvents(text, NOW)).map((row) => row.origin)).toEqual([
      'attribute attr-1 of event "Test event"',
      'attribute Attribute[1] of event "Test event"',
      'attribute Object[0].Attribute[0] in object "file" of event "Test event"',
      'attribute x in object "unnamed" of event "Test event"',
    ]);
  });

  it('puts link, threat-actor and campaign-name attributes on every row of their event, not others', () => {
    const text = JSON.stringify({
      response: [
        {
          Event: {
            info: 'one',
            Attribute: [
              { type: 'domain', value: 'a.example.net' },
              { type: 'link', value: 'https://blog.example.com/a' },
              { type: 'link', value: 'https://old.example.com/', deleted: true },
              { type: 'threat-actor', value: 'Example Spider' },
              { type: 'campaign-name', value: 'Operation Fixture' },
            ],
            Object: [{ name: 'url', Attribute: [{ type: 'link', value: 'https://blog.example.com/b' }] }],
          },
        },
        { Event: { info: 'two', Attribute: [{ type: 'domain', value: 'b.example.net' }] } },
      ],
    });
    const rows = rowsOf(importMispEvents(text, NOW));
    expect(rows[0]).toMatchObject({
      reference: ['https://blog.example.com/a', 'https://blog.example.com/b'],
      threatActors: ['Example Spider'],
      campaignNames: ['Operation Fixture'],
    });
    expect(rows.at(-1)).toMatchObject({ value: 'b.example.net', name: 'two' });
    expect(rows.at(-1)?.reference).toBeUndefined();
    expect(rows.at(-1)?.threatActors).toBeUndefined();
  });
});

describe('importMispEvents: file shapes', () => {
  const one = { Event: { info: 'one', Attribute: [{ type: 'domain', value: 'a.example.net' }] } };
  const two = { Event: { info: 'two', Attribute: [{ type: 'md5', value: MD5 }] } };

  it.each([
    ['one event', one, ['a.example.net'], 'one'],
    ['a restSearch answer', { response: [one, two] }, ['a.example.net', MD5], '2 MISP events'],
    ['a list', [one, two], ['a.example.net', MD5], '2 MISP events'],
    ['an event without attributes', { Event: { info: 'empty' } }, [], 'empty'],
  ])('reads %s', (_, json, values, title) => {
    const result = importMispEvents(`\uFEFF${JSON.stringify(json, null, 2)}`, NOW);
    expect(result).toMatchObject({ ok: true, format: 'misp', title });
    expect(rowsOf(result).map((row) => row.value)).toEqual(values);
  });

  it.each([
    [
      { response: [{ Event: { info: 'a' } }, { Event: { info: 'b', Attribute: [{ type: 1 }] } }] },
      'response[1].Event.Attribute[0].type',
      'expected a string, found the number 1',
    ],
    [
      { response: [{ Event: { info: 'a' } }, { Event: { info: 'b', Attribute: [{ type: 1 }] } }] },
      'response[1].Event.Attribute[0].value',
      'missing (expected a string)',
    ],
    [{ Event: { Attribute: [] } }, 'Event.info', 'missing (expected a string)'],
    [{ Event: 'x' }, 'Event', 'expected an object, found the text "x"'],
    [
      [
        {
          Event: {
            info: 'a',
            Object: [
              {
                Attribute: [
                  { type: 'md5', value: MD5 },
                  { type: 'md5', value: null },
                ],
              },
            ],
          },
        },
      ],
      '[0].Event.Object[0].Attribute[1].value',
      'expected a string',
    ],
    [
      { Event: { info: 'a', Attribute: [{ type: 'md5', value: MD5, to_ids: 'yes' }] } },
      'Event.Attribute[0].to_ids',
      'expected true or false',
    ],
    [
      { Event: { info: 'a', Attribute: [{ type: 'md5', value: MD5, deleted: null }] } },
      'Event.Attribute[0].deleted',
      'expected true or false',
    ],
    [
      { Event: { info: 'a', Attribute: [{ type: '', value: MD5 }] } },
      'Event.Attribute[0].type',
      'the attribute type is empty',
    ],
    [{ Event: { info: 'a', Tag: { name: 'tlp:red' } } }, 'Event.Tag', 'expected a list, found an object'],
    [{ Event: { info: 'a', Tag: [{ colour: '#fff' }] } }, 'Event.Tag[0].name', 'missing'],
    [{ Event: { info: 'a', threat_level_id: '9' } }, 'Event.threat_level_id', 'expected "1" to "4"'],
    [
      { Event: { info: 'a', Galaxy: [{ GalaxyCluster: [{}] }] } },
      'Event.Galaxy[0].GalaxyCluster[0].value',
      'missing',
    ],
    [
      { Event: { info: 'a', Attribute: [{ type: 'md5', value: MD5, Sighting: [{ type: 'x' }] }] } },
      'Event.Attribute[0].Sighting[0].type',
      'expected a number',
    ],
    [{ response: {} }, 'response', 'expected a list, found an object'],
    [{ response: [] }, 'the file', 'the export holds no event'],
    [[], 'the file', 'the export holds no event'],
    [{ type: 'bundle', objects: [] }, 'type', 'this is a STIX bundle'],
    [{ info: 'bare event' }, 'the file', 'not a MISP event export'],
    ['text', 'the file', 'not a MISP event export'],
    [42, 'the file', 'not a MISP event export'],
    [null, 'the file', 'not a MISP event export'],
  ])('refuses %j at %s', (json, where, message) => {
    const result = importMispEvents(JSON.stringify(json), NOW);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const error = result.errors.find((e) => e.where === where);
    expect(error?.message, JSON.stringify(result.errors)).toContain(message);
  });

  it('lists 20 problems and sums up the rest', () => {
    const attributes = Array.from({ length: 30 }, () => ({ type: 'md5' }));
    const result = importMispEvents(eventJson(attributes), NOW);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(21);
    expect(result.errors.at(-1)).toEqual({ where: 'the file', message: 'and 10 more problems' });
  });

  // Where and why are json-position.ts's (json-position.test.ts); the import passes them on alone.
  it.each([
    ['', 'line 1', 'the file is empty'],
    [
      '{"Event": {"info": "a",\n  "Attribute": [\n    {"type": "md5",}\n  ]}}',
      'line 3, column 20',
      'expected a property name',
    ],
  ])('says where %j is not JSON', (text, where, message) => {
    const result = importMispEvents(text, NOW);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]?.where).toBe(where);
    expect(result.errors[0]?.message).toContain(message);
  });

  it.each([
    ['deep nesting', `${'['.repeat(5000)}${']'.repeat(5000)}`],
    ['deep nesting, broken', '['.repeat(5000)],
    ['a proto key', '{"__proto__": {"Event": 1}}'],
  ])('never throws on %s', (_, text) => {
    expect(() => importMispEvents(text, NOW)).not.toThrow();
    expect(importMispEvents(text, NOW).ok).toBe(false);
  });
});

describe('importMispEvents: the fixture event (tests/fixtures/misp/event.json)', () => {
  const text = readFileSync(path.resolve(__dirname, '../../fixtures/misp/event.json'), 'utf8');
  const result = importMispEvents(text, NOW);
  const rows = rowsOf(result);
  const event = 'of event "Phishing wave delivering FakeLoader to finance teams"';

  it('is titled by the event info', () => {
    expect(result).toMatchObject({
      ok: true,
      format: 'misp',
      title: 'Phishing wave delivering FakeLoader to finance teams',
    });
  });

  it('gives every attribute a row, in file order', () => {
    expect(
      rows.map((row) => [row.value, row.type, row.ticked, row.notImportable ?? null, row.origin]),
    ).toEqual([
      [
        'update-check.example.net',
        'DNS',
        true,
        null,
        `attribute a0000001-0000-4000-8000-000000000001 ${event}`,
      ],
      ['203.0.113.45', 'IPV4', true, null, `attribute a0000001-0000-4000-8000-000000000002 ${event}`],
      [
        '198.51.100.0/24',
        null,
        false,
        'MISP type "ip-dst": a range (/24); SentinelOne IP IOCs are single addresses',
        `attribute a0000001-0000-4000-8000-000000000003 ${event}`,
      ],
      [
        'hxxps://invoices-portal.example.org/download/inv_2211.zip',
        'URL',
        true,
        null,
        `attribute a0000001-0000-4000-8000-000000000004 ${event}`,
      ],
      [
        '0f3c5a7e9b1d2f4a6c8e0b2d4f6a8c0e2b4d6f8a0c2e4b6d8f0a2c4e6b8d0f2a',
        null,
        false,
        'deleted in MISP (the attribute was revoked)',
        `attribute a0000001-0000-4000-8000-000000000005 ${event}`,
      ],
      [
        'billing@invoices-portal.example.org',
        null,
        false,
        'MISP type "email-src": SentinelOne has no IOC type for it',
        `attribute a0000001-0000-4000-8000-000000000006 ${event}`,
      ],
      [
        'https://blog.example.com/fakeloader-analysis',
        null,
        false,
        'MISP type "link": a reference link, not an indicator (it fills the reference field of the event’s rows)',
        `attribute a0000001-0000-4000-8000-000000000007 ${event}`,
      ],
      [
        'e7d705a3286e19ea42f587b344ee6865',
        null,
        false,
        'MISP type "ja3-fingerprint-md5": a TLS client fingerprint (JA3): it looks like an MD5 but is not a file hash',
        `attribute a0000001-0000-4000-8000-000000000008 ${event}`,
      ],
      ['relay.example.net', 'DNS', true, null, `attribute a0000001-0000-4000-8000-000000000009 ${event}`],
      [
        'inv_2211.exe',
        null,
        false,
        'MISP type "filename": SentinelOne has no IOC type for it',
        `attribute b0000001-0000-4000-8000-000000000011 in object "file" ${event}`,
      ],
      [
        '5d41402abc4b2a76b9719d911017c592',
        'MD5',
        true,
        null,
        `attribute b0000001-0000-4000-8000-000000000012 in object "file" ${event}`,
      ],
      [
        '9b74c9897bac770ffc029102a200c5de1d2a5c4e8f3b7d2c1e0f9a8b7c6d5e4f',
        'SHA256',
        true,
        null,
        `attribute b0000001-0000-4000-8000-000000000013 in object "file" ${event}`,
      ],
      [
        '482304',
        null,
        false,
        'MISP type "size-in-bytes": SentinelOne has no IOC type for it',
        `attribute b0000001-0000-4000-8000-000000000014 in object "file" ${event}`,
      ],
      [
        'cdn.update-check.example.net',
        'DNS',
        true,
        null,
        `attribute b0000002-0000-4000-8000-000000000021 in object "domain-ip" ${event}`,
      ],
      [
        '2001:db8:85a3::8a2e:370:7334',
        'IPV6',
        true,
        null,
        `attribute b0000002-0000-4000-8000-000000000022 in object "domain-ip" ${event}`,
      ],
      [
        '203.0.113.99',
        null,
        false,
        'deleted in MISP (its object was revoked)',
        `attribute b0000003-0000-4000-8000-000000000031 in object "ip-port" ${event}`,
      ],
      [
        '4444',
        null,
        false,
        'deleted in MISP (its object was revoked)',
        `attribute b0000003-0000-4000-8000-000000000032 in object "ip-port" ${event}`,
      ],
    ]);
  });

  it('gives every row the event context', () => {
    for (const row of rows) {
      expect(row).toMatchObject({
        name: 'Phishing wave delivering FakeLoader to finance teams',
        severity: 4,
        threatActors: ['Example Spider'],
        reference: ['https://blog.example.com/fakeloader-analysis'],
      });
      expect(row.labels?.[0]).toBe('tlp:amber');
      expect(row.mitreTactic).toEqual(['Phishing - T1566', 'Command and Scripting Interpreter - T1059']);
      expect(row.malwareNames?.[0]).toBe('FakeLoader');
      expect(row.externalId).toMatch(/^[ab]0000/);
    }
  });

  it('gives the rows their own context', () => {
    const byValue = (value: string) => rows.find((row) => row.value === value);
    expect(byValue('update-check.example.net')).toMatchObject({
      description: 'C2 domain',
      category: ['Network activity'],
      labels: ['tlp:amber', 'kill-chain:Command and Control'],
    });
    expect(byValue('203.0.113.45')?.description).toBeUndefined();
    expect(byValue('relay.example.net')?.validUntil).toBe('2025-12-01T00:00:00.000Z');
    expect(byValue('9b74c9897bac770ffc029102a200c5de1d2a5c4e8f3b7d2c1e0f9a8b7c6d5e4f')).toMatchObject({
      description: 'dropper from the zip; packed',
      malwareNames: ['FakeLoader', 'ExampleLocker'],
      category: ['Payload delivery'],
    });
    expect(byValue('5d41402abc4b2a76b9719d911017c592')).toMatchObject({
      description: 'dropper from the zip',
      malwareNames: ['FakeLoader'],
    });
    expect(rows.filter((row) => row.validUntil !== undefined)).toHaveLength(1);
  });
});
