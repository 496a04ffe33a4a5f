import { describe, expect, it } from 'vitest';
import { parseExcluded, parseTruth, tsvLines } from './tsv';

describe('tsvLines', () => {
  it.each<[string, string, string[][]]>([
    [
      'skips the header and blank lines',
      '# type\tvalue\n\nDNS\tbad.example\tlist\n',
      [['DNS', 'bad.example', 'list']],
    ],
    ['drops a CR before the line end', '# h\r\nSHA1\tab\tx\r\n', [['SHA1', 'ab', 'x']]],
    ['drops a byte-order mark', '\uFEFF# h\nIPV4\t1.2.3.4\tx', [['IPV4', '1.2.3.4', 'x']]],
  ])('%s', (_name, text, cells) => {
    expect(tsvLines(text).map((l) => l.cells)).toEqual(cells);
  });
});

describe('parseTruth', () => {
  it('reads type, value and source', () => {
    expect(parseTruth('# type\tvalue\tsource\nURL\thttp://bad.example/x\tnotes\n')).toEqual([
      { type: 'URL', value: 'http://bad.example/x', source: 'notes' },
    ]);
  });

  it.each<[string, string, RegExp]>([
    ['an unknown type', '# h\nDOMAIN\tbad.example\tx', /line 2: unknown type "DOMAIN"/],
    ['an empty value', '# h\nDNS\t\tx', /line 2: empty value/],
  ])('refuses %s, naming the line', (_name, text, error) => {
    expect(() => parseTruth(text)).toThrow(error);
  });
});

describe('parseExcluded', () => {
  it.each<[string, string, { type: string; why: string }]>([
    ['keeps the reason', '# h\nSHA1\tab\tlist\tclean file', { type: 'SHA1', why: 'clean file' }],
    [
      'reads a LINK as a URL',
      '# h\nLINK\thttps://blog.example/post\tevent\tto read',
      { type: 'URL', why: 'to read' },
    ],
  ])('%s', (_name, text, expected) => {
    expect(parseExcluded(text)[0]).toMatchObject(expected);
  });
});
