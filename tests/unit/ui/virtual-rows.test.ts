import { describe, expect, it } from 'vitest';
import { scrollTopFor, visibleRows } from '../../../lib/ui/virtual-rows';

const G = { rowHeight: 32, headerHeight: 32 };

describe('visibleRows', () => {
  it.each<[string, number, number, number, number, { start: number; end: number }]>([
    ['an empty list', 0, 0, 320, 2, { start: 0, end: 0 }],
    ['the top of a long list', 1000, 0, 320, 2, { start: 0, end: 11 }],
    ['scrolled to row 100', 1000, 32 * 100 + 32, 320, 2, { start: 98, end: 112 }],
    ['half a row scrolled', 1000, 48, 320, 0, { start: 0, end: 11 }],
    ['the end of the list', 1000, 32 * 1000 + 32 - 320, 320, 2, { start: 988, end: 1000 }],
    ['fewer rows than fit', 3, 0, 320, 12, { start: 0, end: 3 }],
    ['no viewport yet', 1000, 0, 0, 12, { start: 0, end: 13 }],
    ['a million rows', 1_000_000, 32 * 500_000 + 32, 640, 12, { start: 499_988, end: 500_032 }],
  ])('%s', (_name, count, top, height, overscan, expected) => {
    expect(visibleRows(count, G, top, height, overscan)).toEqual(expected);
  });
});

describe('scrollTopFor', () => {
  it.each<[string, number, number, number, number]>([
    ['a row in view stays put', 5, 0, 320, 0],
    ['a row above scrolls up to just below the header', 2, 320, 320, 64],
    ['the first row scrolls to the top', 0, 500, 320, 0],
    ['a row below scrolls down to the bottom edge', 20, 0, 320, 32 * 22 - 320],
    ['the last of a million', 999_999, 0, 640, 32 * 1_000_001 - 640],
  ])('%s', (_name, index, top, height, expected) => {
    expect(scrollTopFor(index, G, top, height)).toBe(expected);
  });
});
