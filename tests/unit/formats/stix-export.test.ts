import { describe, expect, it } from 'vitest';
import {
  exportStixBundle,
  NAMED_OBJECT_TIME,
  type StixBundle,
  type StixObject,
  stixExportFileName,
  stixPattern,
} from '../../../lib/formats/stix-export';
import type { IocType } from '../../../lib/s1/schemas';
import { makeIoc } from '../iocs/fixtures';
import { BundleShape, CUSTOM_PROPERTY, StixObjectShape } from './stix-shapes';

const NOW = new Date('2026-12-01T12:00:00.000Z');

/** Every rich field set, as the console returns it. */
const RICH = {
  severity: 5,
  originalRiskScore: 80,
  labels: ['ransomware', 'c2'],
  category: ['Malware', 'Phishing'],
  threatActors: ['APT-Example'],
  threatActorTypes: ['crime-syndicate'],
  malwareNames: ['ExampleLocker'],
  campaignNames: ['Operation Example'],
  intrusionSets: ['Example Set'],
  mitreTactic: ['Initial Access', 'Command and Control'],
  reference: ['https://intel.example.com/report/1', 'internal ticket 42'],
};

/** The bundle, checked against the spec-derived shapes and the cross-object rules. */
function bundleOf(...args: Parameters<typeof exportStixBundle>): StixBundle {
  const bundle = exportStixBundle(...args);
  BundleShape.parse(bundle);
  const objects = bundle.objects ?? [];
  const ids = new Set(objects.map((object) => object.id));
  expect(ids.size).toBe(objects.length);
  for (const [i, object] of objects.entries()) {
    const parsed = StixObjectShape.safeParse(object);
    expect(
      parsed.error?.issues.map((issue) => `objects[${i}].${issue.path.join('.')}: ${issue.message}`),
    ).toBe(undefined);
    for (const key of Object.keys(object).filter((key) => key.startsWith('x_'))) {
      expect(key).toMatch(CUSTOM_PROPERTY);
    }
    // Common properties §3.2: modified is never before created; refs point inside the bundle.
    expect(Date.parse(object.modified as string)).toBeGreaterThanOrEqual(
      Date.parse(object.created as string),
    );
    for (const ref of ['created_by_ref', 'source_ref', 'target_ref']) {
      if (ref in object) expect(ids.has(object[ref] as string)).toBe(true);
    }
    // §4.7: valid_until later than valid_from.
    if (object.valid_until) {
      expect(String(object.valid_until) > String(object.valid_from)).toBe(true);
    }
  }
  return bundle;
}

const objectsOf = (bundle: StixBundle) => bundle.objects ?? [];
const ofType = (bundle: StixBundle, type: string) =>
  objectsOf(bundle).filter((object) => object.type === type);
function indicatorOf(overrides: Parameters<typeof makeIoc>[0] = {}): StixObject {
  const [indicator] = ofType(bundleOf([makeIoc(overrides)], { now: NOW }), 'indicator');
  if (!indicator) throw new Error('no indicator');
  return indicator;
}

describe('stixPattern', () => {
  it.each<[IocType, string, string]>([
    ['MD5', 'd41d8cd98f00b204e9800998ecf8427e', "[file:hashes.MD5 = 'd41d8cd98f00b204e9800998ecf8427e']"],
    [
      'SHA1',
      'da39a3ee5e6b4b0d3255bfef95601890afd80709',
      "[file:hashes.'SHA-1' = 'da39a3ee5e6b4b0d3255bfef95601890afd80709']",
    ],
    [
      'SHA256',
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      "[file:hashes.'SHA-256' = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855']",
    ],
    ['DNS', 'evil.example.ru', "[domain-name:value = 'evil.example.ru']"],
    ['IPV4', '198.51.100.7', "[ipv4-addr:value = '198.51.100.7']"],
    ['IPV4', '203.0.113.0/24', "[ipv4-addr:value = '203.0.113.0/24']"],
    ['IPV6', '2001:db8::1', "[ipv6-addr:value = '2001:db8::1']"],
    ['URL', 'https://evil.example.com/a?b=c&d=e', "[url:value = 'https://evil.example.com/a?b=c&d=e']"],
  ])('writes a %s as %s', (type, value, pattern) => {
    expect(stixPattern(type, value)).toBe(pattern);
    expect(indicatorOf({ type, value }).pattern).toBe(pattern);
  });

  // STIX patterning §9: in a string constant, ' is written \' and \ is written \\; nothing else is escaped.
  it.each([
    ["https://x.example/it's", String.raw`[url:value = 'https://x.example/it\'s']`],
    [String.raw`https://x.example/a\b`, String.raw`[url:value = 'https://x.example/a\\b']`],
    [String.raw`https://x.example/\'`, String.raw`[url:value = 'https://x.example/\\\'']`],
    ["https://x.example/''", String.raw`[url:value = 'https://x.example/\'\'']`],
    [String.raw`https://x.example/\\`, String.raw`[url:value = 'https://x.example/\\\\']`],
    ['https://x.example/"q"]', `[url:value = 'https://x.example/"q"]']`],
    ['https://例え.jp/パス', "[url:value = 'https://例え.jp/パス']"],
  ])('escapes %j', (value, pattern) => {
    expect(stixPattern('URL', value)).toBe(pattern);
  });
});

describe('exportStixBundle: the indicator', () => {
  it('carries the common properties and the IOC times', () => {
    expect(indicatorOf()).toEqual({
      type: 'indicator',
      spec_version: '2.1',
      id: expect.stringMatching(/^indicator--[0-9a-f-]{36}$/),
      created: '2026-04-01T10:00:01.123Z',
      modified: '2026-04-02T11:00:00.654Z',
      name: 'Ransom C2',
      description: 'Seen in campaign X',
      indicator_types: ['malicious-activity'],
      pattern: "[domain-name:value = 'evil.example.ru']",
      pattern_type: 'stix',
      valid_from: '2026-04-01T10:00:00.000Z',
      valid_until: '2026-06-01T00:00:00.000Z',
      external_references: [{ source_name: 'Feed_A', external_id: 'ext-1' }],
      x_s1_uuid: 'c0ffee00-0000-4000-8000-000000000001',
      x_s1_source: 'Feed_A',
      x_s1_creator: 'Analyst One',
    });
  });

  it.each<[string, Parameters<typeof makeIoc>[0], Record<string, unknown>]>([
    ['severity', { severity: 5 }, { x_s1_severity: 5 }],
    ['severity 0', { severity: 0 }, { x_s1_severity: 0 }],
    ['risk score', { originalRiskScore: 80 }, { x_s1_original_risk_score: 80 }],
    ['labels', { labels: ['ransomware', 'c2'] }, { labels: ['ransomware', 'c2'] }],
    ['category', { category: ['Malware'] }, { x_s1_category: ['Malware'] }],
    ['actor types', { threatActorTypes: ['nation-state'] }, { x_s1_threat_actor_types: ['nation-state'] }],
    [
      'tactics',
      { mitreTactic: ['Initial Access', 'command-and-control'] },
      {
        kill_chain_phases: [
          { kill_chain_name: 'mitre-attack', phase_name: 'initial-access' },
          { kill_chain_name: 'mitre-attack', phase_name: 'command-and-control' },
        ],
        x_s1_mitre_tactic: ['Initial Access', 'command-and-control'],
      },
    ],
    [
      'tactics written two ways',
      { mitreTactic: ['Initial Access', 'initial-access'] },
      {
        kill_chain_phases: [{ kill_chain_name: 'mitre-attack', phase_name: 'initial-access' }],
        x_s1_mitre_tactic: ['Initial Access', 'initial-access'],
      },
    ],
    [
      'references',
      { reference: ['https://intel.example.com/r/1', 'ticket 42'] },
      {
        external_references: [
          { source_name: 'Feed_A', external_id: 'ext-1' },
          { source_name: 'reference', url: 'https://intel.example.com/r/1' },
          { source_name: 'reference', description: 'ticket 42' },
        ],
      },
    ],
    [
      'external id without a source',
      { source: '', externalId: 'X-9' },
      { external_references: [{ source_name: 'sentinelone', external_id: 'X-9' }] },
    ],
    ['no external id', { externalId: null }, { external_references: undefined }],
    ['a description with quotes', { description: "it's \\ here" }, { description: "it's \\ here" }],
    // valid_from: the source's time, else the upload time; microseconds kept on validity times.
    ['no creation time', { creationTime: null }, { valid_from: '2026-04-01T10:00:01.123456Z' }],
    [
      'microseconds',
      { creationTime: '2026-04-01T10:00:00.000001Z', validUntil: '2026-06-01T00:00:00.123400Z' },
      { valid_from: '2026-04-01T10:00:00.000001Z', valid_until: '2026-06-01T00:00:00.123400Z' },
    ],
    [
      'an offset time',
      { validUntil: '2026-06-01T02:00:00+02:00' },
      { valid_until: '2026-06-01T00:00:00.000Z' },
    ],
    ['no expiry', { validUntil: null }, { valid_until: undefined }],
    // An update stamped before the upload cannot make modified earlier than created.
    [
      'updated before upload',
      { updatedAt: '2026-01-01T00:00:00Z' },
      { modified: '2026-04-01T10:00:01.123Z' },
    ],
    // An unreadable time falls back to the upload time, then to now.
    ['unreadable creation time', { creationTime: 'soon' }, { valid_from: '2026-04-01T10:00:01.123456Z' }],
    [
      'unreadable upload time',
      { uploadTime: 'n/a', creationTime: null, updatedAt: 'n/a', validUntil: null },
      {
        created: '2026-12-01T12:00:00.000Z',
        modified: '2026-12-01T12:00:00.000Z',
        valid_from: NOW.toISOString(),
      },
    ],
    // §4.7 wants valid_until after valid_from: an IOC expired before its source's time keeps its expiry.
    [
      'expired at creation',
      { creationTime: '2026-07-01T00:00:00.000000Z', validUntil: '2026-06-01T00:00:00.000000Z' },
      {
        valid_from: '2026-05-31T23:59:59.999Z',
        valid_until: '2026-06-01T00:00:00.000Z',
        x_s1_creation_time: '2026-07-01T00:00:00.000000Z',
      },
    ],
    [
      'expiring at its creation',
      { creationTime: '2026-06-01T00:00:00.000000Z', validUntil: '2026-06-01T00:00:00.000000Z' },
      { valid_from: '2026-05-31T23:59:59.999Z', x_s1_creation_time: '2026-06-01T00:00:00.000000Z' },
    ],
    // Nothing empty: STIX forbids empty lists, and an empty string says nothing.
    [
      'empty fields',
      { name: '', description: null, labels: [], category: ['', ' '], mitreTactic: [' '], creator: null },
      {
        name: undefined,
        description: undefined,
        labels: undefined,
        x_s1_category: undefined,
        kill_chain_phases: undefined,
        x_s1_mitre_tactic: undefined,
        x_s1_creator: undefined,
      },
    ],
    ['repeated labels', { labels: ['a', 'b', 'a'] }, { labels: ['a', 'b'] }],
  ])('writes %s', (_, overrides, expected) => {
    const indicator = indicatorOf(overrides);
    for (const [key, value] of Object.entries(expected))
      expect({ [key]: indicator[key] }).toEqual({ [key]: value });
    if (!('x_s1_creation_time' in expected)) expect(indicator.x_s1_creation_time).toBeUndefined();
  });
});

describe('exportStixBundle: related objects', () => {
  const bundle = bundleOf(
    [
      makeIoc({ uuid: 'u-1', ...RICH }),
      makeIoc({
        uuid: 'u-2',
        value: '198.51.100.7',
        type: 'IPV4',
        threatActors: ['APT-Example', 'Second Actor'],
      }),
      makeIoc({ uuid: 'u-3', value: '198.51.100.8', type: 'IPV4', malwareNames: ['APT-Example'] }),
    ],
    { now: NOW },
  );
  const [one, two, three] = ofType(bundle, 'indicator');

  it('orders indicators, then actors, intrusion sets, campaigns, malware, then relationships', () => {
    expect(objectsOf(bundle).map((object) => object.type)).toEqual([
      'indicator',
      'indicator',
      'indicator',
      'threat-actor',
      'threat-actor',
      'intrusion-set',
      'campaign',
      'malware',
      'malware',
      'relationship',
      'relationship',
      'relationship',
      'relationship',
      'relationship',
      'relationship',
      'relationship',
    ]);
  });

  it('makes one object per distinct name, shared by the indicators naming it', () => {
    const actors = ofType(bundle, 'threat-actor');
    expect(actors.map((actor) => actor.name)).toEqual(['APT-Example', 'Second Actor']);
    const example = actors[0]?.id;
    const links = ofType(bundle, 'relationship').filter((link) => link.target_ref === example);
    expect(links.map((link) => link.source_ref)).toEqual([one?.id, two?.id]);
  });

  it('links each indicator to each object it names', () => {
    const byId = new Map(objectsOf(bundle).map((object) => [object.id, object]));
    const targets = (indicator: StixObject | undefined) =>
      ofType(bundle, 'relationship')
        .filter((link) => link.source_ref === indicator?.id)
        .map((link) => {
          const target = byId.get(link.target_ref as string);
          return `${target?.type}:${target?.name}`;
        });
    expect(targets(one)).toEqual([
      'threat-actor:APT-Example',
      'intrusion-set:Example Set',
      'campaign:Operation Example',
      'malware:ExampleLocker',
    ]);
    expect(targets(two)).toEqual(['threat-actor:APT-Example', 'threat-actor:Second Actor']);
    expect(targets(three)).toEqual(['malware:APT-Example']);
  });

  it('writes malware as a family, named objects at a fixed time, links at the indicator time', () => {
    expect(ofType(bundle, 'malware')[0]).toEqual({
      type: 'malware',
      spec_version: '2.1',
      id: expect.stringMatching(/^malware--/),
      created: NAMED_OBJECT_TIME,
      modified: NAMED_OBJECT_TIME,
      name: 'ExampleLocker',
      is_family: true,
    });
    expect(ofType(bundle, 'relationship')[0]).toMatchObject({
      relationship_type: 'indicates',
      created: one?.created,
      modified: one?.created,
    });
  });

  it('gives a malware and an actor of the same name different ids', () => {
    const actor = ofType(bundle, 'threat-actor')[0];
    const malware = ofType(bundle, 'malware')[1];
    expect(malware?.name).toBe(actor?.name);
    expect(malware?.id.split('--')[1]).not.toBe(actor?.id.split('--')[1]);
  });

  it('names each object once even when one IOC repeats the name', () => {
    const repeated = bundleOf([makeIoc({ threatActors: ['A', 'A', ''] })], { now: NOW });
    expect(ofType(repeated, 'threat-actor')).toHaveLength(1);
    expect(ofType(repeated, 'relationship')).toHaveLength(1);
  });
});

describe('exportStixBundle: identity and determinism', () => {
  const iocs = [
    makeIoc({ uuid: 'u-1', ...RICH }),
    makeIoc({ uuid: 'u-2', value: '198.51.100.7', type: 'IPV4', threatActors: ['APT-Example'] }),
  ];

  it('puts the identity first and makes it the creator of every object', () => {
    const bundle = bundleOf(iocs, { now: NOW, identityName: '  SOC Team ' });
    const [identity, ...rest] = objectsOf(bundle);
    expect(identity).toMatchObject({ type: 'identity', name: 'SOC Team', identity_class: 'organization' });
    expect(rest.every((object) => object.created_by_ref === identity?.id)).toBe(true);
  });

  it.each(['', '   ', undefined])('writes no identity for the name %j', (identityName) => {
    const bundle = bundleOf(iocs, { now: NOW, identityName });
    expect(ofType(bundle, 'identity')).toEqual([]);
    expect(objectsOf(bundle).some((object) => 'created_by_ref' in object)).toBe(false);
  });

  it('writes the same bundle for the same IOCs, whenever it runs', () => {
    const first = JSON.stringify(bundleOf(iocs, { now: NOW, identityName: 'SOC' }));
    const later = JSON.stringify(bundleOf(structuredClone(iocs), { now: new Date(0), identityName: 'SOC' }));
    expect(later).toBe(first);
  });

  it('keeps ids across exports of different selections', () => {
    const both = bundleOf(iocs, { now: NOW });
    const second = bundleOf([iocs[1] ?? makeIoc()], { now: NOW });
    const idOf = (bundle: StixBundle, type: string, index = 0) => ofType(bundle, type)[index]?.id;
    expect(idOf(second, 'indicator')).toBe(idOf(both, 'indicator', 1));
    expect(idOf(second, 'threat-actor')).toBe(idOf(both, 'threat-actor'));
    expect(second.id).not.toBe(both.id);
  });

  it('derives the indicator id from the IOC uuid alone', () => {
    const id = indicatorOf({ uuid: 'u-1' }).id;
    expect(indicatorOf({ uuid: 'u-1', value: 'other.example', name: 'x' }).id).toBe(id);
    expect(indicatorOf({ uuid: 'u-9' }).id).not.toBe(id);
  });

  it('exports an IOC listed twice once', () => {
    const bundle = bundleOf([iocs[1] ?? makeIoc(), iocs[1] ?? makeIoc()], { now: NOW });
    expect(ofType(bundle, 'indicator')).toHaveLength(1);
    expect(ofType(bundle, 'relationship')).toHaveLength(1);
  });

  it('writes a bundle without objects for no IOCs', () => {
    const bundle = bundleOf([], { now: NOW, identityName: 'SOC' });
    expect(bundle).toEqual({ type: 'bundle', id: expect.stringMatching(/^bundle--/) });
  });
});

describe('stixExportFileName', () => {
  it.each([
    [NOW, 12, 's1-iocs-2026-12-01T1200Z-12.stix.json'],
    [new Date(Number.NaN), 0, 's1-iocs-undated-0.stix.json'],
  ])('names an export at %s of %i IOCs', (now, count, name) => {
    expect(stixExportFileName(now, count)).toBe(name);
  });
});
