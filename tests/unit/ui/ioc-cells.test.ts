/** The IOC grid's cells as text: what each column shows, its title, its name when it is a dash, its tone. */
import { describe, expect, it } from 'vitest';
import type { IocColumnId } from '../../../lib/iocs/ioc-index';
import type { RichKey } from '../../../lib/iocs/rich-fields';
import type { Ioc } from '../../../lib/s1/schemas';
import {
  type IocCell,
  iocCell,
  scoreCell,
  TITLE_MAX,
  tenantCell,
  titleOf,
  typeChip,
} from '../../../lib/ui/ioc-cells';

/** 2026-04-28T08:17:48.062Z */
const NOW = Date.UTC(2026, 3, 28, 8, 17, 48, 62);
const DAY = 86_400_000;

const IOC = {
  uuid: 'u-1',
  value: 'evil.example',
  type: 'DNS',
  source: 'MISP',
  name: 'Staging',
  description: '',
  creator: 'invoice\u202Efdp.exe',
  originalRiskScore: 80,
  validUntil: new Date(NOW + 3 * DAY).toISOString(),
  updatedAt: new Date(NOW - 2 * DAY).toISOString(),
} as unknown as Ioc;

const with_ = (fields: Partial<Record<string, unknown>>) => ({ ...IOC, ...fields }) as unknown as Ioc;

describe('iocCell', () => {
  it.each<[string, Ioc, IocColumnId, IocCell]>([
    ['a value', IOC, 'value', { text: 'evil.example', title: 'evil.example' }],
    ['an empty description has no title', IOC, 'description', { text: '', title: undefined }],
    [
      'a bidi override spelled out in text and title',
      IOC,
      'creator',
      { text: 'invoice⟨U+202E⟩fdp.exe', title: 'invoice⟨U+202E⟩fdp.exe' },
    ],
    ['a type, as a chip', IOC, 'type', { text: 'DNS', title: 'Domain or host name' }],
    ['a score', IOC, 'score', { text: '80' }],
    [
      'no score: a dash named "no score"',
      with_({ originalRiskScore: null }),
      'score',
      { text: '—', label: 'no score', title: 'No score', tone: 'muted' },
    ],
    ['a score of 0 is a score', with_({ originalRiskScore: 0 }), 'score', { text: '0' }],
    [
      'expiring soon: warn, the exact time on hover',
      IOC,
      'validUntil',
      { text: 'in 3 days', title: '2026-05-01 08:17:48 UTC', stateClass: 'expiry-soon', tone: 'warn' },
    ],
    [
      'expired: danger',
      with_({ validUntil: new Date(NOW - DAY).toISOString() }),
      'validUntil',
      {
        text: 'expired 1 day ago',
        title: '2026-04-27 08:17:48 UTC',
        stateClass: 'expiry-expired',
        tone: 'danger',
      },
    ],
    [
      'no expiry',
      with_({ validUntil: null }),
      'validUntil',
      { text: 'never', title: 'Never expires', stateClass: 'expiry-never', tone: undefined },
    ],
    [
      'an unreadable expiry is shown as it came',
      with_({ validUntil: 'soon-ish' }),
      'validUntil',
      { text: 'soon-ish', title: 'soon-ish', stateClass: 'expiry-never', tone: undefined },
    ],
    [
      'updated: relative, exact on hover',
      IOC,
      'updatedAt',
      { text: '2 days ago', title: '2026-04-26 08:17:48 UTC' },
    ],
    [
      'an unreadable update time is its own title',
      with_({ updatedAt: 'yesterday' }),
      'updatedAt',
      { text: 'yesterday', title: 'yesterday' },
    ],
  ])('%s', (_, ioc, id, expected) => {
    expect(iocCell(ioc, id, NOW)).toEqual(expected);
  });
});

describe('iocCell on the context columns', () => {
  it.each<[string, Partial<Record<string, unknown>>, RichKey, IocCell]>([
    ['a threat actor', { threatActors: ['APT28'] }, 'threatActors', { text: 'APT28', title: 'APT28' }],
    [
      'several, comma-joined',
      { threatActors: ['APT28', 'Sofacy'] },
      'threatActors',
      { text: 'APT28, Sofacy', title: 'APT28, Sofacy' },
    ],
    ['a severity in words', { severity: 4 }, 'severity', { text: '4 (High)', title: '4 (High)' }],
    ['severity zero', { severity: 0 }, 'severity', { text: '0 (Unknown)', title: '0 (Unknown)' }],
    ['no severity', {}, 'severity', { text: '', title: undefined }],
    ['no list', { labels: null }, 'labels', { text: '', title: undefined }],
    ['an empty list', { malwareNames: [] }, 'malwareNames', { text: '', title: undefined }],
    [
      'a bidi override in an item, spelled out',
      { campaignNames: ['op\u202Exe'] },
      'campaignNames',
      { text: 'op⟨U+202E⟩xe', title: 'op⟨U+202E⟩xe' },
    ],
    [
      'a reference',
      { reference: ['https://x.example/r'] },
      'reference',
      { text: 'https://x.example/r', title: 'https://x.example/r' },
    ],
  ])('%s', (_name, fields, id, expected) => {
    expect(iocCell(with_(fields), id, NOW)).toEqual(expected);
  });

  it('caps the title of a long list', () => {
    const cell = iocCell(with_({ labels: ['x'.repeat(3000)] }), 'labels', NOW);
    expect(cell.title?.length).toBe(TITLE_MAX);
    expect(cell.text.length).toBe(3000);
  });
});

describe('titleOf', () => {
  it('caps a huge field and says it was cut', () => {
    const title = titleOf('x'.repeat(100_000)) ?? '';
    expect(title).toHaveLength(TITLE_MAX);
    expect(title.endsWith('…')).toBe(true);
  });
});

describe('scoreCell', () => {
  it.each<[number | null | undefined, string, string | undefined]>([
    [100, '100', undefined],
    [0, '0', undefined],
    [null, '—', 'no score'],
    [undefined, '—', 'no score'],
    [Number.NaN, '—', 'no score'],
  ])('%s → %s', (score, text, label) => {
    const cell = scoreCell(score);
    expect(cell.text).toBe(text);
    expect(cell.label).toBe(label);
  });
});

describe('typeChip', () => {
  it.each([
    ['DNS', 'DNS', 'host'],
    ['URL', 'URL', 'url'],
    ['IPV4', 'IPV4', 'address'],
    ['IPV6', 'IPV6', 'address'],
    ['MD5', 'MD5', 'hash'],
    ['SHA1', 'SHA1', 'hash'],
    ['SHA256', 'SHA256', 'hash'],
    ['CIDR\u202E', 'CIDR⟨U+202E⟩', 'other'],
  ])('%s → %s (%s)', (type, label, family) => {
    const chip = typeChip(type);
    expect(chip.label).toBe(label);
    expect(chip.family).toBe(family);
    expect(chip.title).not.toBe('');
  });
});

describe('tenantCell', () => {
  it.each<[string, Parameters<typeof tenantCell>[0], IocCell]>([
    ['a tenant', { id: 'p2', label: 'Globex', colour: 'green' }, { text: 'Globex', title: 'Globex' }],
    [
      'a label with a bidi override, spelled out',
      { id: 'p3', label: 'Acme\u202Eevil', colour: 'red' },
      { text: 'Acme⟨U+202E⟩evil', title: 'Acme⟨U+202E⟩evil' },
    ],
    ['no tenant', undefined, { text: '—', label: 'unknown tenant' }],
  ])('%s', (_case, tenant, cell) => {
    expect(tenantCell(tenant)).toEqual(cell);
  });
});
