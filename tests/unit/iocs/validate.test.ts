import { describe, expect, it } from 'vitest';
import { type IocWarning, validateIoc, WARNING_TEXT } from '../../../lib/iocs/validate';
import type { IocType } from '../../../lib/s1/schemas';

const SHA256 = 'beab9fadb100a44b3bc8ea4df3249aa6d93e710193be437adb5e47c2e201c1ef';

describe('validateIoc accepts and normalises', () => {
  it.each<[IocType, string, string, IocWarning[]]>([
    ['MD5', '0123456789ABCDEF0123456789abcdef', '0123456789abcdef0123456789abcdef', []],
    ['SHA1', 'AbCdEf0123456789abcdef0123456789ABCDEF01', 'abcdef0123456789abcdef0123456789abcdef01', []],
    ['SHA256', SHA256.toUpperCase(), SHA256, []],
    ['IPV4', '8.8.8.8', '8.8.8.8', []],
    ['IPV4', '1.2.3[.]4', '1.2.3.4', []],
    ['IPV4', '10.1.2.3', '10.1.2.3', ['private-ip']],
    ['IPV4', '172.16.5.4', '172.16.5.4', ['private-ip']],
    ['IPV4', '172.31.255.255', '172.31.255.255', ['private-ip']],
    ['IPV4', '192.168.1.1', '192.168.1.1', ['private-ip']],
    ['IPV4', '127.0.0.1', '127.0.0.1', ['private-ip']],
    ['IPV4', '169.254.10.1', '169.254.10.1', ['private-ip']],
    ['IPV4', '100.64.0.1', '100.64.0.1', ['reserved-ip']],
    ['IPV4', '0.0.0.0', '0.0.0.0', ['reserved-ip']],
    ['IPV4', '255.255.255.255', '255.255.255.255', ['reserved-ip']],
    ['IPV4', '224.0.0.1', '224.0.0.1', ['reserved-ip']],
    ['IPV4', '239.255.255.250', '239.255.255.250', ['reserved-ip']],
    ['IPV4', '203.0.113.9', '203.0.113.9', ['reserved-ip']],
    ['IPV4', '172.32.0.1', '172.32.0.1', []],
    ['IPV4', '1.2.3.4/32', '1.2.3.4', ['cidr-range']],
    ['IPV4', '10.0.0.1/32', '10.0.0.1', ['private-ip', 'cidr-range']],
    ['IPV6', '2606:4700::1111', '2606:4700::1111', []],
    ['IPV6', '2606:4700:0:0:0:0:0:1111', '2606:4700::1111', []],
    ['IPV6', 'FE80::1', 'fe80::1', ['private-ip']],
    ['IPV6', 'fe80[:]:1', 'fe80::1', ['private-ip']],
    ['IPV6', 'fc00::1', 'fc00::1', ['private-ip']],
    ['IPV6', 'fd12:3456::1', 'fd12:3456::1', ['private-ip']],
    ['IPV6', '::1', '::1', ['private-ip']],
    ['IPV6', '::', '::', ['reserved-ip']],
    ['IPV6', '2001:db8::1', '2001:db8::1', ['reserved-ip']],
    ['IPV6', 'ff02::1', 'ff02::1', ['reserved-ip']],
    ['IPV6', '::ffff:1.2.3.4', '::ffff:1.2.3.4', ['reserved-ip']],
    ['IPV6', '2606:4700::1/128', '2606:4700::1', ['cidr-range']],
    ['DNS', 'evil.com', 'evil.com', []],
    ['DNS', 'Evil.COM', 'evil.com', []],
    ['DNS', 'evil.com.', 'evil.com', []],
    ['DNS', 'evil[.]com', 'evil.com', []],
    ['DNS', 'bücher.de', 'xn--bcher-kva.de', []],
    ['DNS', 'BÜCHER.de', 'xn--bcher-kva.de', []],
    ['DNS', 'xn--bcher-kva.de', 'xn--bcher-kva.de', []],
    ['DNS', 'bücher.example', 'xn--bcher-kva.example', ['reserved-domain']],
    ['DNS', 'пример.рф', 'xn--e1afmkfd.xn--p1ai', []],
    ['DNS', 'a_b.evil.com', 'a_b.evil.com', []],
    ['DNS', 'www.example.com', 'www.example.com', ['reserved-domain']],
    ['DNS', 'google.com', 'google.com', ['common-domain']],
    ['DNS', 'mail.google.com', 'mail.google.com', ['common-domain']],
    ['DNS', 'x.s3.amazonaws.com', 'x.s3.amazonaws.com', ['common-domain']],
    ['DNS', 'login.microsoftonline.com', 'login.microsoftonline.com', ['common-domain']],
    ['DNS', 'x.com', 'x.com', ['common-domain']],
    ['DNS', 'google.com.evil.ru', 'google.com.evil.ru', []],
    ['DNS', 'invoice.zip', 'invoice.zip', ['filename-like-domain']],
    ['DNS', 'readme.md', 'readme.md', ['filename-like-domain']],
    ['DNS', 'install.sh', 'install.sh', ['filename-like-domain']],
    ['DNS', 'setup.py', 'setup.py', ['filename-like-domain']],
    ['DNS', 'clip.mov', 'clip.mov', ['filename-like-domain']],
    ['URL', 'http://evil.com/a', 'http://evil.com/a', []],
    ['URL', 'HTTPS://Evil.COM/Path?Q=A', 'https://evil.com/Path?Q=A', []],
    ['URL', 'hXXps://evil[.]com/x', 'https://evil.com/x', []],
    ['URL', 'evil.com/payload.exe', 'http://evil.com/payload.exe', []],
    ['URL', 'evil.com:8080', 'http://evil.com:8080', []],
    ['URL', 'localhost.evil.com:8080/x', 'http://localhost.evil.com:8080/x', []],
    ['URL', '1.2.3.4:80/x', 'http://1.2.3.4:80/x', []],
    ['URL', 'ftp://files.evil.com/a.zip', 'ftp://files.evil.com/a.zip', []],
    ['URL', 'http://user@bücher.de:81/x', 'http://user@xn--bcher-kva.de:81/x', ['url-credentials']],
    ['URL', 'http://u:p@10.0.0.5/', 'http://u:p@10.0.0.5/', ['private-ip', 'url-credentials']],
    ['URL', 'https://paypal.com@evil.com/login', 'https://paypal.com@evil.com/login', ['url-credentials']],
    ['URL', 'http://[2001:DB8::1]/x', 'http://[2001:db8::1]/x', ['reserved-ip']],
    ['URL', 'http://10.0.0.5/admin', 'http://10.0.0.5/admin', ['private-ip']],
    ['URL', 'https://github.com/evil/repo', 'https://github.com/evil/repo', ['common-domain']],
    ['URL', 'http://invoice.zip/x', 'http://invoice.zip/x', []],
  ])('%s %s → %s %j', (type, input, value, warnings) => {
    expect(validateIoc(input, type)).toEqual({ ok: true, value, warnings });
  });
});

describe('validateIoc refuses', () => {
  it.each<[IocType, string, string]>([
    [
      'MD5',
      'd41d8cd98f00b204e9800998ecf8427e',
      'the empty-file hash: SentinelOne refuses it (hashes_empty_file)',
    ],
    ['MD5', 'D41D8CD98F00B204E9800998ECF8427E', 'the empty-file hash'],
    ['SHA1', 'da39a3ee5e6b4b0d3255bfef95601890afd80709', 'the empty-file hash'],
    ['SHA1', 'DA39A3EE5E6B4B0D3255BFEF95601890AFD80709', 'the empty-file hash'],
    ['SHA256', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', 'the empty-file hash'],
    ['SHA256', 'E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855', 'the empty-file hash'],
    ['MD5', '0123456789abcdef0123456789abcde', '31 hex digits, MD5 has 32'],
    ['SHA256', 'a'.repeat(128), '128 hex digits, SHA256 has 64'],
    ['SHA1', 'g'.repeat(40), 'not hexadecimal'],
    ['MD5', SHA256, '64 hex digits, MD5 has 32'],
    ['IPV4', '300.1.1.1', 'not a valid IPv4 address (each part must be 0-255): 300.1.1.1'],
    ['IPV4', '010.1.1.1', 'leading zero'],
    ['IPV4', '1.2.3', 'not a valid IPv4 address: 1.2.3'],
    ['IPV4', 'fe80::1', 'an IPv6 address, not IPv4'],
    ['IPV4', '10.0.0.0/8', 'a CIDR range (10.0.0.0/8)'],
    ['IPV4', '203.0.113.0/24', 'SentinelOne IPV4 IOCs are single addresses'],
    ['IPV4', '1.2.3.4/33', 'not a valid CIDR prefix /33'],
    ['IPV4', 'evil.com', 'not a valid IPv4 address'],
    ['IPV6', '2001:db8::/32', 'a CIDR range (2001:db8::/32)'],
    ['IPV6', 'fc00::/7', 'a CIDR range'],
    ['IPV6', '1.2.3.4', 'an IPv4 address, not IPv6'],
    ['IPV6', 'fe80::1%eth0', 'zone index'],
    ['IPV6', '1::2::3', 'not a valid IPv6 address'],
    ['DNS', '1.2.3.4', 'an IPv4 address, not a domain name'],
    ['DNS', 'zzzz', 'not a domain name (no dot): zzzz'],
    ['DNS', 'evil.zzzz', 'not a known top-level domain: .zzzz'],
    ['DNS', 'co.uk', 'a public suffix'],
    ['DNS', '-evil.com', 'hyphen'],
    ['DNS', 'evil..com', 'not a valid domain name'],
    ['DNS', `${'a'.repeat(64)}.com`, 'longer than 63'],
    ['DNS', 'http://evil.com', 'a URL or other text'],
    ['DNS', 'evil.com/x', 'a URL or other text'],
    ['URL', 'tcp://evil.com/x', 'not an http, https or ftp URL'],
    ['URL', 'http://evil.zzzz/x', 'not a valid host in URL: evil.zzzz (not a known top-level domain: .zzzz)'],
    ['URL', 'http://evil..com/', 'not a valid host in URL: evil..com (not a valid domain name)'],
    ['URL', `http://${'a'.repeat(64)}.com/`, '(label longer than 63 characters in domain name)'],
    ['DNS', 'evil com', 'a domain name cannot contain spaces: evil com'],
    ['DNS', '*.evil.com', 'a wildcard (*.evil.com): SentinelOne DNS IOCs match one name exactly'],
    ['URL', 'http:///x', 'not a valid host in URL'],
    ['URL', 'http://evil.com:99999/', 'not a valid port'],
    ['URL', 'http://evil.com:/', 'not a valid port'],
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a Log4Shell payload, literally
    ['URL', '${jndi:ldap://evil.com/a}', 'not a valid host in URL: ${jndi:ldap (not a domain name (no dot))'],
    ['URL', 'http://evil.com/a b', 'cannot contain spaces'],
    ['URL', 'mailto:ceo@evil.com', 'not an http, https or ftp URL (mailto:)'],
    ['URL', 'javascript:alert(1)', 'not an http, https or ftp URL (javascript:)'],
    ['URL', 'data:text/html;base64,PHNjcmlwdD4=', '(data:)'],
    ['URL', 'blob:https://evil.com/1', '(blob:)'],
    ['URL', 'user:pass@evil.com/x', '(user:)'],
    ['URL', 'http://[fe80::1%25eth0]/', 'zone index'],
    ['URL', 'http://[fe80::1%eth0]/x', 'zone index'],
    ['URL', '', 'empty value'],
    ['URL', 'http://evil.com/a\u0000b', 'invisible or control character (U+0000)'],
    ['URL', 'http://evil.com/\u202Efdp.exe', 'invisible or control character (U+202E)'],
    ['URL', 'http://evil.com/\u200B', '(U+200B)'],
    ['URL', 'http://evil.com/\u0085', '(U+0085)'],
    ['DNS', 'ev\u00ADil.com', '(U+00AD)'],
    ['DNS', '\u200B', '(U+200B)'],
    ['IPV4', '\u202E9.21.77.54', '(U+202E)'],
    ['SHA256', `${SHA256.slice(0, 32)}\uFEFF${SHA256.slice(32)}`, '(U+FEFF)'],
  ])('%s %s: %s', (type, input, reason) => {
    const result = validateIoc(input, type);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.reason).toContain(reason);
  });
});

describe('validateIoc normal form', () => {
  it.each<[IocType, string]>([
    ['URL', 'evil.com/payload.exe'],
    ['URL', 'HTTP://BÜCHER.de/X'],
    ['IPV6', '2001:DB8:0:0:0:0:0:1'],
    ['IPV4', '1.2.3.4/32'],
    ['DNS', 'пример.рф.'],
    ['SHA256', SHA256.toUpperCase()],
  ])('is a fixed point for %s %s (the worker re-checks drafts against it)', (type, input) => {
    const first = validateIoc(input, type);
    if (!first.ok) throw new Error(first.reason);
    const second = validateIoc(first.value, type);
    expect(second.ok && second.value).toBe(first.value);
  });

  it('has a text for every warning', () => {
    for (const text of Object.values(WARNING_TEXT)) expect(text.length).toBeGreaterThan(5);
  });
});
