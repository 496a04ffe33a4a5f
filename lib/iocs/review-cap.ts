/**
 * How many rows one review holds. A pasted report, an imported file or a selection can hold tens of
 * thousands of values; a table of them takes minutes to draw and nobody checks them row by row. The
 * review shows the first ones and says how many more the text held, so the analyst sends them in
 * parts, each of which was looked at.
 */
import { countText } from '../text/count-text';

export const REVIEW_MAX_ROWS = 2_000;

export interface Capped<T> {
  /** The first `max` items, in their order. */
  items: T[];
  /** How many there were before the cap. */
  total: number;
  /** What the review says when items were left out; null when none were. */
  note: string | null;
}

/** The first `max` of `items`, and the note saying how many were left out. `rest` says what to do with them. */
export function capReview<T>(items: readonly T[], rest = 'paste the rest', max = REVIEW_MAX_ROWS): Capped<T> {
  if (items.length <= max) return { items: [...items], total: items.length, note: null };
  return {
    items: items.slice(0, max),
    total: items.length,
    note: `Showing the first ${countText(max)} of ${countText(items.length)} values found; submit these, then ${rest}.`,
  };
}
