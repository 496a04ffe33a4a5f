import { describe, expect, it } from 'vitest';
import { isPlainIoc, isPlainIocPage } from '../../../lib/s1/ioc-page-check';
import { IocPageSchema, IocSchema } from '../../../lib/s1/schemas';
import { generateIocs } from '../../simulator/seed';

/** The IOC sample of docs/sentinelone-api.md#the-ioc-object. */
const SAMPLE = {
  batchId: '00000006e7caf1b52e91c898faf0d8d2',
  category: [],
  creationTime: null,
  creator: 'mark@test.com',
  description: 'Test blocked hashes have higher FP rates than delivered',
  intrusionSets: [],
  metadata: '',
  method: 'EQUALS',
  mitreTactic: [],
  name: 'Blocked Hash',
  reference: [],
  scope: 'account',
  scopeId: '2163822725049635476',
  source: 'Test',
  threatActors: [],
  type: 'SHA256',
  updatedAt: '2025-11-12T07:43:38.109004Z',
  uploadTime: '2025-11-12T07:43:38.109004Z',
  uuid: '11b317f0acf1a0005b8d003d8da44476',
  validUntil: '2026-04-28T08:17:48.062976Z',
  value: 'beab9fadb100a44b3bc8ea4df3249aa6d93e710193be437adb5e47c2e201c1ef',
};

/** The fast check may say no to more than zod does, never yes to what zod refuses or changes. */
function expectAgreement(body: unknown, schema: typeof IocSchema | typeof IocPageSchema, fast: boolean) {
  const parsed = schema.safeParse(body);
  if (fast) {
    expect(parsed.success).toBe(true);
    expect(parsed.data).toEqual(body);
  }
}

describe('isPlainIoc', () => {
  it.each<[string, Record<string, unknown>, boolean]>([
    ['the sample', {}, true],
    ['optional fields absent', { externalId: undefined, severity: undefined }, true],
    ['a list scopeId', { scopeId: ['1', '2'] }, true],
    ['integers', { severity: 3, originalRiskScore: 100 }, true],
    ['an unknown field', { somethingNew: { nested: true } }, true],
    ['an empty uuid', { uuid: '' }, false],
    ['a missing uuid', { uuid: undefined }, false],
    ['a lower-case type', { type: 'sha256' }, false],
    ['an unknown type', { type: 'EMAIL' }, false],
    ['a numeric value', { value: 42 }, false],
    ['a null source', { source: null }, false],
    ['a missing method', { method: undefined }, false],
    ['an empty updatedAt', { updatedAt: '' }, false],
    ['a null uploadTime', { uploadTime: null }, false],
    ['an empty validUntil', { validUntil: '' }, false],
    ['a numeric name', { name: 7 }, false],
    ['a list with a number', { category: ['a', 1] }, false],
    ['a string for a list', { labels: 'x' }, false],
    ['a fractional severity', { severity: 2.5 }, false],
    ['a string severity', { severity: '3' }, false],
    ['an unsafe integer', { originalRiskScore: 2 ** 60 }, false],
    ['a numeric scopeId', { scopeId: 5 }, false],
  ])('%s -> %s', (_name, change, expected) => {
    const ioc = { ...SAMPLE, ...change };
    expect(isPlainIoc(ioc)).toBe(expected);
    expectAgreement(ioc, IocSchema, expected);
  });

  it.each<[string, unknown]>([
    ['null', null],
    ['an array', [SAMPLE]],
    ['a string', 'ioc'],
  ])('says no to %s', (_name, value) => {
    expect(isPlainIoc(value)).toBe(false);
  });

  it('says yes to every IOC the simulator generates', () => {
    const iocs = generateIocs({
      count: 500,
      seed: 3,
      scopeId: '1',
      now: Date.parse('2026-11-27T12:00:00Z') * 1000,
    });
    for (const ioc of iocs) {
      expect(isPlainIoc(ioc)).toBe(true);
      expectAgreement(ioc, IocSchema, true);
    }
  });
});

describe('isPlainIocPage', () => {
  it.each<[string, unknown, boolean]>([
    ['a page', { data: [SAMPLE], pagination: { nextCursor: 'abc', totalItems: 1 } }, true],
    ['the last page', { data: [SAMPLE], pagination: { nextCursor: null, totalItems: 1 } }, true],
    ['no nextCursor', { data: [], pagination: { totalItems: 0 } }, true],
    ['no pagination', { data: [SAMPLE] }, true],
    ['skipCount', { data: [], pagination: { nextCursor: null, totalItems: null } }, true],
    ['a null pagination', { data: [], pagination: null }, false],
    ['a negative total', { data: [], pagination: { totalItems: -1 } }, false],
    ['a numeric cursor', { data: [], pagination: { nextCursor: 5 } }, false],
    ['one bad IOC', { data: [SAMPLE, { ...SAMPLE, type: 'x' }] }, false],
    ['no data', { pagination: { nextCursor: null } }, false],
    ['data not a list', { data: SAMPLE }, false],
    ['a list', [SAMPLE], false],
  ])('%s -> %s', (_name, page, expected) => {
    expect(isPlainIocPage(page)).toBe(expected);
    expectAgreement(page, IocPageSchema, expected);
  });
});
