import { describe, expect, it } from 'vitest';
import type { IocType } from '../../../config/ioc-types';
import {
  neverBlockLines,
  neverBlockMatch,
  neverBlockRefusal,
  parseNeverBlock,
  parseNeverBlockEntry,
} from '../../../lib/iocs/never-block';
import { buildReview, retypeInReview } from '../../../lib/iocs/review';

const MD5 = '44d88612fea8a8f36de82e1278abb02f';
const SHA1 = '3395856ce81f2b7382dee72602f798b642f14140';
const SHA256 = '275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f';

const LIST = parseNeverBlock([
  'acme.com',
  'payroll-acme[.]net',
  '*.acme.co.uk',
  'bücher.example',
  MD5.toUpperCase(),
  SHA1,
  SHA256,
  '10.0.0.0/8',
  '192.0.2.7',
  '2001:db8:ace::/48',
  '[2001:db8::1]',
]).entries;

describe('parseNeverBlockEntry', () => {
  it.each<[string, string, string]>([
    ['acme.com', 'domain', 'acme.com'],
    ['  ACME.com.  ', 'domain', 'acme.com'],
    ['acme[.]com', 'domain', 'acme.com'],
    ['*.acme.com', 'domain', 'acme.com'],
    ['intranet.acme.corp', 'domain', 'intranet.acme.corp'],
    ['bücher.de', 'domain', 'xn--bcher-kva.de'],
    [MD5.toUpperCase(), 'hash', MD5],
    [SHA1, 'hash', SHA1],
    [SHA256, 'hash', SHA256],
    ['10.0.0.0/8', 'ip', '10.0.0.0/8'],
    ['10[.]1[.]2[.]3', 'ip', '10.1.2.3/32'],
    ['2001:db8::/32', 'ip', '2001:db8::/32'],
    ['[2001:db8::1]', 'ip', '2001:db8::1/128'],
    ['::ffff:10.1.2.3', 'ip', '10.1.2.3/32'],
  ])('reads %j as a %s entry (%s)', (written, kind, normal) => {
    const parsed = parseNeverBlockEntry(written);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.entry.kind).toBe(kind);
    expect(parsed.entry.text).toBe(written.trim());
    const { entry } = parsed;
    const shown =
      entry.kind === 'domain'
        ? entry.domain
        : entry.kind === 'hash'
          ? entry.hash
          : `${entry.range[0].toString()}/${entry.range[1]}`;
    expect(shown).toBe(normal);
  });

  it.each<[string, RegExp]>([
    ['acme com', /^Never-block entry "acme com": one entry per line, without spaces\.$/],
    [
      'abcdef0123',
      /"abcdef0123": a hash has 32 \(MD5\), 40 \(SHA1\) or 64 \(SHA256\) hex digits; this has 10/,
    ],
    ['10.0.0.0/33', /"10.0.0.0\/33": a CIDR prefix is at most \/32/],
    ['0.0.0.0/0', /"0.0.0.0\/0": a \/0 range covers every address/],
    ['fe80::1%eth0', /zone index/],
    [
      'https://acme.com/login',
      /"https:\/\/acme.com\/login": write the domain or address \(acme.com\), not a URL/,
    ],
    ['com', /"com": not a domain, hash, IP address or CIDR range/],
    ['co.uk', /"co.uk": a public suffix: it would cover every domain under it/],
    ['1.2.3', /"1.2.3": not a domain \(it ends in a number\)/],
    ['300.1.1.1', /"300.1.1.1": not a domain \(it ends in a number\)/],
    ['mailto:a@acme.com', /not a domain, hash, IP address or CIDR range/],
    ['', /"": empty/],
  ])('refuses %j with a message naming it', (written, message) => {
    const parsed = parseNeverBlockEntry(written);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(message);
  });

  it('keeps the valid entries of a list and names each invalid one', () => {
    const { entries, problems } = parseNeverBlock(['acme.com', 'acme com', '10.0.0.0/8', 'co.uk']);
    expect(entries.map((e) => e.text)).toEqual(['acme.com', '10.0.0.0/8']);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain('"acme com"');
    expect(problems[1]).toContain('"co.uk"');
  });
});

describe('neverBlockMatch', () => {
  it.each<[string, IocType, string | null]>([
    // Domains: the name, every name under it, a URL on it; never a look-alike.
    ['acme.com', 'DNS', 'acme.com'],
    ['ACME.COM.', 'DNS', 'acme.com'],
    ['mail.eu.acme.com', 'DNS', 'acme.com'],
    ['acme[.]com', 'DNS', 'acme.com'],
    ['notacme.com', 'DNS', null],
    ['acme.com.evil.top', 'DNS', null],
    ['acme.co', 'DNS', null],
    ['payroll-acme.net', 'DNS', 'payroll-acme[.]net'],
    ['www.acme.co.uk', 'DNS', '*.acme.co.uk'],
    ['acme.co.uk', 'DNS', '*.acme.co.uk'],
    ['xn--bcher-kva.example', 'DNS', 'bücher.example'],
    ['https://login.acme.com/reset?x=1', 'URL', 'acme.com'],
    ['hxxps://acme[.]com:8443/', 'URL', 'acme.com'],
    ['http://user@acme.com/', 'URL', 'acme.com'],
    ['http://acme.com@evil.top/', 'URL', null],
    ['https://evil.top/acme.com', 'URL', null],
    ['http://10.20.30.40/x', 'URL', '10.0.0.0/8'],
    ['http://[2001:db8::1]:8080/', 'URL', '[2001:db8::1]'],
    // Hashes: exact, any case, never a prefix.
    [MD5, 'MD5', MD5.toUpperCase()],
    [SHA1.toUpperCase(), 'SHA1', SHA1],
    [SHA256, 'SHA256', SHA256],
    [`${SHA1.slice(0, 39)}1`, 'SHA1', null],
    // Addresses and ranges: inside, overlapping, mapped; not the neighbour.
    ['10.1.2.3', 'IPV4', '10.0.0.0/8'],
    ['10.0.0.0/16', 'IPV4', '10.0.0.0/8'],
    ['8.0.0.0/6', 'IPV4', '10.0.0.0/8'],
    ['11.0.0.1', 'IPV4', null],
    ['192.0.2.7', 'IPV4', '192.0.2.7'],
    ['192.0.2.8', 'IPV4', null],
    ['192.0.2.0/24', 'IPV4', '192.0.2.7'],
    ['2001:db8:ace:1::5', 'IPV6', '2001:db8:ace::/48'],
    ['2001:db8::1', 'IPV6', '[2001:db8::1]'],
    ['2001:db8::2', 'IPV6', null],
    ['::ffff:10.9.9.9', 'IPV6', '10.0.0.0/8'],
    ['1.1.1.1', 'IPV4', null],
  ])('%j (%s) → %j', (value, type, entry) => {
    expect(neverBlockMatch(value, type, LIST)?.text ?? null).toBe(entry);
  });

  it('matches nothing against an empty list', () => {
    expect(neverBlockMatch('acme.com', 'DNS', [])).toBeNull();
  });
});

describe('neverBlockLines and neverBlockRefusal', () => {
  it('reads one entry a line, leaving out blank lines and the spaces around', () => {
    expect(neverBlockLines(' acme.com \r\n\n  10.0.0.0/8\n')).toEqual(['acme.com', '10.0.0.0/8']);
  });

  it('names the entry as written in the refusal', () => {
    const [entry] = parseNeverBlock(['acme[.]com']).entries;
    expect(entry && neverBlockRefusal(entry)).toBe('On the never-block list (acme[.]com): not sent.');
  });
});

describe('the review with the list', () => {
  const none = () => undefined;
  const candidates = [
    { value: 'vpn.acme[.]com', type: 'DNS' as const },
    { value: 'evil.example.org', type: 'DNS' as const },
    { value: '10.1.2.3', type: 'IPV4' as const },
  ];

  it('warns the listed rows and leaves them unticked; the others are as without the list', () => {
    const rows = buildReview(candidates, none, LIST);
    expect(rows.map((row) => [row.value, row.warnings, row.selected])).toEqual([
      ['vpn.acme.com', ['never-block'], false],
      ['evil.example.org', ['reserved-domain'], false],
      ['10.1.2.3', ['private-ip', 'never-block'], false],
    ]);
    expect(buildReview([{ value: 'acme.org', type: 'DNS' }], none, LIST)[0]).toMatchObject({
      warnings: [],
      selected: true,
    });
  });

  it('keeps the warning when a row is retyped, and warns what the new type names', () => {
    const rows = buildReview([{ value: 'login.acme.com', type: 'DNS' }], none, LIST);
    expect(rows[0]?.warnings).toEqual(['never-block']);
    const retyped = retypeInReview(rows, 'row-0', 'URL', none, LIST);
    expect(retyped[0]).toMatchObject({ value: 'http://login.acme.com', warnings: ['never-block'] });
    expect(buildReview(candidates, none)[0]?.warnings).toEqual([]);
  });
});
