import { describe, expect, it } from 'vitest';
import {
  compileIocFilter,
  EMPTY_FILTER,
  type IocFilter,
  isFilterEmpty,
  narrows,
} from '../../../lib/iocs/filter';
import {
  anyItem,
  compileSeverityFilter,
  LIST_FILTER_FIELDS,
  type ListFilterField,
  parseSeverityFilter,
  type SeverityFilter,
  severityNarrows,
  severityRange,
} from '../../../lib/iocs/rich-filter';
import { makeIoc } from './fixtures';

const NOW = Date.UTC(2026, 3, 28);
const matches = (filter: Partial<IocFilter>, overrides: Parameters<typeof makeIoc>[0]) =>
  compileIocFilter({ ...EMPTY_FILTER, ...filter }, NOW)(makeIoc(overrides));

describe('compileIocFilter on a context list', () => {
  it.each<[ListFilterField, string, string[] | null | undefined, boolean]>([
    // Substring of any one item, ignoring case.
    ['threatActors', 'APT28', ['APT28'], true],
    ['threatActors', 'apt', ['Lazarus', 'APT28'], true],
    ['threatActors', 'laz', ['Lazarus', 'APT28'], true],
    ['threatActors', 'fancy', ['Lazarus', 'APT28'], false],
    // A pattern is over one whole item, never across two.
    ['threatActors', 'APT*', ['Lazarus', 'APT28'], true],
    ['threatActors', '%28', ['APT28', 'x'], true],
    ['threatActors', 'APT28*Sofacy', ['APT28', 'Sofacy'], false],
    ['threatActors', 'APT28, Sofacy', ['APT28', 'Sofacy'], false],
    ['threatActors', 'APT2_', ['APT28'], false],
    // No list, an empty list: nothing but the empty text matches.
    ['threatActors', 'a', null, false],
    ['threatActors', 'a', undefined, false],
    ['threatActors', 'a', [], false],
    ['threatActors', '%', [], false],
    ['threatActors', '%', [''], true],
    ['threatActors', '', null, true],
    ['threatActors', '  ', [], true],
    // Every list field alike.
    ['malwareNames', 'x-agent', ['X-Agent', 'Zebrocy'], true],
    ['malwareNames', 'ärger', ['Ärger-Loader'], true],
    ['labels', 'c2', ['apt', 'c2'], true],
    ['labels', 'c3', ['apt', 'c2'], false],
    ['campaignNames', 'op*', ['Operation X'], true],
    ['category', 'phish', ['Phishing'], true],
    ['category', 'phish', ['Malware'], false],
  ])('%s %j on %j matches: %s', (field, text, list, expected) => {
    expect(matches({ [field]: text }, { [field]: list })).toBe(expected);
  });

  it('reads each list from its own field', () => {
    expect(matches({ threatActors: 'apt' }, { malwareNames: ['apt'], threatActors: ['x'] })).toBe(false);
    expect(matches({ labels: 'apt', threatActors: 'x' }, { labels: ['apt'], threatActors: ['x'] })).toBe(
      true,
    );
  });
});

describe('compileIocFilter on the severity', () => {
  it.each<[SeverityFilter, number | null | undefined, boolean]>([
    ['', null, true],
    ['', 3, true],
    ['4', 4, true],
    ['4', 5, false],
    ['4', 3, false],
    ['4', null, false],
    ['4', undefined, false],
    ['0', 0, true],
    ['0', null, false],
    ['4+', 4, true],
    ['4+', 7, true],
    ['4+', 3, false],
    ['4+', null, false],
    ['0+', 0, true],
    ['7+', 7, true],
    ['7+', 6, false],
  ])('%j on severity %j matches: %s', (severity, value, expected) => {
    expect(matches({ severity }, { severity: value })).toBe(expected);
  });
});

describe('parseSeverityFilter', () => {
  it.each<[string, SeverityFilter]>([
    ['', ''],
    ['0', '0'],
    ['7', '7'],
    ['4+', '4+'],
    [' 4+ ', '4+'],
    ['8', ''],
    ['-1', ''],
    ['4++', ''],
    ['+4', ''],
    ['4.5', ''],
    ['high', ''],
    ['04', ''],
  ])('%j → %j', (text, expected) => {
    expect(parseSeverityFilter(text)).toBe(expected);
  });
});

describe('severityRange', () => {
  it.each<[SeverityFilter, { min: number; max: number } | null]>([
    ['', null],
    ['3', { min: 3, max: 3 }],
    ['3+', { min: 3, max: 7 }],
    ['0+', { min: 0, max: 7 }],
  ])('%j → %j', (filter, expected) => {
    expect(severityRange(filter)).toEqual(expected);
  });
});

describe('compileSeverityFilter', () => {
  it('has no test for any severity', () => {
    expect(compileSeverityFilter('')).toBeNull();
  });
});

describe('severityNarrows', () => {
  it.each<[SeverityFilter, SeverityFilter, boolean]>([
    ['', '', true],
    ['', '4', true],
    ['', '4+', true],
    ['4', '', false],
    ['4+', '', false],
    ['4', '4', true],
    ['4', '5', false],
    ['4+', '5', true],
    ['4+', '5+', true],
    ['4+', '3+', false],
    ['4+', '3', false],
    ['4', '4+', false],
    ['7', '7+', true],
  ])('%j → %j: %s', (previous, next, expected) => {
    expect(severityNarrows(previous, next)).toBe(expected);
  });
});

describe('anyItem', () => {
  it.each<[readonly string[] | null | undefined, boolean]>([
    [null, false],
    [undefined, false],
    [[], false],
    [['a'], false],
    [['a', 'hit'], true],
    [['hit', 'a'], true],
  ])('%j: %s', (list, expected) => {
    expect(anyItem((item) => item === 'hit')(list)).toBe(expected);
  });
});

describe('isFilterEmpty and narrows with the context filters', () => {
  it.each<[Partial<IocFilter>, boolean]>([
    [{}, true],
    [{ threatActors: ' ' }, true],
    [{ threatActors: 'x' }, false],
    [{ category: 'x' }, false],
    [{ severity: '0' }, false],
  ])('%j is empty: %s', (filter, expected) => {
    expect(isFilterEmpty({ ...EMPTY_FILTER, ...filter })).toBe(expected);
  });

  it.each<[string, Partial<IocFilter>, Partial<IocFilter>, boolean]>([
    ['one more character of a threat actor', { threatActors: 'ap' }, { threatActors: 'apt' }, true],
    ['a threat actor typed', {}, { threatActors: 'apt' }, true],
    ['a threat actor cleared', { threatActors: 'apt' }, {}, false],
    ['another malware', { malwareNames: 'agent' }, { malwareNames: 'zebrocy' }, false],
    ['a severity picked', {}, { severity: '4' }, true],
    ['a higher "at least"', { severity: '2+' }, { severity: '4+' }, true],
    ['a lower "at least"', { severity: '4+' }, { severity: '2+' }, false],
    ['a severity dropped', { severity: '4' }, {}, false],
  ])('%s → %s', (_name, previous, next, expected) => {
    expect(narrows({ ...EMPTY_FILTER, ...previous }, { ...EMPTY_FILTER, ...next })).toBe(expected);
  });

  it('has a filter per list field, all empty by default', () => {
    for (const field of LIST_FILTER_FIELDS) expect(EMPTY_FILTER[field]).toBe('');
  });
});
