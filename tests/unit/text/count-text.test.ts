import { describe, expect, it } from 'vitest';
import { countText } from '../../../lib/text/count-text';

describe('countText', () => {
  it.each([
    [0, '0'],
    [7, '7'],
    [999, '999'],
    [1_000, '1,000'],
    [2_000_000, '2,000,000'],
    [-1_500, '-1,500'],
  ])('%d → %s', (n, expected) => {
    expect(countText(n)).toBe(expected);
  });
});
