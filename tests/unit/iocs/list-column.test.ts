import { describe, expect, it } from 'vitest';
import { compileTextFilter, describeAsciiGlob } from '../../../lib/iocs/filter';
import { buildListColumn, matchingLists, NO_LIST } from '../../../lib/iocs/list-column';

const rows: Array<string[] | null | undefined> = [
  ['APT28', 'Sofacy'],
  null,
  ['Lazarus'],
  ['APT28', 'Sofacy'],
  [],
  ['Sofacy', 'APT28'],
  undefined,
  ['Ärger', 'apt28'],
  ['a\u0000b'],
  ['a', 'b'],
];

describe('buildListColumn', () => {
  const column = buildListColumn(rows);
  it('gives no list to null, missing and empty lists', () => {
    expect([1, 4, 6].map((row) => column.ids[row])).toEqual([NO_LIST, NO_LIST, NO_LIST]);
  });
  it('stores a repeated list once, another order apart', () => {
    expect(column.ids[0]).toBe(column.ids[3]);
    expect(column.ids[5]).not.toBe(column.ids[0]);
  });
  it('keeps lists apart that a joined text would confuse', () => {
    expect(column.ids[8]).not.toBe(column.ids[9]);
  });
  it('stores each distinct item once', () => {
    expect(column.items.texts.slice(1)).toEqual([
      'APT28',
      'Sofacy',
      'Lazarus',
      'Ärger',
      'apt28',
      'a\u0000b',
      'a',
      'b',
    ]);
  });
});

describe('matchingLists', () => {
  const column = buildListColumn(rows);
  it.each<[string, number[]]>([
    ['apt28', [0, 3, 5, 7]],
    ['sofacy', [0, 3, 5]],
    ['APT*', [0, 3, 5, 7]],
    ['%28', [0, 3, 5, 7]],
    ['APT28*Sofacy', []],
    ['ärger', [7]],
    ['laz', [2]],
    ['b', [8, 9]],
    ['%', [0, 2, 3, 5, 7, 8, 9]],
    ['zzz', []],
  ])('%j matches rows %j', (text, expected) => {
    const test = compileTextFilter(text);
    if (!test) throw new Error('a blank text');
    const matched = matchingLists(column, describeAsciiGlob(text), test);
    const chosen = rows.flatMap((_, row) => (matched[column.ids[row] as number] === 1 ? [row] : []));
    expect(chosen).toEqual(expected);
    // The same answer without the ASCII fast path.
    const slow = matchingLists(column, null, test);
    expect(Array.from(slow)).toEqual(Array.from(matched));
  });
});
