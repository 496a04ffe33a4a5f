import { describe, expect, it } from 'vitest';
import { medianPerPosition, quantile, round, summarize } from './stats';

describe('quantile (nearest rank)', () => {
  it.each<[number[], number, number]>([
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.95, 10],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.5, 5],
    [Array.from({ length: 100 }, (_, i) => i + 1), 0.95, 95],
    [[7], 0.95, 7],
    [[1, 2], 0, 1],
  ])('%j at %d is %d', (sorted, q, expected) => {
    expect(quantile(sorted, q)).toBe(expected);
  });

  it('is NaN for no samples', () => {
    expect(quantile([], 0.5)).toBeNaN();
  });
});

describe('summarize', () => {
  it.each<[number[], { min: number; median: number; max: number }]>([
    [[3, 1, 2], { min: 1, median: 2, max: 3 }],
    [[4, 1, 3, 2], { min: 1, median: 2.5, max: 4 }],
  ])('%j', (samples, expected) => {
    expect(summarize(samples)).toMatchObject({ runs: samples.length, ...expected });
  });
});

describe('medianPerPosition', () => {
  it.each<[string, number[], number, number[]]>([
    ['three runs of two positions', [10, 1, 30, 3, 20, 2], 2, [20, 2]],
    ['one run', [5, 6, 7], 3, [5, 6, 7]],
    ['two runs average the middle', [1, 10, 3, 20], 2, [2, 15]],
  ])('%s', (_name, flat, length, expected) => {
    expect(medianPerPosition(flat, length)).toEqual(expected);
  });
});

describe('round', () => {
  it.each<[number, number]>([
    [1234.5, 1235],
    [12.345, 12.3],
    [0.012345, 0.0123],
    [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY],
  ])('%d -> %d', (value, expected) => {
    expect(round(value)).toBe(expected);
  });
});
