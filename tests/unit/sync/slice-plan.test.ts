import { describe, expect, it } from 'vitest';
import { IOC_TYPES } from '../../../config/ioc-types';
import { planSlices, type SliceQuery } from '../../../lib/sync/slice-plan';

const at = (second: number) => `2026-01-01T00:00:${String(second).padStart(2, '0')}.000000Z`;
/** A sample of `n` IOCs, the i-th updated at `time(i)`. */
const sample = (n: number, time: (i: number) => string) =>
  Array.from({ length: n }, (_, i) => ({ updatedAt: time(i) }));
const spread = sample(300, (i) => at(Math.floor(i / 5)));
const byType = (range: SliceQuery) => IOC_TYPES.map((type) => ({ ...range, type }));

/** Whether exactly one query matches an IOC updated at `time` of type `type`. */
const matchedOnce = (queries: readonly SliceQuery[], time: string, type: string) =>
  queries.filter(
    (q) =>
      (q.type === undefined || q.type === type) &&
      (q.updatedAt__gte === undefined || time >= q.updatedAt__gte) &&
      (q.updatedAt__lt === undefined || time < q.updatedAt__lt),
  ).length === 1;

describe('planSlices', () => {
  it.each([
    [
      'fewer IOCs than a page: one query',
      { sample: spread, total: 999, pageSize: 1000, concurrency: 7 },
      [{}],
    ],
    ['no IOCs at all: one query', { sample: [], total: 0, pageSize: 1000, concurrency: 7 }, [{}]],
    [
      'one request at a time: one query',
      { sample: spread, total: 100_000, pageSize: 1000, concurrency: 1 },
      [{}],
    ],
    [
      'no sample and no total (a console that said nothing): one query per type',
      { sample: [], total: null, pageSize: 1000, concurrency: 7 },
      byType({}),
    ],
    [
      'every IOC sharing one timestamp: one query per type',
      { sample: sample(300, () => at(1)), total: 100_000, pageSize: 1000, concurrency: 7 },
      byType({}),
    ],
    [
      'two pages: two ranges meeting at the median',
      { sample: sample(10, (i) => at(i)), total: 2000, pageSize: 1000, concurrency: 7 },
      [{ updatedAt__lt: at(5) }, { updatedAt__gte: at(5) }],
    ],
    [
      'spread times: as many ranges as requests in flight, at the quantiles',
      { sample: sample(8, (i) => at(i)), total: 100_000, pageSize: 1000, concurrency: 4 },
      [
        { updatedAt__lt: at(2) },
        { updatedAt__gte: at(2), updatedAt__lt: at(4) },
        { updatedAt__gte: at(4), updatedAt__lt: at(6) },
        { updatedAt__gte: at(6) },
      ],
    ],
    [
      'a burst holding most IOCs: its range is split by type as well',
      {
        sample: sample(8, (i) => at(i < 6 ? 3 : i)),
        total: 100_000,
        pageSize: 1000,
        concurrency: 4,
      },
      [...byType({ updatedAt__lt: at(6) }), { updatedAt__gte: at(6) }],
    ],
    [
      'fewer distinct times than requests in flight: split by type while the queries stay within seven more than the ranges wanted',
      { sample: sample(300, (i) => at(i % 3)), total: 100_000, pageSize: 1000, concurrency: 7 },
      [
        ...byType({ updatedAt__lt: at(1) }),
        { updatedAt__gte: at(1), updatedAt__lt: at(2) },
        { updatedAt__gte: at(2) },
      ],
    ],
  ])('%s', (_, input, expected) => {
    expect(planSlices(input)).toEqual(expected);
  });

  it('covers every IOC exactly once, whatever the sample', () => {
    const samples = [
      spread,
      sample(300, (i) => at(i % 3 === 0 ? 30 : i % 60)),
      sample(300, (i) => at(59 - (i % 7))),
      sample(2, (i) => at(i * 50)),
    ];
    for (const [s, concurrency] of samples.flatMap((s) => [2, 7, 16].map((c) => [s, c] as const))) {
      const queries = planSlices({ sample: s, total: 100_000, pageSize: 1000, concurrency });
      for (let second = 0; second < 60; second++)
        for (const type of IOC_TYPES) expect(matchedOnce(queries, at(second), type)).toBe(true);
      // Earlier and later than any sampled IOC, too.
      expect(matchedOnce(queries, '2025-12-31T23:59:59.000000Z', 'DNS')).toBe(true);
      expect(matchedOnce(queries, '2026-01-02T00:00:00.000000Z', 'URL')).toBe(true);
      expect(queries.length).toBeLessThanOrEqual(concurrency + IOC_TYPES.length);
    }
  });

  it('gives ranges of about equal share of a spread sample', () => {
    const queries = planSlices({ sample: spread, total: 100_000, pageSize: 1000, concurrency: 7 });
    expect(queries).toHaveLength(7);
    const shares = queries.map((q) => spread.filter((s) => matchedOnce([q], s.updatedAt, 'DNS')).length);
    expect(Math.max(...shares) - Math.min(...shares)).toBeLessThanOrEqual(10);
  });
});
