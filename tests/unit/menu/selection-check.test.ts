import { describe, expect, it } from 'vitest';
import type { PageSelection } from '../../../lib/menu/read-selection';
import { checkSelection, HIDDEN_NOTE, UNCHECKED_NOTE } from '../../../lib/menu/selection-check';

const read = (text: string, visibleText: string | null, totalChars = text.length): PageSelection => ({
  text,
  visibleText,
  truncated: totalChars > text.length,
  totalChars,
});

describe('checkSelection', () => {
  it.each<[string, PageSelection, boolean, string | null]>([
    ['the same text', read('evil.com', 'evil.com'), true, null],
    ['nothing selected', read('', ''), true, null],
    [
      'line breaks where the other has none',
      read('Indicators\nevil.com\n', 'Indicators evil.com'),
      true,
      null,
    ],
    ['text upper-cased by CSS (the selection holds it as shown)', read('EVIL.COM', 'evil.com'), true, null],
    ['text a person cannot see', read('payroll-acme-corp.com', ''), false, HIDDEN_NOTE],
    ['a hidden word among visible ones', read('Staging host: evil.com', 'Staging host:'), false, HIDDEN_NOTE],
    ['a hidden space joining two values', read('evil .com', 'evil.com'), false, HIDDEN_NOTE],
    ['a hidden character inside a value', read('evil.com', 'evilcom'), false, HIDDEN_NOTE],
    [
      'text a person sees that is not in the selection',
      read('evil.com', 'evil.com bad.ru'),
      false,
      HIDDEN_NOTE,
    ],
    ['no time to check', read('evil.com', null), false, UNCHECKED_NOTE],
    [
      'a cut selection, seen as far as the cut',
      read('evil.com bad.r', 'evil.com bad.ru mor', 1_000_000),
      false,
      'The selection was cut at 14 characters: the last 999,986 were left out. Select and add them separately.',
    ],
    [
      'a cut selection with hidden text before the cut',
      read('evil.com hidden.example bad.r', 'evil.com bad.ru more', 30),
      false,
      `The selection was cut at 29 characters: the last 1 were left out. Select and add them separately. ${HIDDEN_NOTE}`,
    ],
  ])('%s', (_name, selection, shownWhole, note) => {
    expect(checkSelection(selection)).toEqual({ shownWhole, note });
  });
});
