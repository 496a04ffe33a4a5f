import { describe, expect, it } from 'vitest';
import { decodePunycode } from '../../../lib/iocs/punycode';

describe('decodePunycode', () => {
  it.each<[string, string | null]>([
    ['bcher-kva', 'bücher'],
    ['e1afmkfd', 'пример'],
    ['p1ai', 'рф'],
    ['mnchen-3ya', 'münchen'],
    ['wgv71a119e', '日本語'],
    ['a-ecp', 'a⒈'],
    ['abc', '\u0082\u0081\u0080'],
    ['', ''],
    ['zzzz', null],
    ['-abc', null],
    ['ü-abc', null],
    ['99999999999', null],
  ])('decodes %j as %j', (input, expected) => {
    expect(decodePunycode(input)).toBe(expected);
  });
});
