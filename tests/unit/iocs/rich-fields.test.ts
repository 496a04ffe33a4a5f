import { describe, expect, it } from 'vitest';
import {
  isRichKey,
  isRichListKey,
  listFromText,
  RICH_LIST_KEYS,
  richFieldText,
  SEVERITY_CHOICES,
  severityText,
} from '../../../lib/iocs/rich-fields';

describe('severityText', () => {
  it.each([
    [0, '0 (Unknown)'],
    [1, '1 (Informational)'],
    [2, '2 (Low)'],
    [3, '3 (Medium)'],
    [4, '4 (High)'],
    [5, '5 (Critical)'],
    [6, '6 (Fatal)'],
    [7, '7 (Other)'],
    [8, '8'],
    [-1, '-1'],
    [2.5, '2.5'],
    [null, null],
    [undefined, null],
  ])('%s → %s', (severity, text) => {
    expect(severityText(severity)).toBe(text);
  });

  it('offers 0–7 as choices, in order', () => {
    expect(SEVERITY_CHOICES.map((choice) => choice.value)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(SEVERITY_CHOICES[4]?.text).toBe('4 (High)');
  });
});

describe('listFromText', () => {
  it.each([
    ['', []],
    ['   ', []],
    ['APT28', ['APT28']],
    ['APT28, Sofacy', ['APT28', 'Sofacy']],
    ['APT28; Sofacy;', ['APT28', 'Sofacy']],
    ['APT28\nSofacy\n\n', ['APT28', 'Sofacy']],
    [' APT28 ,APT28, Sofacy ', ['APT28', 'Sofacy']],
    ['Fancy Bear', ['Fancy Bear']],
  ])('%j → %j', (text, list) => {
    expect(listFromText(text)).toEqual(list);
  });
});

describe('richFieldText', () => {
  const ioc = { severity: 5, labels: ['phishing', 'c2'], threatActors: [], malwareNames: null };
  it.each([
    ['severity', '5 (Critical)'],
    ['labels', 'phishing, c2'],
    ['threatActors', ''],
    ['malwareNames', ''],
    ['reference', ''],
  ] as const)('%s → %j', (key, text) => {
    expect(richFieldText(ioc, key)).toBe(text);
  });

  it('lists every field but severity as a list field', () => {
    expect(RICH_LIST_KEYS).not.toContain('severity');
    expect(RICH_LIST_KEYS).toHaveLength(8);
  });
});

describe('isRichKey and isRichListKey', () => {
  it.each([
    ['severity', true, false],
    ['labels', true, true],
    ['threatActors', true, true],
    ['reference', true, true],
    ['intrusionSets', true, true],
    ['value', false, false],
    ['score', false, false],
    ['validUntil', false, false],
    ['', false, false],
    ['Labels', false, false],
  ])('%j: rich %s, list %s', (id, rich, list) => {
    expect(isRichKey(id)).toBe(rich);
    expect(isRichListKey(id)).toBe(list);
  });
});
