import { describe, expect, it } from 'vitest';
import { defang } from '../../../lib/iocs/defang';
import type { IocType } from '../../../lib/s1/schemas';

describe('defang', () => {
  it.each<[IocType, string, string]>([
    ['URL', 'http://evil.com/path', 'hxxp://evil[.]com/path'],
    ['URL', 'https://evil.com', 'hxxps://evil[.]com'],
    ['URL', 'HTTPS://Evil.COM/', 'hxxps://Evil[.]COM/'],
    [
      'URL',
      'https://a.b.evil.com/x/index.php?q=1.2#frag.x',
      'hxxps://a[.]b[.]evil[.]com/x/index.php?q=1.2#frag.x',
    ],
    ['URL', 'http://user@evil.com:8080/a.b', 'hxxp://user@evil[.]com:8080/a.b'],
    ['URL', 'http://10.0.0.1:8080/', 'hxxp://10[.]0[.]0[.]1:8080/'],
    ['URL', 'http://[2001:db8::1]/x', 'hxxp://[2001:db8::1]/x'],
    ['URL', 'evil.com/login.html', 'evil[.]com/login.html'],
    ['URL', 'evil.com?x=a.b', 'evil[.]com?x=a.b'],
    ['URL', 'ftp://files.evil.com/a.zip', 'ftp://files[.]evil[.]com/a.zip'],
    ['URL', 'httpbin.org/get', 'httpbin[.]org/get'],
    ['URL', 'hxxps://evil[.]com/a.b', 'hxxps://evil[.]com/a.b'],
    ['DNS', 'evil.example.ru', 'evil[.]example[.]ru'],
    ['DNS', 'localhost', 'localhost'],
    ['DNS', 'evil.com.', 'evil[.]com[.]'],
    ['DNS', 'evil[.]example.ru', 'evil[.]example[.]ru'],
    ['IPV4', '192.168.0.1', '192[.]168[.]0[.]1'],
    ['IPV4', '192[.]168[.]0[.]1', '192[.]168[.]0[.]1'],
    ['IPV6', '2001:db8::1', '2001[:]db8[:][:]1'],
    ['IPV6', '::ffff:1.2.3.4', '[:][:]ffff[:]1[.]2[.]3[.]4'],
    ['IPV6', '2001[:]db8[:][:]1', '2001[:]db8[:][:]1'],
    ['MD5', 'd41d8cd98f00b204e9800998ecf8427e', 'd41d8cd98f00b204e9800998ecf8427e'],
    ['SHA1', 'da39a3ee5e6b4b0d3255bfef95601890afd80709', 'da39a3ee5e6b4b0d3255bfef95601890afd80709'],
    [
      'SHA256',
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    ],
  ])('%s %s becomes %s', (type, value, expected) => {
    expect(defang(value, type)).toBe(expected);
  });

  it.each<[IocType, string]>([
    ['URL', 'https://a.b.evil.com/x.php'],
    ['DNS', 'a.b.c'],
    ['IPV4', '1.2.3.4'],
    ['IPV6', 'fe80::1'],
  ])('is idempotent for %s %s', (type, value) => {
    const once = defang(value, type);
    expect(defang(once, type)).toBe(once);
  });
});
