import { describe, expect, it } from 'vitest';
import { type MenuClick, menuText, quote } from '../../../lib/menu/menu-text';

type Click = Pick<MenuClick, 'selectionText' | 'linkUrl'>;

/** Fifty host names, one a line, as a page holds a selected list. */
const LONG_LIST = Array.from({ length: 50 }, (_, i) => `host${i}.example.org`).join('\n');
/** The same list as Chrome's selectionText gives it: lines joined with spaces. */
const LONG_FLAT = LONG_LIST.replace(/\n/g, ' ');

describe('menuText', () => {
  it.each<[string, Click, string | null, string]>([
    ['a selection', { selectionText: 'evil.com' }, null, 'evil.com'],
    ['a selection, trimmed', { selectionText: '  evil.com \n' }, null, 'evil.com'],
    [
      'the full selection with its line breaks when it holds the clicked one',
      { selectionText: 'evil.com 1.2.3.4 bad.ru' },
      'evil.com\n1.2.3.4\r\nbad.ru\n',
      'evil.com\n1.2.3.4\r\nbad.ru',
    ],
    [
      'the full selection when it holds more around the clicked one',
      { selectionText: 'evil.com' },
      'See evil.com\nand more',
      'See evil.com\nand more',
    ],
    [
      'the full selection, whatever its extra spaces and tabs',
      { selectionText: 'evil.com bad.ru' },
      '  evil.com\t\n\n   bad.ru  ',
      'evil.com\t\n\n   bad.ru',
    ],
    [
      'the full selection when Chrome cut the clicked one short',
      { selectionText: LONG_FLAT.slice(0, 300) },
      LONG_LIST,
      LONG_LIST,
    ],
    [
      'only the first 200 characters of the clicked selection are compared',
      { selectionText: `${LONG_FLAT.slice(0, 200)} not-on-the-page.example` },
      LONG_LIST,
      LONG_LIST,
    ],
    [
      'the clicked selection when the full one is another',
      { selectionText: 'evil.com' },
      'bad.ru\n1.2.3.4',
      'evil.com',
    ],
    [
      'the clicked selection when the full one holds it only partly',
      { selectionText: 'evil.com bad.ru' },
      'evil.com',
      'evil.com bad.ru',
    ],
    ['the clicked selection when the full one is empty', { selectionText: 'evil.com' }, '', 'evil.com'],
    ['the clicked selection when the full one is blank', { selectionText: 'evil.com' }, ' \n\t', 'evil.com'],
    [
      "a link's URL and, on its own line, its host",
      { linkUrl: 'https://evil.com/path?q=1' },
      null,
      'https://evil.com/path?q=1\nevil.com',
    ],
    [
      'an http link with a port gives the host without it',
      { linkUrl: 'http://evil.com:8080/x' },
      null,
      'http://evil.com:8080/x\nevil.com',
    ],
    [
      'the host in lower case, the URL as given',
      { linkUrl: 'https://EVIL.Com/A' },
      null,
      'https://EVIL.Com/A\nevil.com',
    ],
    [
      'an ftp link',
      { linkUrl: 'ftp://files.evil.com/a.bin' },
      null,
      'ftp://files.evil.com/a.bin\nfiles.evil.com',
    ],
    ['an IP link', { linkUrl: 'http://1.2.3.4/x' }, null, 'http://1.2.3.4/x\n1.2.3.4'],
    [
      'the full selection is ignored without a clicked selection',
      { linkUrl: 'https://evil.com/' },
      'bad.ru',
      'https://evil.com/\nevil.com',
    ],
    [
      'a selection over a link wins',
      { selectionText: 'bad.ru', linkUrl: 'https://evil.com/' },
      null,
      'bad.ru',
    ],
    [
      'a blank selection over a link gives the link',
      { selectionText: '  ', linkUrl: 'https://evil.com/' },
      null,
      'https://evil.com/\nevil.com',
    ],
    ['a mailto link as it is', { linkUrl: 'mailto:alice@evil.com' }, null, 'mailto:alice@evil.com'],
    ['a javascript link as it is', { linkUrl: 'javascript:void(0)' }, null, 'javascript:void(0)'],
    ['a file link as it is', { linkUrl: 'file:///C:/evil.exe' }, null, 'file:///C:/evil.exe'],
    ['an unreadable URL as it is', { linkUrl: 'not a url' }, null, 'not a url'],
    ['a scheme with no host as it is', { linkUrl: 'http://' }, null, 'http://'],
    ['nothing', {}, null, ''],
    ['an empty selection', { selectionText: '' }, 'evil.com', ''],
    ['an empty link', { linkUrl: '' }, null, ''],
  ])('%s', (_name, click, full, expected) => {
    expect(menuText(click, full)).toBe(expected);
  });
});

describe('quote', () => {
  const sixty = 'a'.repeat(60);
  it.each<[string, string, number | undefined, string]>([
    ['short text', 'evil.com', undefined, '“evil.com”'],
    ['empty text', '', undefined, '“”'],
    ['exactly the maximum', sixty, undefined, `“${sixty}”`],
    ['one past the maximum', `${sixty}b`, undefined, `“${'a'.repeat(59)}…”`],
    ['long text', 'x'.repeat(500), undefined, `“${'x'.repeat(59)}…”`],
    ['white space squashed', '  evil.com\n\n\tbad.ru   1.2.3.4 ', undefined, '“evil.com bad.ru 1.2.3.4”'],
    ['squashed before it is measured', `a${' '.repeat(100)}b`, undefined, '“a b”'],
    ['a smaller maximum', 'abcdef', 4, '“abc…”'],
    ['a smaller maximum, met', 'abcd', 4, '“abcd”'],
  ])('%s', (_name, text, max, expected) => {
    expect(max === undefined ? quote(text) : quote(text, max)).toBe(expected);
  });
});
