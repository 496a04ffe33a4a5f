import { describe, expect, it } from 'vitest';
import type { IocType } from '../../lib/s1/schemas';
import { normalise, urlHost } from './normalise';

describe('normalise', () => {
  it.each<[IocType, string, string]>([
    ['SHA1', 'AB'.repeat(20), 'ab'.repeat(20)],
    ['DNS', 'Bad-Host[.]Example[.]org.', 'bad-host.example.org'],
    ['DNS', 'not a name', 'not a name'],
    ['IPV4', '203[.]0[.]113[.]9', '203.0.113.9'],
    ['URL', 'hxxp://Drop.Example.net', 'http://drop.example.net/'],
    ['URL', 'HTTPS://Drop.Example.net:8443?Q=A', 'https://drop.example.net:8443/?Q=A'],
    ['URL', 'hxxp://drop[.]example[.]net/Path/File.PHP', 'http://drop.example.net/Path/File.PHP'],
    ['URL', 'drop.example.net/get', 'http://drop.example.net/get'],
  ])('%s %s -> %s', (type, value, expected) => {
    expect(normalise(type, value)).toBe(expected);
  });

  it('is idempotent', () => {
    const once = normalise('URL', 'hxxps://Drop.Example.net');
    expect(normalise('URL', once)).toBe(once);
  });
});

describe('urlHost', () => {
  it.each<[string, string | undefined]>([
    ['http://drop.example.net:81/x', 'drop.example.net'],
    ['http://user@198.51.100.4/', '198.51.100.4'],
    ['http://[2001:db8::5]:80/', '2001:db8::5'],
    ['not a url', undefined],
  ])('%s -> %s', (url, host) => {
    expect(urlHost(url)).toBe(host);
  });
});
