import { describe, expect, it } from 'vitest';
import { classifyValue, guessType, hostnameProblem } from '../../../lib/iocs/classify';
import type { IocType } from '../../../lib/s1/schemas';

const MD5 = 'd41d8cd98f00b204e9800998ecf8427e';
const SHA1 = 'da39a3ee5e6b4b0d3255bfef95601890afd80709';
const SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

describe('classifyValue', () => {
  it.each<[string, IocType | null]>([
    [MD5, 'MD5'],
    [MD5.toUpperCase(), 'MD5'],
    ['D41d8Cd98F00b204E9800998eCf8427e', 'MD5'],
    [SHA1, 'SHA1'],
    [SHA1.toUpperCase(), 'SHA1'],
    [SHA256, 'SHA256'],
    [`  ${SHA256}\n`, 'SHA256'],
    [MD5.slice(1), null],
    ['a'.repeat(128), null],
    ['1.2.3.4', 'IPV4'],
    ['1.2.3[.]4', 'IPV4'],
    ['10.0.0.0/8', 'IPV4'],
    ['1.2.3.4/32', 'IPV4'],
    ['300.1.1.1', null],
    ['1.2.3', null],
    ['fe80::1', 'IPV6'],
    ['fe80[:]:1', 'IPV6'],
    ['2001:db8::/32', 'IPV6'],
    ['::1', 'IPV6'],
    ['::ffff:1.2.3.4', 'IPV6'],
    ['http://evil.com', 'URL'],
    ['hXXps://evil[.]com/x', 'URL'],
    ['FTP://files.evil.com/a.zip', 'URL'],
    ['evil.com/payload.exe', 'URL'],
    ['evil.com:8080', 'URL'],
    ['1.2.3.4/payload.bin', 'URL'],
    ['http://[2001:db8::1]/x', 'URL'],
    ['http://', null],
    ['tcp://evil.com', null],
    ['evil.com', 'DNS'],
    ['Evil.COM', 'DNS'],
    ['evil.com.', 'DNS'],
    ['a.b.evil.co.uk', 'DNS'],
    ['bücher.de', 'DNS'],
    ['bücher.example', 'DNS'],
    ['xn--bcher-kva.example', 'DNS'],
    ['пример.рф', 'DNS'],
    ['xn--e1afmkfd.xn--p1ai', 'DNS'],
    ['invoice.zip', 'DNS'],
    ['evil.zzzz', null],
    ['co.uk', null],
    ['zzzz', null],
    ['payload.exe', null],
    ['user@evil.com', null],
    ['', null],
    ['evil .com', null],
  ])('classifies %s as %s', (value, expected) => {
    expect(classifyValue(value)).toBe(expected);
  });
});

describe('guessType', () => {
  it.each<[string, IocType]>([
    ['300.1.1.1', 'IPV4'],
    ['10.0.0/8', 'IPV4'],
    ['10.0.0.0/', 'URL'],
    ['abcdef', 'MD5'],
    ['a'.repeat(41), 'SHA1'],
    ['a'.repeat(128), 'SHA256'],
    ['fe80:::zz', 'DNS'],
    ['2001:db8:::1', 'IPV6'],
    ['tcp://evil.com', 'URL'],
    ['javascript:alert(1)', 'URL'],
    ['about:blank', 'URL'],
    ['evil.com:', 'DNS'],
    ['zzzz', 'DNS'],
    ['evil.com', 'DNS'],
  ])('guesses %s is meant as %s', (value, expected) => {
    expect(guessType(value)).toBe(expected);
  });
});

describe('hostnameProblem on punycode labels (the same verdict in Node and in Chromium)', () => {
  it.each<[string, string | null]>([
    ['xn--bcher-kva.de', null],
    ['xn--e1afmkfd.xn--p1ai', null],
    ['XN--BCHER-KVA.de', null],
    ['xn--abc.com', 'not a valid punycode (IDN) label xn--abc'],
    ['xn--.com', 'not a valid punycode (IDN) label xn--'],
    ['xn--a-ecp.com', 'not a valid punycode (IDN) label xn--a-ecp'],
    ['xn--bcher-kva.xn--zzzz', 'not a valid punycode (IDN) label xn--zzzz'],
    ['xn--evil-.com', 'not a valid punycode (IDN) label xn--evil-'],
    ['login.xn--abc-.com', 'not a valid punycode (IDN) label xn--abc-'],
  ])('%s', (host, problem) => {
    const found = hostnameProblem(host);
    if (problem === null) expect(found).toBeNull();
    else expect(found).toContain(problem);
  });
});
