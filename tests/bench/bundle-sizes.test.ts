import { describe, expect, it } from 'vitest';
import { htmlAssets } from './bundle-sizes';

describe('htmlAssets', () => {
  it.each<[string, string, string[]]>([
    [
      'scripts, module preloads and stylesheets, without the leading slash',
      '<script src="/popup-early.js"></script><script type="module" src="/chunks/popup-A.js"></script>' +
        '<link rel="modulepreload" href="/chunks/b-B.js"><link rel="stylesheet" href="/assets/style-C.css">',
      ['popup-early.js', 'chunks/popup-A.js', 'chunks/b-B.js', 'assets/style-C.css'],
    ],
    ['a file named twice counts once', '<script src="/a.js"></script><link href="/a.js">', ['a.js']],
    ['an inline stylesheet is no file', '<style>:root{}</style><link rel="icon" href="/icon/16.png">', []],
  ])('%s', (_, html, expected) => {
    expect(htmlAssets(html)).toEqual(expected);
  });
});
