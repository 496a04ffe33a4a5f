import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../config/settings';
import type { ContextText } from '../../../lib/iocs/context-fields';
import {
  applyTag,
  daysFromText,
  defaultFields,
  type ExistingIdentity,
  type IocFields,
  scoreFromText,
  toDrafts,
  validateFields,
  validUntilFor,
} from '../../../lib/iocs/drafts';
import type { IocDraft, IocType } from '../../../lib/s1/schemas';

const NOW = new Date('2026-05-01T12:00:00.000Z');
const FIELDS: IocFields = {
  name: 'Ransom C2',
  description: 'From report 42',
  creator: 'analyst@example.org',
  source: 'SOC',
  score: 100,
  validityDays: null,
  externalId: '',
};
const SETTINGS = {
  tagPrefix: '[ACME]',
  validityDays: { DNS: 90, URL: 90, IPV4: 14, IPV6: 14, MD5: 180, SHA1: 180, SHA256: 180 } as Record<
    IocType,
    number
  >,
};

describe('applyTag', () => {
  it.each([
    ['', 'name', 'name'],
    ['[ORGANIZATION NAME]', 'name', '[ORGANIZATION NAME] name'],
    ['[ORG]', '[ORG] name', '[ORG] name'],
    ['[ORG]', '[ORG]', '[ORG]'],
    ['[ORG]', '', '[ORG]'],
    ['  [ORG] ', '  name ', '[ORG] name'],
    ['[ORG]', '[ORG]name', '[ORG] [ORG]name'],
    ['', '', ''],
  ])('tag %j on %j gives %j', (tag, text, expected) => {
    expect(applyTag(tag, text)).toBe(expected);
  });
});

describe('validUntilFor', () => {
  it.each<[IocType, number, string]>([
    ['IPV4', 14, '2026-05-15T12:00:00.000Z'],
    ['IPV4', 30, '2026-05-31T12:00:00.000Z'],
    ['IPV4', 31, '2026-05-31T12:00:00.000Z'],
    ['IPV6', 31, '2026-05-31T12:00:00.000Z'],
    ['DNS', 31, '2026-06-01T12:00:00.000Z'],
    ['URL', 180, '2026-10-28T12:00:00.000Z'],
    ['SHA256', 181, '2026-10-28T12:00:00.000Z'],
    ['MD5', 1, '2026-05-02T12:00:00.000Z'],
  ])('%s for %i days is %s', (type, days, expected) => {
    expect(validUntilFor(type, days, NOW)).toBe(expected);
  });
});

describe('toDrafts', () => {
  it('builds one EQUALS draft per row with the tag, score and per-type validity', () => {
    const drafts = toDrafts(
      [
        { value: 'evil.com', type: 'DNS' },
        { value: '1.2.3.4', type: 'IPV4' },
      ],
      FIELDS,
      SETTINGS,
      NOW,
    );
    expect(drafts).toEqual([
      {
        type: 'DNS',
        value: 'evil.com',
        source: 'SOC',
        method: 'EQUALS',
        name: '[ACME] Ransom C2',
        description: '[ACME] From report 42',
        creator: 'analyst@example.org',
        validUntil: '2026-07-30T12:00:00.000Z',
        originalRiskScore: 100,
      },
      expect.objectContaining({ type: 'IPV4', validUntil: '2026-05-15T12:00:00.000Z' }),
    ]);
  });

  it('clamps a form validity to each type maximum', () => {
    const drafts = toDrafts(
      [
        { value: '1.2.3.4', type: 'IPV4' },
        { value: 'evil.com', type: 'DNS' },
      ],
      { ...FIELDS, validityDays: 181 },
      SETTINGS,
      NOW,
    );
    expect(drafts.map((d) => d.validUntil)).toEqual(['2026-05-31T12:00:00.000Z', '2026-10-28T12:00:00.000Z']);
  });

  it('leaves out empty optional fields instead of sending empty text', () => {
    const [draft] = toDrafts(
      [{ value: 'evil.com', type: 'DNS' }],
      { ...FIELDS, name: '', description: ' ', creator: '', externalId: '' },
      { ...SETTINGS, tagPrefix: '' },
      NOW,
    );
    expect(Object.keys(draft ?? {}).sort()).toEqual([
      'method',
      'originalRiskScore',
      'source',
      'type',
      'validUntil',
      'value',
    ]);
  });

  it('sends the external ID when given', () => {
    const [draft] = toDrafts(
      [{ value: 'evil.com', type: 'DNS' }],
      { ...FIELDS, externalId: ' T-1 ' },
      SETTINGS,
      NOW,
    );
    expect(draft?.externalId).toBe('T-1');
  });

  it.each<[string, ExistingIdentity, { value: string; source: string; externalId?: string }]>([
    [
      'keeps the source of an IOC already in SentinelOne',
      { value: 'evil.com', source: 'MISP', externalId: null },
      { value: 'evil.com', source: 'MISP' },
    ],
    [
      'keeps its external ID over the form one',
      { value: 'evil.com', source: 'Feed', externalId: 'F-9' },
      { value: 'evil.com', source: 'Feed', externalId: 'F-9' },
    ],
    [
      'keeps its value as held over the reviewed form',
      { value: 'Evil.COM', source: 'Feed', externalId: null },
      { value: 'Evil.COM', source: 'Feed' },
    ],
  ])('%s, so the upsert updates it', (_name, existing, expected) => {
    const [draft] = toDrafts(
      [{ value: 'evil.com', type: 'DNS', existing }],
      { ...FIELDS, externalId: 'T-1' },
      SETTINGS,
      NOW,
    );
    expect({ value: draft?.value, source: draft?.source, externalId: draft?.externalId }).toEqual({
      externalId: undefined,
      ...expected,
    });
    expect(draft?.name).toBe('[ACME] Ransom C2');
  });
});

describe('toDrafts and the context fields', () => {
  const ROWS = [
    { value: 'evil.com', type: 'DNS' as const },
    { value: '1.2.3.4', type: 'IPV4' as const },
  ];
  const RICH = [
    'severity',
    'labels',
    'category',
    'threatActors',
    'malwareNames',
    'campaignNames',
    'intrusionSets',
    'mitreTactic',
    'reference',
  ] as const;
  const richOf = (draft: IocDraft | undefined) =>
    Object.fromEntries(RICH.filter((key) => draft && key in draft).map((key) => [key, draft?.[key]]));

  it.each<[string, ContextText | undefined, Partial<IocDraft>]>([
    ['no context: none sent', undefined, {}],
    ['empty context: none sent, no []', { severity: null, lists: { labels: '', threatActors: ' ; ' } }, {}],
    ['severity 0 sent', { severity: 0, lists: {} }, { severity: 0 }],
    [
      'every field typed, on every row',
      {
        severity: 4,
        lists: {
          labels: 'phishing; initial-access',
          category: 'C2',
          threatActors: 'APT28, Sofacy',
          malwareNames: 'X-Agent',
          campaignNames: 'Op Pawn',
          intrusionSets: 'IS-1',
          mitreTactic: 'TA0011',
          reference: 'https://r.example/1',
        },
      },
      {
        severity: 4,
        labels: ['phishing', 'initial-access'],
        category: ['C2'],
        threatActors: ['APT28', 'Sofacy'],
        malwareNames: ['X-Agent'],
        campaignNames: ['Op Pawn'],
        intrusionSets: ['IS-1'],
        mitreTactic: ['TA0011'],
        reference: ['https://r.example/1'],
      },
    ],
  ])('%s', (_name, context, expected) => {
    const drafts = toDrafts(ROWS, { ...FIELDS, context }, SETTINGS, NOW);
    expect(drafts.map(richOf)).toEqual([expected, expected]);
  });

  it('gives each draft its own lists', () => {
    const [a, b] = toDrafts(
      ROWS,
      { ...FIELDS, context: { severity: null, lists: { labels: 'x' } } },
      SETTINGS,
      NOW,
    );
    expect(a?.labels).not.toBe(b?.labels);
  });

  it('starts a submission with no context', () => {
    expect(defaultFields(DEFAULT_SETTINGS).context).toEqual({ severity: null, lists: {} });
  });
});

describe('validateFields', () => {
  it.each<[Partial<IocFields>, string | null]>([
    [{}, null],
    [{ score: 0, validityDays: 1 }, null],
    [{ validityDays: 180 }, null],
    [{ source: ' ' }, 'Source is required.'],
    [{ score: 101 }, 'Score must be a whole number from 0 to 100.'],
    [{ score: -1 }, 'Score must be a whole number from 0 to 100.'],
    [{ score: 50.5 }, 'Score must be a whole number from 0 to 100.'],
    [{ score: Number.NaN }, 'Score must be a whole number from 0 to 100.'],
    [{ validityDays: 0 }, 'Validity must be a whole number of days from 1 to 180.'],
    [{ validityDays: 181 }, 'Validity must be a whole number of days from 1 to 180.'],
    [{ validityDays: 2.5 }, 'Validity must be a whole number of days from 1 to 180.'],
    [{ context: { severity: 7, lists: { labels: 'a, b' } } }, null],
    [{ context: { severity: 8, lists: {} } }, 'Severity must be a whole number from 0 to 7.'],
    [
      { context: { severity: null, lists: { labels: Array.from({ length: 51 }, (_, i) => i).join(',') } } },
      'Labels can hold at most 50 items.',
    ],
  ])('%j → %j', (change, expected) => {
    expect(validateFields({ ...FIELDS, ...change })).toBe(expected);
  });
});

describe('the form fields read from text', () => {
  it.each<[string, number]>([
    ['80', 80],
    ['0', 0],
    ['', Number.NaN],
    ['  ', Number.NaN],
    ['1e3', 1000],
  ])('reads score %j as %j', (text, expected) => {
    expect(scoreFromText(text)).toBe(expected);
  });

  it.each<[string, number | null]>([
    ['', null],
    ['30', 30],
  ])('reads validity %j as %j', (text, expected) => {
    expect(daysFromText(text)).toBe(expected);
  });

  it('refuses a cleared score instead of sending 0', () => {
    expect(validateFields({ ...FIELDS, score: scoreFromText('') })).toBe(
      'Score must be a whole number from 0 to 100.',
    );
  });
});
