import { describe, expect, it } from 'vitest';
import { compileTextFilter, describeAsciiGlob } from '../../../lib/iocs/filter';
import { buildTextColumn, matchingTexts, NO_TEXT } from '../../../lib/iocs/text-column';

const VALUES = ['Evil.RU', null, 'evil.ru', 'Evil.RU', 'Straße', '', undefined, 'ev', 'İstanbul'];

describe('buildTextColumn', () => {
  const column = buildTextColumn(VALUES);

  it('gives equal texts one id and missing fields none', () => {
    expect(Array.from(column.ids)).toEqual([1, NO_TEXT, 2, 1, 3, 4, NO_TEXT, 5, 6]);
    expect(column.texts).toEqual(['', 'Evil.RU', 'evil.ru', 'Straße', '', 'ev', 'İstanbul']);
  });

  it('joins the lower-cased ASCII texts and leaves the others empty', () => {
    expect(column.lowered).toBe('\nevil.ru\nevil.ru\n\n\nev\n\n');
    expect(Array.from(column.starts)).toEqual([0, 1, 9, 17, 18, 19, 22, 23]);
    expect(Array.from(column.otherIds)).toEqual([3, 6]);
  });
});

describe('matchingTexts', () => {
  const column = buildTextColumn(VALUES);
  const regexTest = (source: string) => {
    const regex = new RegExp(source, 'iu');
    return (text: string) => regex.test(text);
  };
  const cases: Array<[string, string | null, (text: string) => boolean, number[]]> = [
    ['an ASCII needle in every ASCII text holding it', 'ev', regexTest('ev'), [1, 2, 5]],
    ['a non-ASCII text judged by the regex (İ does not fold to i)', 'i', regexTest('i'), [1, 2]],
    ['an ASCII needle the regex finds in a non-ASCII text', 'stra', regexTest('stra'), [3]],
    ['the needle at the end of the joined text', 'ul', regexTest('ul'), [6]],
    ['no match', 'zzz', regexTest('zzz'), []],
    ['no needle: the test judges every text', null, regexTest('^e'), [1, 2, 5]],
    ['a test that takes empty text', null, () => true, [1, 2, 3, 4, 5, 6]],
    ['a needle found twice in one text', 'e', regexTest('e'), [1, 2, 3, 5]],
  ];
  it.each(cases)('%s', (_name, needle, test, ids) => {
    const matched = matchingTexts(column, needle === null ? null : describeAsciiGlob(needle), test);
    expect(matched[NO_TEXT]).toBe(0);
    expect([...matched.keys()].filter((id) => matched[id] === 1)).toEqual(ids);
  });

  it('finds matches among 10,000 texts exactly as a per-text test does', () => {
    const many = Array.from({ length: 10_000 }, (_, i) =>
      i % 7 === 0 ? null : `host-${i}.Example.${i % 3 ? 'ru' : 'com'}`,
    );
    const big = buildTextColumn(many);
    const matched = matchingTexts(big, describeAsciiGlob('9.example.r'), regexTest('9\\.example\\.r'));
    const expected = many.map((text) => (text != null && /9\.example\.r/i.test(text) ? 1 : 0));
    expect(Array.from(big.ids, (id) => matched[id])).toEqual(expected);
  });
});

describe('matchingTexts with patterns decides as the filter regex does', () => {
  const texts = [
    'evil.ru',
    'EVIL.example.RU',
    'ru',
    '.ru',
    'evil',
    'evilevil',
    'a.ru.b',
    'x%y',
    'Müller.ru',
    'abcabc',
    'aXbXc',
    '',
    'www.evil-ru.com',
    'aa',
    'a',
  ];
  const column = buildTextColumn(texts);
  const filters = [
    '%.ru',
    'evil*',
    '*evil*',
    'e%l',
    '%',
    'a%a',
    'a%b%c',
    'abc%abc',
    '%b%',
    'evil%ru',
    'ru',
    '.RU',
    '%ru%',
    'a*',
    '*a',
    '%x%',
    'ü%',
  ];
  it.each(filters)('%s', (filterText) => {
    const test = compileTextFilter(filterText);
    if (!test) throw new Error('no test');
    const matched = matchingTexts(column, describeAsciiGlob(filterText), test);
    expect(Array.from(column.ids, (id) => matched[id] === 1)).toEqual(texts.map((text) => test(text)));
  });
});
