import { describe, expect, it } from 'vitest';
import { capReview, REVIEW_MAX_ROWS } from '../../../lib/iocs/review-cap';

const numbers = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('capReview', () => {
  it.each<[string, number, number, string | null]>([
    ['nothing', 0, 0, null],
    ['one value', 1, 1, null],
    ['exactly the cap', REVIEW_MAX_ROWS, REVIEW_MAX_ROWS, null],
    [
      'one more than the cap',
      REVIEW_MAX_ROWS + 1,
      REVIEW_MAX_ROWS,
      'Showing the first 2,000 of 2,001 values found; submit these, then paste the rest.',
    ],
    [
      'a report with thousands of values',
      12_345,
      REVIEW_MAX_ROWS,
      'Showing the first 2,000 of 12,345 values found; submit these, then paste the rest.',
    ],
  ])('%s', (_name, found, shown, note) => {
    const capped = capReview(numbers(found));
    expect(capped.items).toEqual(numbers(shown));
    expect(capped.total).toBe(found);
    expect(capped.note).toBe(note);
  });

  it('keeps the first values, in order, and says what to do with the rest', () => {
    expect(capReview(['a', 'b', 'c'], 'import the rest', 2)).toEqual({
      items: ['a', 'b'],
      total: 3,
      note: 'Showing the first 2 of 3 values found; submit these, then import the rest.',
    });
  });
});
