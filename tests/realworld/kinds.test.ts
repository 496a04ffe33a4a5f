import { describe, expect, it } from 'vitest';
import type { IocType } from '../../lib/s1/schemas';
import { type Extra, guessKind, type Kind } from './kinds';

const truth = new Map<string, unknown>([
  ['IPV4|198.51.100.20', {}],
  ['DNS|short.example', {}],
  ['URL|http://203.0.113.5/bin.sh', {}],
]);
const x = (type: IocType, value: string, line = '', excluded?: string): Extra => ({
  type,
  value,
  line,
  excluded,
});

describe('guessKind', () => {
  it.each<[string, Extra, Kind]>([
    ['the IP of a URL that is truth', x('IPV4', '203.0.113.5'), 'host of a listed URL'],
    [
      'a URL on a truth IP and a port',
      x('URL', 'http://198.51.100.20:4444/', '198.51.100.20:4444'),
      'URL-only network IOC',
    ],
    [
      'a link macro glued to its URL',
      x('URL', 'https://blog.example/post/[Read', 'https://blog.example/post/[Read more]'),
      'markup glued to URL',
    ],
    [
      'a passthrough mark glued to a URL',
      x('URL', 'https://short.example/ab12++', '++https://short.example/ab12++'),
      'markup glued to URL',
    ],
    ['a template placeholder', x('URL', 'http://drop.example/$(name', ''), 'markup glued to URL'],
    ['a link on a named host', x('URL', 'https://vendor.example/advisory/42', ''), 'reference link'],
    ['a URL on a bare IP outside the truth', x('URL', 'http://192.0.2.9/x', ''), 'other'],
    [
      'a URL the list calls legitimate',
      x('URL', 'https://cdn.example/', '', 'legitimate service'),
      'listed as legitimate',
    ],
    [
      'a hash on a clean row',
      x('SHA1', 'a'.repeat(40), '|`AAAA` |tool.exe |clean |signed tool'),
      'legitimate hash',
    ],
    ['a thumbprint', x('SHA1', 'b'.repeat(40), 'Certificate thumbprint: BBBB'), 'certificate thumbprint'],
    ['a plain hash', x('SHA256', 'c'.repeat(64), '- CCCC dropper'), 'other'],
    ['a detection name', x('DNS', 'agent.xy', '| Win64/Agent.XY |'), 'detection name as domain'],
    ['a name in a URL path', x('DNS', 'other.xy', 'http://host.example/other.xy'), 'other'],
    [
      'a site the list calls legitimate',
      x('DNS', 'news.example', '- `news.example`', 'compromised legitimate website'),
      'listed as legitimate',
    ],
  ])('%s', (_name, extra, kind) => {
    expect(guessKind(extra, truth)).toBe(kind);
  });
});
