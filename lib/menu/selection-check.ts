/**
 * Whether the analyst saw the whole selection the page handed over (read-selection.ts), and what the
 * review says when not. Only a selection shown in full may be sent without the review: otherwise a
 * page could draw one value and have another, hidden in the selection, written.
 */
import { countText } from '../text/count-text';
import type { PageSelection } from './read-selection';

export interface SelectionCheck {
  /** Every character of the text was on screen. */
  shownWhole: boolean;
  /** Why the analyst should look closer, shown above the review; null when nothing is amiss. */
  note: string | null;
}

export const HIDDEN_NOTE = 'The page hides part of this selection: check every value before submitting.';
export const UNCHECKED_NOTE =
  'This selection is too large to check what the page shows: check every value before submitting.';

/**
 * Runs of white space as one space: line breaks between blocks differ between the two readings. In
 * one case: the selection holds text as CSS shows it (text-transform), the visible text as written.
 */
const squash = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();

/** Whether the visible text is the text; for a cut selection, up to where the shorter one ends. */
function sameText(visible: string, text: string, cut: boolean): boolean {
  const seen = squash(visible);
  const held = squash(text);
  if (!cut) return seen === held;
  // Both were cut at a count of characters: the last one may be half a word in either.
  const shared = Math.max(0, Math.min(seen.length, held.length) - 1);
  return seen.slice(0, shared) === held.slice(0, shared);
}

export function checkSelection(selection: PageSelection): SelectionCheck {
  const notes: string[] = [];
  if (selection.truncated)
    notes.push(
      `The selection was cut at ${countText(selection.text.length)} characters: the last ${countText(selection.totalChars - selection.text.length)} were left out. Select and add them separately.`,
    );
  if (selection.visibleText === null) notes.push(UNCHECKED_NOTE);
  else if (!sameText(selection.visibleText, selection.text, selection.truncated)) notes.push(HIDDEN_NOTE);
  return {
    shownWhole: notes.length === 0,
    note: notes.length > 0 ? notes.join(' ') : null,
  };
}
