import { describe, expect, it } from 'vitest';
import { ascendingOrder, createIocIndex, type IocColumnId } from '../../../lib/iocs/ioc-index';
import type { RichKey } from '../../../lib/iocs/rich-fields';
import { makeIoc } from './fixtures';

const iocs = [
  makeIoc({
    uuid: 'a',
    value: 'b.example',
    type: 'DNS',
    name: 'Zeta',
    originalRiskScore: 50,
    validUntil: '2026-03-01T00:00:00.000000Z',
    updatedAt: '2026-01-03T00:00:00.000000Z',
  }),
  makeIoc({
    uuid: 'b',
    value: 'A.example',
    type: 'URL',
    name: null,
    originalRiskScore: undefined,
    validUntil: null,
    updatedAt: '2026-01-01T00:00:00.000000Z',
  }),
  makeIoc({
    uuid: 'c',
    value: 'c.example',
    type: 'IPV4',
    name: 'alpha',
    originalRiskScore: 100,
    validUntil: '2026-01-01T00:00:00.000000Z',
    updatedAt: '2026-01-02T00:00:00.000000Z',
  }),
  makeIoc({
    uuid: 'd',
    value: 'a.example',
    type: 'DNS',
    name: 'alpha',
    originalRiskScore: 0,
    validUntil: '2026-02-01T00:00:00.000000Z',
    updatedAt: '2026-01-04T00:00:00.000000Z',
  }),
];
const uuidsOf = (positions: Uint32Array) => Array.from(positions, (i) => iocs[i]?.uuid);

describe('ascendingOrder', () => {
  it.each<[IocColumnId, string[]]>([
    // Case-folded; equal keys keep the cache order.
    ['value', ['b', 'd', 'a', 'c']],
    ['type', ['a', 'd', 'c', 'b']],
    // Empty names last.
    ['name', ['c', 'd', 'a', 'b']],
    // Numbers as numbers; a missing score last.
    ['score', ['d', 'a', 'c', 'b']],
    // Never-expiring last.
    ['validUntil', ['c', 'd', 'a', 'b']],
    ['updatedAt', ['b', 'c', 'a', 'd']],
  ])('by %s', (id, expected) => {
    expect(uuidsOf(ascendingOrder(iocs, id))).toEqual(expected);
  });
});

describe('ascendingOrder on the context columns', () => {
  const rich = [
    makeIoc({ uuid: 'a', severity: 4, threatActors: ['sofacy', 'APT28'], labels: [] }),
    makeIoc({ uuid: 'b', severity: null, threatActors: null, labels: ['x'] }),
    makeIoc({ uuid: 'c', severity: 0, threatActors: ['APT28'], labels: ['X', 'a'] }),
    makeIoc({ uuid: 'd', severity: 7, threatActors: ['apt28', 'Fancy Bear'] }),
  ];
  it.each<[RichKey, string[]]>([
    // As numbers; no severity last.
    ['severity', ['c', 'a', 'd', 'b']],
    // By the items in order, case-folded; equal keys keep the cache order; none (null, []) last.
    ['threatActors', ['c', 'd', 'a', 'b']],
    ['labels', ['b', 'c', 'a', 'd']],
    ['malwareNames', ['a', 'b', 'c', 'd']],
  ])('by %s', (id, expected) => {
    expect(Array.from(ascendingOrder(rich, id), (i) => rich[i]?.uuid)).toEqual(expected);
  });
});

describe('createIocIndex', () => {
  const index = createIocIndex(iocs);
  const all = () => true;

  it('keeps the cache order without a sort', () => {
    expect(uuidsOf(index.query(all, null))).toEqual(['a', 'b', 'c', 'd']);
  });

  it('walks the order backwards for descending', () => {
    expect(uuidsOf(index.query(all, { id: 'score', desc: true }))).toEqual(['b', 'c', 'a', 'd']);
  });

  it('filters in sort order', () => {
    expect(uuidsOf(index.query((ioc) => ioc.type === 'DNS', { id: 'value', desc: false }))).toEqual([
      'd',
      'a',
    ]);
  });

  it('returns results that survive the next query', () => {
    const first = index.query((ioc) => ioc.type === 'DNS', null);
    index.query(all, null);
    expect(uuidsOf(first)).toEqual(['a', 'd']);
  });

  it('refines an earlier result, keeping its order, and equals a fresh query', () => {
    const sort = { id: 'value', desc: false } as const;
    const dns = index.query((ioc) => ioc.type === 'DNS', sort);
    const narrower = (ioc: { type: string; uuid: string }) => ioc.type === 'DNS' && ioc.uuid !== 'd';
    expect(uuidsOf(index.refine(narrower, dns))).toEqual(uuidsOf(index.query(narrower, sort)));
    expect(uuidsOf(index.refine(narrower, dns))).toEqual(['a']);
  });

  it('returns nothing for an empty cache', () => {
    expect(createIocIndex([]).query(all, { id: 'value', desc: false })).toHaveLength(0);
  });
});
