import { describe, expect, it } from 'vitest';
import type { RichKey } from '../../../lib/iocs/rich-fields';
import { shownRichColumns, withRichColumn } from '../../../lib/ui/rich-columns';

describe('shownRichColumns', () => {
  it.each<[unknown, RichKey[]]>([
    [undefined, []],
    [null, []],
    ['severity', []],
    [{ severity: true }, []],
    [[], []],
    [['severity'], ['severity']],
    // The table's order, whatever the stored order; repeats and unknown keys dropped.
    [
      ['threatActors', 'severity'],
      ['severity', 'threatActors'],
    ],
    [['labels', 'labels'], ['labels']],
    [['value', 'nope', 1, null, 'reference'], ['reference']],
  ])('%j → %j', (stored, expected) => {
    expect(shownRichColumns(stored)).toEqual(expected);
  });
});

describe('withRichColumn', () => {
  it.each<[RichKey[], RichKey, boolean, RichKey[]]>([
    [[], 'severity', true, ['severity']],
    [['threatActors'], 'severity', true, ['severity', 'threatActors']],
    [['severity'], 'severity', true, ['severity']],
    [['severity', 'labels'], 'severity', false, ['labels']],
    [[], 'labels', false, []],
  ])('%j with %s %s → %j', (shown, key, on, expected) => {
    expect(withRichColumn(shown, key, on)).toEqual(expected);
  });
});
