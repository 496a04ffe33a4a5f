import { describe, expect, it } from 'vitest';
import { fullSyncRequests, perRunExcess, perRunRatios, rateLimitFloorMs } from './floor-ratios';

describe('perRunRatios and perRunExcess', () => {
  it.each<[string, number[], number[], number[], number[]]>([
    ['one run', [3], [2], [1.5], [1]],
    ['each run against its own floor, not the median', [10, 4], [5, 4], [2, 1], [5, 0]],
    ['a figure under its floor', [90], [100], [0.9], [-10]],
  ])('%s', (_name, figures, floors, ratios, excess) => {
    expect(perRunRatios(figures, floors)).toEqual(ratios);
    expect(perRunExcess(figures, floors)).toEqual(excess);
  });

  it('refuses runs without their floor', () => {
    expect(() => perRunRatios([1, 2], [1])).toThrow(/each run needs both/);
    expect(() => perRunExcess([1], [])).toThrow(/each run needs both/);
  });
});

describe('fullSyncRequests', () => {
  it.each<[string, number[], number, number]>([
    ['the newest IOC, then a page per type', [10, 10, 10, 10, 10, 10, 10], 1000, 8],
    ['a last partial page', [2500], 1000, 4],
    ['a type that fills its pages exactly', [2000], 1000, 3],
    ['an empty type still answers one page', [0, 1], 1000, 3],
    ['small pages', [250, 250], 100, 7],
  ])('%s', (_name, counts, pageSize, expected) => {
    expect(fullSyncRequests(counts, pageSize)).toBe(expected);
  });
});

describe('rateLimitFloorMs', () => {
  const limit = { requests: 30, windowMs: 60_000 };
  it.each<[string, number, number]>([
    ['nothing to send', 0, 0],
    ['within the limit: no wait', 30, 0],
    ['one past it: a window', 31, 60_000],
    ['two windows full and one more', 61, 120_000],
    ['the last of three full windows', 90, 120_000],
  ])('%s', (_name, requests, expected) => {
    expect(rateLimitFloorMs(requests, limit)).toBe(expected);
  });
});
