import { describe, expect, it } from 'vitest';
import { inlineStylesheetLinks } from '../../../config/vite-inline-css';

const files: Record<string, string> = {
  'assets/style-A1.css': ':root{color:red}',
  'assets/quoted.css': 'a::after{content:"</style>"}',
  'assets/image.css': 'a{background:url(./x.png)}',
};
const cssOf = (fileName: string) => files[fileName];

describe('inlineStylesheetLinks', () => {
  it.each<[string, string, string, string[]]>([
    [
      'a link Vite wrote, with crossorigin before href',
      '<head><link rel="stylesheet" crossorigin href="/assets/style-A1.css"></head>',
      '<head><style>:root{color:red}</style></head>',
      ['assets/style-A1.css'],
    ],
    [
      'a relative href',
      '<link rel="stylesheet" href="assets/style-A1.css">',
      '<style>:root{color:red}</style>',
      ['assets/style-A1.css'],
    ],
    [
      'a file the bundle does not hold stays a link',
      '<link rel="stylesheet" href="/assets/other.css">',
      '<link rel="stylesheet" href="/assets/other.css">',
      [],
    ],
    [
      'module preloads and scripts are left alone',
      '<link rel="modulepreload" href="/chunks/a.js"><script src="/a.js"></script>',
      '<link rel="modulepreload" href="/chunks/a.js"><script src="/a.js"></script>',
      [],
    ],
    ['a page without links', '<body></body>', '<body></body>', []],
  ])('%s', (_, html, expected, inlined) => {
    expect(inlineStylesheetLinks(html, cssOf)).toEqual({ html: expected, inlined });
  });

  it.each([
    ['"</style" in the CSS', 'assets/quoted.css'],
    ['url() in the CSS', 'assets/image.css'],
  ])('refuses %s rather than change what it means', (_, fileName) => {
    expect(() => inlineStylesheetLinks(`<link rel="stylesheet" href="/${fileName}">`, cssOf)).toThrow(
      fileName,
    );
  });
});
