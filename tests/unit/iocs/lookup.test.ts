import { describe, expect, it } from 'vitest';
import { extractCandidates } from '../../../lib/iocs/extract';
import {
  answerLookups,
  answerRows,
  askedRows,
  describeAnswer,
  describeMatch,
  type LookupAnswer,
} from '../../../lib/iocs/lookup';
import { groupByValue } from '../../../lib/iocs/lookup-text';
import type { Ioc } from '../../../lib/s1/schemas';
import { makeIoc } from './fixtures';

/** 2026-04-28T08:17:48.062Z */
const NOW = Date.UTC(2026, 3, 28, 8, 17, 48, 62);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const at = (offsetMs: number) => new Date(NOW + offsetMs).toISOString();

const MD5 = '0123456789abcdef0123456789abcdef';
const IPV4_300 = 'not a valid IPv4 address (each part must be 0-255): 300.1.1.1';

/** An answer with its matches reduced to their uuids, so a table row stays readable. */
type Brief = Omit<LookupAnswer, 'matches'> & { matches: string[] };
const brief = (answers: LookupAnswer[]): Brief[] =>
  answers.map(({ matches, ...rest }) => ({ ...rest, matches: matches.map((ioc) => ioc.uuid) }));

const absent = (value: string, type: Ioc['type'], warnings: Brief['warnings'] = []): Brief => ({
  value,
  type,
  state: 'absent',
  warnings,
  matches: [],
});
const inS1 = (
  value: string,
  type: Ioc['type'],
  matches: string[],
  warnings: Brief['warnings'] = [],
): Brief => ({
  value,
  type,
  state: 'in-s1',
  warnings,
  matches,
});
const invalid = (value: string, type: Ioc['type'], reason: string): Brief => ({
  value,
  type,
  state: 'invalid',
  reason,
  warnings: [],
  matches: [],
});

describe('answerLookups', () => {
  it.each<[string, string, Ioc[], Brief[]]>([
    ['nothing asked, nothing answered', '', [], []],
    [
      'a cached value is in SentinelOne',
      'evil.com',
      [makeIoc({ uuid: 'u1', value: 'evil.com' })],
      [inS1('evil.com', 'DNS', ['u1'])],
    ],
    ['an uncached value is absent', 'evil.com', [], [absent('evil.com', 'DNS')]],
    [
      'a cached IOC with another value does not count',
      'evil.com',
      [makeIoc({ uuid: 'u1', value: 'evil.co' })],
      [absent('evil.com', 'DNS')],
    ],
    ['an invalid value says why', '300.1.1.1', [], [invalid('300.1.1.1', 'IPV4', IPV4_300)]],
    [
      'an invalid value is never in SentinelOne, even when cached as typed',
      'zzzz',
      [makeIoc({ uuid: 'u1', value: 'zzzz' })],
      [invalid('zzzz', 'DNS', 'not a domain name (no dot): zzzz')],
    ],
    [
      'a lower-case hash matches an upper-case cached one',
      MD5,
      [makeIoc({ uuid: 'u1', value: MD5.toUpperCase(), type: 'MD5' })],
      [inS1(MD5, 'MD5', ['u1'])],
    ],
    [
      'an upper-case hash matches a lower-case cached one',
      MD5.toUpperCase(),
      [makeIoc({ uuid: 'u1', value: MD5, type: 'MD5' })],
      [inS1(MD5, 'MD5', ['u1'])],
    ],
    [
      'a domain matches whatever its case',
      'EVIL.Com',
      [makeIoc({ uuid: 'u1', value: 'Evil.COM' })],
      [inS1('evil.com', 'DNS', ['u1'])],
    ],
    [
      'a unicode domain matches its punycode form',
      'bücher.de',
      [makeIoc({ uuid: 'u1', value: 'xn--bcher-kva.de' })],
      [inS1('xn--bcher-kva.de', 'DNS', ['u1'])],
    ],
    [
      'repeats of one value give one answer',
      'evil.com\nEVIL.COM\nevil.com',
      [makeIoc({ uuid: 'u1', value: 'evil.com' })],
      [inS1('evil.com', 'DNS', ['u1'])],
    ],
    [
      'repeated hashes in two cases give one answer',
      `${MD5}\n${MD5.toUpperCase()}`,
      [],
      [absent(MD5, 'MD5')],
    ],
    [
      "a URL's host suggestion is left out, even when the host is cached",
      'http://evil.com/x',
      [makeIoc({ uuid: 'u1', value: 'evil.com' })],
      [absent('http://evil.com/x', 'URL')],
    ],
    [
      'a lone e-mail address is asked about through its domain',
      'a@evil.com',
      [],
      [absent('evil.com', 'DNS')],
    ],
    [
      "an e-mail's domain is left out when there is something else to answer",
      'a@evil.com 1.2.3.4',
      [],
      [absent('1.2.3.4', 'IPV4')],
    ],
    [
      'a /32 address is found as the address it covers',
      '8.8.4.4/32',
      [makeIoc({ uuid: 'u1', value: '8.8.4.4', type: 'IPV4' })],
      [inS1('8.8.4.4', 'IPV4', ['u1'], ['cidr-range'])],
    ],
    [
      'a host written on its own line is asked about',
      'http://evil.com/x\nevil.com',
      [makeIoc({ uuid: 'u1', value: 'evil.com' })],
      [absent('http://evil.com/x', 'URL'), inS1('evil.com', 'DNS', ['u1'])],
    ],
    [
      'every cached IOC of the value, in cache order, whatever its source',
      'evil.com',
      [
        makeIoc({ uuid: 'u1', value: 'evil.com', source: 'Feed_A' }),
        makeIoc({ uuid: 'other', value: 'bad.ru', source: 'Feed_A' }),
        makeIoc({ uuid: 'u2', value: 'EVIL.COM', source: 'Feed_B' }),
      ],
      [inS1('evil.com', 'DNS', ['u1', 'u2'])],
    ],
    [
      'a cached IOC of another type with the same value counts too',
      'evil.com',
      [makeIoc({ uuid: 'u1', value: 'evil.com', type: 'URL' })],
      [inS1('evil.com', 'DNS', ['u1'])],
    ],
    [
      'a private IP absent from the cache keeps its warning',
      '10.0.0.5',
      [],
      [absent('10.0.0.5', 'IPV4', ['private-ip'])],
    ],
    [
      'a common domain absent from the cache keeps its warning',
      'google.com',
      [],
      [absent('google.com', 'DNS', ['common-domain'])],
    ],
    [
      'a documentation domain keeps its warning',
      'example.com',
      [],
      [absent('example.com', 'DNS', ['reserved-domain'])],
    ],
    [
      'a cached private IP keeps its warning',
      '10.0.0.5',
      [makeIoc({ uuid: 'u1', value: '10.0.0.5', type: 'IPV4' })],
      [inS1('10.0.0.5', 'IPV4', ['u1'], ['private-ip'])],
    ],
    [
      'an IPv6 address the console holds in another written form is found',
      '2606:4700:0:1eb7::0dc4',
      [makeIoc({ uuid: 'u1', value: '2606:4700:0:1EB7:0:0:0:0dc4', type: 'IPV6' })],
      [inS1('2606:4700:0:1eb7::dc4', 'IPV6', ['u1'])],
    ],
    [
      'several values are answered in the order given',
      'evil.com\n300.1.1.1\n8.8.4.4',
      [makeIoc({ uuid: 'u1', value: '8.8.4.4', type: 'IPV4' })],
      [absent('evil.com', 'DNS'), invalid('300.1.1.1', 'IPV4', IPV4_300), inS1('8.8.4.4', 'IPV4', ['u1'])],
    ],
  ])('%s', (_name, text, cached, expected) => {
    expect(brief(answerLookups(extractCandidates(text), cached))).toEqual(expected);
  });

  it('hands back the cached IOCs themselves', () => {
    const ioc = makeIoc({ uuid: 'u1', value: 'evil.com' });
    const [answer] = answerLookups(extractCandidates('evil.com'), [ioc]);
    expect(answer?.matches).toEqual([ioc]);
    expect(answer?.matches[0]).toBe(ioc);
  });
});

describe('askedRows then answerRows: judged once, answered per cache', () => {
  const text = 'evil.com\n300.1.1.1\n8.8.4.4\nevil.com';
  const rows = askedRows(extractCandidates(text));
  it.each<[string, Ioc[], Brief[]]>([
    [
      'a cache holding none',
      [],
      [absent('evil.com', 'DNS'), invalid('300.1.1.1', 'IPV4', IPV4_300), absent('8.8.4.4', 'IPV4')],
    ],
    [
      'a cache holding one',
      [makeIoc({ uuid: 'u1', value: '8.8.4.4', type: 'IPV4' })],
      [absent('evil.com', 'DNS'), invalid('300.1.1.1', 'IPV4', IPV4_300), inS1('8.8.4.4', 'IPV4', ['u1'])],
    ],
    [
      'a cache holding another',
      [makeIoc({ uuid: 'u2', value: 'EVIL.com', type: 'DNS' })],
      [inS1('evil.com', 'DNS', ['u2']), invalid('300.1.1.1', 'IPV4', IPV4_300), absent('8.8.4.4', 'IPV4')],
    ],
  ])('%s: as answerLookups answers', (_name, cached, expected) => {
    expect(brief(answerRows(rows, cached))).toEqual(expected);
    expect(answerRows(rows, cached)).toEqual(answerLookups(extractCandidates(text), cached));
  });
});

describe('describeMatch', () => {
  const full = {
    type: 'DNS',
    name: 'Phishing kit',
    creator: 'alice@acme.example',
    validUntil: at(12 * DAY),
  };
  it.each<[string, Record<string, unknown>, string]>([
    [
      'type, name, expiry and creator',
      full,
      'DNS · Phishing kit · expires in 12 days · by alice@acme.example',
    ],
    ['no name', { ...full, name: undefined }, 'DNS · expires in 12 days · by alice@acme.example'],
    ['a null name', { ...full, name: null }, 'DNS · expires in 12 days · by alice@acme.example'],
    ['an empty name', { ...full, name: '' }, 'DNS · expires in 12 days · by alice@acme.example'],
    ['no creator', { ...full, creator: undefined }, 'DNS · Phishing kit · expires in 12 days'],
    ['an empty creator', { ...full, creator: '' }, 'DNS · Phishing kit · expires in 12 days'],
    ['neither name nor creator', { ...full, name: null, creator: null }, 'DNS · expires in 12 days'],
    [
      'expires within hours',
      { ...full, validUntil: at(5 * HOUR) },
      'DNS · Phishing kit · expires in 5 hours · by alice@acme.example',
    ],
    [
      'expires in one day',
      { ...full, validUntil: at(DAY) },
      'DNS · Phishing kit · expires in 1 day · by alice@acme.example',
    ],
    [
      'expired',
      { ...full, validUntil: at(-2 * DAY) },
      'DNS · Phishing kit · expired 2 days ago · by alice@acme.example',
    ],
    [
      'expired a moment ago',
      { ...full, validUntil: at(-1) },
      'DNS · Phishing kit · expired just now · by alice@acme.example',
    ],
    [
      'no validUntil never expires',
      { ...full, validUntil: undefined },
      'DNS · Phishing kit · never expires · by alice@acme.example',
    ],
    [
      'a null validUntil never expires',
      { ...full, validUntil: null },
      'DNS · Phishing kit · never expires · by alice@acme.example',
    ],
    [
      'an unreadable validUntil is shown as written, not as never',
      { ...full, validUntil: 'soon-ish' },
      'DNS · Phishing kit · expires soon-ish · by alice@acme.example',
    ],
    [
      'another type',
      { ...full, type: 'SHA256' },
      'SHA256 · Phishing kit · expires in 12 days · by alice@acme.example',
    ],
    [
      'an RTL override or a zero-width space in the console data is spelled out',
      { ...full, name: 'invoice\u202Efdp.exe', creator: 'ali\u200Bce@acme.example' },
      'DNS · invoice⟨U+202E⟩fdp.exe · expires in 12 days · by ali⟨U+200B⟩ce@acme.example',
    ],
  ])('%s', (_name, overrides, expected) => {
    expect(describeMatch(makeIoc(overrides), NOW)).toBe(expected);
  });

  it('cuts a 100 KB name or creator to a readable length', () => {
    const line = describeMatch(
      makeIoc({ ...full, name: 'N'.repeat(100_000), creator: 'C'.repeat(100_000) }),
      NOW,
    );
    expect(line).toBe(`DNS · ${'N'.repeat(99)}… · expires in 12 days · by ${'C'.repeat(99)}…`);
  });
});

describe('describeAnswer', () => {
  const match = (uuid: string, name: string, days: number) =>
    makeIoc({ uuid, value: 'evil.com', name, creator: 'bob', validUntil: at(days * DAY) });
  it.each<[string, LookupAnswer, string]>([
    [
      'invalid, with its reason',
      { value: '300.1.1.1', type: 'IPV4', state: 'invalid', reason: IPV4_300, warnings: [], matches: [] },
      `300.1.1.1: not an IOC (${IPV4_300})`,
    ],
    [
      'invalid, without a reason',
      { value: 'zzzz', type: 'DNS', state: 'invalid', warnings: [], matches: [] },
      'zzzz: not an IOC (invalid)',
    ],
    [
      'absent',
      { value: 'evil.com', type: 'DNS', state: 'absent', warnings: [], matches: [] },
      'evil.com: not in SentinelOne',
    ],
    [
      'absent with a warning (the warning is not part of the line)',
      { value: '10.0.0.5', type: 'IPV4', state: 'absent', warnings: ['private-ip'], matches: [] },
      '10.0.0.5: not in SentinelOne',
    ],
    [
      'in SentinelOne once',
      { value: 'evil.com', type: 'DNS', state: 'in-s1', warnings: [], matches: [match('u1', 'Kit', 3)] },
      'evil.com: in SentinelOne (DNS · Kit · expires in 3 days · by bob)',
    ],
    [
      'a value with a bidi control, spelled out',
      { value: 'a\u202Eb.com', type: 'DNS', state: 'absent', warnings: [], matches: [] },
      'a⟨U+202E⟩b.com: not in SentinelOne',
    ],
    [
      'in SentinelOne twice',
      {
        value: 'evil.com',
        type: 'DNS',
        state: 'in-s1',
        warnings: [],
        matches: [match('u1', 'Kit', 3), match('u2', 'Other feed', -1)],
      },
      'evil.com: in SentinelOne (DNS · Kit · expires in 3 days · by bob; DNS · Other feed · expired 1 day ago · by bob)',
    ],
  ])('%s', (_name, answer, expected) => {
    expect(describeAnswer(answer, NOW)).toBe(expected);
  });

  it('names three of 10,000 IOCs sharing the value, and counts the rest', () => {
    const matches = Array.from({ length: 10_000 }, (_, i) => match(`u${i}`, 'Kit', 3));
    const line = describeAnswer(
      { value: 'evil.com', type: 'DNS', state: 'in-s1', warnings: [], matches },
      NOW,
    );
    const one = 'DNS · Kit · expires in 3 days · by bob';
    expect(line).toBe(`evil.com: in SentinelOne (${one}; ${one}; ${one}; and 9,997 more)`);
  });
});

describe('groupByValue', () => {
  it('groups by case-folded value in cache order, 10,000 of one value included', () => {
    const many = Array.from({ length: 10_000 }, (_, i) =>
      makeIoc({ uuid: `u${i}`, value: i % 2 ? 'EVIL.com' : 'evil.com' }),
    );
    const groups = groupByValue([...many, makeIoc({ uuid: 'other', value: 'good.org' })]);
    expect([...groups.keys()]).toEqual(['evil.com', 'good.org']);
    expect(groups.get('evil.com')?.map((ioc) => ioc.uuid)).toEqual(many.map((ioc) => ioc.uuid));
  });
});
