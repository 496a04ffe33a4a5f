import { describe, expect, it } from 'vitest';
import {
  compileIocFilter,
  compileTextFilter,
  describeAsciiGlob,
  describeTextFilter,
  EMPTY_FILTER,
  type IocFilter,
  isFilterEmpty,
  narrows,
  type TextFilterField,
} from '../../../lib/iocs/filter';
import type { Ioc, IocType } from '../../../lib/s1/schemas';
import { makeIoc } from './fixtures';

/** 2026-04-28T08:17:48.062Z */
const NOW = Date.UTC(2026, 3, 28, 8, 17, 48, 62);

function matches(filter: Partial<IocFilter>, ioc: Ioc): boolean {
  return compileIocFilter({ ...EMPTY_FILTER, ...filter }, NOW)(ioc);
}

describe('compileIocFilter text fields', () => {
  it.each<[TextFilterField, string, string | null | undefined, boolean]>([
    // Plain text: case-insensitive substring.
    ['value', 'evil', 'evil.example.ru', true],
    ['value', 'EXAMPLE', 'evil.example.ru', true],
    ['value', 'example.ru', 'evil.example.ru', true],
    ['value', 'exemple', 'evil.example.ru', false],
    ['value', 'evil.example.ru.', 'evil.example.ru', false],
    // `%` and `*` patterns are anchored at both ends.
    ['value', '%.ru', 'evil.example.ru', true],
    ['value', '%.ru', 'evil.example.ru.com', false],
    ['value', '%.ru', 'evil.example.rux', false],
    ['value', '%.RU', 'evil.example.ru', true],
    ['value', '*.ru', 'evil.example.ru', true],
    ['value', 'evil*', 'evil.example.ru', true],
    ['value', 'evil*', 'not-evil.example.ru', false],
    ['value', 'evil%', 'evil', true],
    ['value', '%malware%', 'some MALWARE here', true],
    ['value', '%malware%', 'malware', true],
    ['value', '%malware%', 'malwar', false],
    ['value', '*', 'anything at all', true],
    ['value', '*', '', true],
    ['value', '%%', 'x', true],
    ['value', 'a%b', 'ab', true],
    ['value', 'a%b', 'a-long-way-to-b', true],
    ['value', 'a%b', 'a', false],
    ['value', 'a%b', 'b', false],
    ['value', 'a%b', 'xab', false],
    ['value', 'a%b', 'abx', false],
    ['value', 'a%%b', 'a--b', true],
    ['value', 'a*b%c', 'aXbYc', true],
    ['value', 'a*b%c', 'aXcYb', false],
    ['value', '%a%a%a%', 'banana', true],
    ['value', '%a%a%a%', 'bana', false],
    // Leftmost occurrences must still leave room for the anchored suffix.
    ['value', '%b%b', 'ab', false],
    ['value', '%b%b', 'abb', true],
    ['value', 'ab%b', 'ab', false],
    ['value', 'ab%b', 'abb', true],
    ['value', '%x%y%', 'y x', false],
    ['value', '%x%y%', 'x y', true],
    // `_` is a literal underscore, not SQL LIKE's any-character.
    ['value', 'evil_domain', 'evil_domain.com', true],
    ['value', 'evil_domain', 'evilXdomain.com', false],
    ['value', 'evil_%', 'evil_x', true],
    ['value', 'evil_%', 'evilx', false],
    ['value', '_', 'ab', false],
    // Regex metacharacters are literal, in plain text and in patterns.
    ['value', 'evil.com', 'evilXcom', false],
    ['value', '%.com', 'evilxcom', false],
    ['value', '(c2)', 'the (C2) server', true],
    ['value', '(c2)', 'the c2 server', false],
    ['value', '[x]', 'tag [x]', true],
    ['value', '[x]', 'tag x', false],
    ['value', 'a+b', 'a+b', true],
    ['value', 'a+b', 'aab', false],
    ['value', 'why?', 'why?', true],
    ['value', 'why?', 'wh', false],
    ['value', '$5', 'costs $5', true],
    ['value', '5$', '5', false],
    ['value', '^start', 'a ^start', true],
    ['value', '^start', 'start', false],
    ['value', 'c:\\temp', 'C:\\Temp\\x', true],
    ['value', 'c:\\temp', 'c:temp', false],
    ['value', '%\\', 'dir\\', true],
    ['value', '{2}', 'a{2}', true],
    ['value', '{2}', 'aa', false],
    ['value', 'a|b', 'a', false],
    ['value', '(%)', '(anything)', true],
    ['value', '(%)', 'anything', false],
    // Case-insensitive beyond ASCII.
    ['value', 'ä', 'Ärger', true],
    ['value', 'Ä', 'bär', true],
    ['value', 'ÄRGER%', 'ärger im büro', true],
    ['value', 'straße', 'STRASSE', false],
    ['value', 'σ', 'ΑΣΦ', true],
    // Surrounding whitespace of the filter is ignored, inner whitespace is not.
    ['value', '  evil  ', 'evil.ru', true],
    ['value', ' %.ru ', 'evil.ru', true],
    ['value', '\tevil\n', 'evil.ru', true],
    ['value', 'evil ru', 'evil.ru', false],
    // Empty matches everything, null included; non-empty never matches null or missing.
    ['value', '', '', true],
    ['name', '', null, true],
    ['name', '   ', null, true],
    ['name', '', undefined, true],
    ['name', 'x', null, false],
    ['name', 'x', undefined, false],
    ['name', '%', null, false],
    ['name', '*', undefined, false],
    ['name', '%', '', true],
    // Patterns span line breaks in descriptions.
    ['description', '%end', 'line one\nthe end', true],
    ['description', 'one%end', 'line one\nthe end', false],
    ['description', 'line%end', 'line one\r\nthe end', true],
    ['description', 'ONE\nTHE', 'line one\nthe end', true],
    // Every text field is filtered on its own value.
    ['creator', 'analyst', 'Analyst One', true],
    ['creator', 'analyst', 'Robot', false],
    ['creator', '%one', 'Analyst One', true],
    ['name', 'c2', 'Ransom C2', true],
    ['name', 'ransom*', 'Ransom C2', true],
    ['name', 'ransom', 'Phish', false],
    ['description', 'campaign', 'Seen in campaign X', true],
    ['description', 'campaign', 'Seen', false],
    ['source', 'feed_a', 'Feed_A', true],
    ['source', 'feed_a', 'FeedXA', false],
    ['source', 'feed%', 'Feed_A', true],
  ])('%s filter %j on %j matches: %s', (field, text, fieldValue, expected) => {
    expect(matches({ [field]: text }, makeIoc({ [field]: fieldValue }))).toBe(expected);
  });

  it('does not freeze on a near-miss pattern with many wildcards over a long text', () => {
    const test = compileIocFilter({ ...EMPTY_FILTER, description: '%a%a%a%a%a%a%b' }, NOW);
    expect(test(makeIoc({ description: 'a'.repeat(20_000) }))).toBe(false);
    expect(test(makeIoc({ description: `${'a'.repeat(20_000)}b` }))).toBe(true);
  });

  it('filters the field it names and no other', () => {
    const ioc = makeIoc({
      value: 'alpha.com',
      name: 'beta',
      creator: 'gamma',
      description: 'delta',
      source: 'eps',
    });
    expect(matches({ value: 'beta' }, ioc)).toBe(false);
    expect(matches({ name: 'alpha' }, ioc)).toBe(false);
    expect(matches({ creator: 'delta' }, ioc)).toBe(false);
    expect(matches({ description: 'eps' }, ioc)).toBe(false);
    expect(matches({ source: 'gamma' }, ioc)).toBe(false);
  });
});

describe('compileIocFilter across fields', () => {
  const ioc = makeIoc({
    value: 'evil.example.ru',
    type: 'DNS',
    name: 'Ransom C2',
    creator: 'Analyst One',
    source: 'Feed_A',
    description: null,
    validUntil: '2026-04-30T00:00:00Z',
  });

  it.each<[Partial<IocFilter>, boolean]>([
    [{}, true],
    [{ value: '%.ru', type: 'DNS' }, true],
    [{ value: '%.ru', type: 'URL' }, false],
    [{ value: '%.ru', name: 'ransom', creator: 'one', source: 'feed_a' }, true],
    [{ value: '%.ru', name: 'ransom', creator: 'two', source: 'feed_a' }, false],
    [{ value: '%.com', name: 'ransom' }, false],
    [{ name: 'ransom', description: 'x' }, false],
    [{ name: 'ransom', description: ' ' }, true],
    [{ type: 'DNS', expiry: 'expiring' }, true],
    [{ type: 'DNS', expiry: 'expired' }, false],
    [{ value: 'evil', type: 'DNS', expiry: 'expiring', source: '%_a' }, true],
  ])('%j matches: %s', (filter, expected) => {
    expect(matches(filter, ioc)).toBe(expected);
  });
});

describe('compileIocFilter type', () => {
  it.each<[IocType | '', IocType, boolean]>([
    ['', 'DNS', true],
    ['', 'SHA256', true],
    ['DNS', 'DNS', true],
    ['IPV4', 'DNS', false],
    ['IPV4', 'IPV6', false],
    ['SHA1', 'SHA1', true],
    ['SHA1', 'SHA256', false],
    ['MD5', 'MD5', true],
    ['URL', 'URL', true],
  ])('type %j on a %s IOC matches: %s', (type, iocType, expected) => {
    expect(matches({ type }, makeIoc({ type: iocType }))).toBe(expected);
  });
});

describe('compileIocFilter expiry (now = 2026-04-28T08:17:48.062Z)', () => {
  it.each<[string | null | undefined, boolean, boolean]>([
    // validUntil, expiring, expired
    [null, false, false],
    [undefined, false, false],
    ['', false, false],
    ['not a date', false, false],
    ['2025-01-01T00:00:00Z', false, true],
    ['2026-04-28T08:17:47.999999Z', false, true],
    // Same second as now: the text alone cannot decide (`48Z` sorts after `48.062Z`).
    ['2026-04-28T08:17:48Z', false, true],
    ['2026-04-28T08:17:48.061999Z', false, true],
    ['2026-04-28T08:17:48.062000Z', true, false],
    ['2026-04-28T08:17:48.062Z', true, false],
    ['2026-04-28T08:17:48.062001Z', true, false],
    ['2026-04-28T08:17:48.1Z', true, false],
    ['2026-04-28T08:17:49Z', true, false],
    ['2026-04-30T00:00:00.5Z', true, false],
    // now + 7 days = 2026-05-05T08:17:48.062Z is still "expiring".
    ['2026-05-05T08:17:47.999Z', true, false],
    ['2026-05-05T08:17:48Z', true, false],
    ['2026-05-05T08:17:48.062Z', true, false],
    ['2026-05-05T08:17:48.062001Z', false, false],
    ['2026-05-05T08:17:49Z', false, false],
    ['2026-06-01T00:00:00.000000Z', false, false],
    // Not the `...Z` form: parsed instead of compared as text.
    ['2026-04-28T10:17:48+02:00', false, true],
    ['2026-04-28T10:17:49+02:00', true, false],
    ['2026-04-28 08:17:47', false, true],
    ['2026-04-30T00:00:00+00:00', true, false],
    ['2026-05-06T00:00:00.000000+00:00', false, false],
  ])('validUntil %j is expiring: %s, expired: %s', (validUntil, expiring, expired) => {
    const ioc = makeIoc({ validUntil });
    expect(matches({ expiry: 'expiring' }, ioc)).toBe(expiring);
    expect(matches({ expiry: 'expired' }, ioc)).toBe(expired);
    expect(matches({ expiry: 'all' }, ioc)).toBe(true);
  });
});

describe('compileIocFilter on 100,000 rows', () => {
  it('counts the rows that match', () => {
    const types = ['DNS', 'IPV4', 'IPV6', 'MD5', 'SHA1', 'SHA256', 'URL'] as const;
    const iocs: Ioc[] = [];
    for (let i = 0; i < 100_000; i++) {
      iocs.push(
        makeIoc({
          uuid: `uuid-${i}`,
          value: `host-${i}.example.${i % 3 === 0 ? 'ru' : 'com'}`,
          type: types[i % 7],
          name: i % 2 === 0 ? null : `Name_${i}`,
          // Even days in the past, odd days in the future of 2026-04-28, never for every 5th.
          validUntil:
            i % 5 === 0 ? null : i % 2 === 0 ? '2026-04-01T00:00:00.000000Z' : '2026-05-01T00:00:00Z',
        }),
      );
    }
    const count = (filter: Partial<IocFilter>) => {
      const test = compileIocFilter({ ...EMPTY_FILTER, ...filter }, NOW);
      let n = 0;
      for (const ioc of iocs) if (test(ioc)) n++;
      return n;
    };
    expect(count({})).toBe(100_000);
    // i % 21 === 0 for i in 0..99999.
    expect(count({ value: '%.ru', type: 'DNS' })).toBe(4762);
    // Odd i, not a multiple of 5: 50,000 - 10,000.
    expect(count({ expiry: 'expiring' })).toBe(40_000);
    expect(count({ expiry: 'expired' })).toBe(40_000);
    // Names exist for odd i only; `name_1%` picks 1, 11..19, 101..199, 1001..1999, 10001..19999.
    expect(count({ name: 'name_1%' })).toBe(1 + 5 + 50 + 500 + 5000);
    expect(count({ name: '%' })).toBe(50_000);
  });
});

describe('isFilterEmpty', () => {
  it.each<[Partial<IocFilter>, boolean]>([
    [{}, true],
    [{ value: '   ' }, true],
    [{ value: 'x' }, false],
    [{ creator: 'x' }, false],
    [{ name: '%' }, false],
    [{ description: 'x' }, false],
    [{ source: 'x' }, false],
    [{ type: 'DNS' }, false],
    [{ expiry: 'expired' }, false],
    [{ expiry: 'expiring' }, false],
    [{ tenant: 'p2' }, false],
  ])('%j is empty: %s', (filter, expected) => {
    expect(isFilterEmpty({ ...EMPTY_FILTER, ...filter })).toBe(expected);
  });
});

describe('describeTextFilter', () => {
  it.each([
    ['', 'all', undefined],
    ['  ', 'all', undefined],
    ['evil', 'contains', 'evil'],
    [' a.b ', 'contains', 'a\\.b'],
    ['a_b', 'contains', 'a_b'],
    ['%.ru', 'pattern', '^.*\\.ru$'],
    ['evil*', 'pattern', '^evil'],
    ['a%b', 'pattern', '^a.*b$'],
    ['*', 'pattern', '^'],
    ['%%*', 'pattern', '^'],
    ['%malware%', 'pattern', 'malware'],
    ['*a.b*', 'pattern', 'a\\.b'],
    ['a%b%c', 'pattern', '^a(?=(.*?b))\\1.*c$'],
    ['%(x)%y%', 'pattern', '^(?=(.*?\\(x\\)))\\1(?=(.*?y))\\2'],
    ['p%x%y%s', 'pattern', '^p(?=(.*?x))\\1(?=(.*?y))\\2.*s$'],
  ])('reads %j as %s with regex %j', (text, kind, regexSource) => {
    const plan = describeTextFilter(text);
    expect(plan.kind).toBe(kind);
    expect(plan.kind === 'all' ? undefined : plan.regexSource).toBe(regexSource);
  });
});

describe('describeAsciiGlob', () => {
  it.each([
    ['', null],
    ['Evil', { prefix: '', middles: ['evil'], suffix: '' }],
    [' A.b ', { prefix: '', middles: ['a.b'], suffix: '' }],
    ['%.RU', { prefix: '', middles: [], suffix: '.ru' }],
    ['evil*', { prefix: 'evil', middles: [], suffix: '' }],
    ['a%b%c', { prefix: 'a', middles: ['b'], suffix: 'c' }],
    ['%%*', { prefix: '', middles: [], suffix: '' }],
    ['%malware%', { prefix: '', middles: ['malware'], suffix: '' }],
    ['müller', null],
    ['a tab\there', null],
  ])('reads %j as %j', (text, glob) => {
    expect(describeAsciiGlob(text)).toEqual(glob);
  });
});

describe('compileTextFilter', () => {
  it.each(['', ' ', '\t'])('has no test for blank %j', (text) => {
    expect(compileTextFilter(text)).toBeNull();
  });

  it.each<[string, string | null | undefined, boolean]>([
    ['Ru', 'evil.RU', true],
    ['%ru', null, false],
    ['ru', undefined, false],
  ])('%j on %j matches: %s', (text, value, expected) => {
    expect(compileTextFilter(text)?.(value)).toBe(expected);
  });
});

describe('narrows', () => {
  const base = { ...EMPTY_FILTER };
  it.each<[string, Partial<IocFilter>, Partial<IocFilter>, boolean]>([
    ['one more character', { value: 'ev' }, { value: 'evi' }, true],
    ['from nothing to a text', {}, { name: 'cobalt' }, true],
    ['a character in front', { value: 'vil' }, { value: 'evil' }, true],
    ['another case of ASCII', { value: 'EV' }, { value: 'evil' }, true],
    ['a deleted character', { value: 'evil' }, { value: 'evi' }, false],
    ['a cleared field', { value: 'evil' }, { value: '' }, false],
    ['another word', { value: 'evil' }, { value: 'good' }, false],
    ['a second field added', { value: 'ev' }, { value: 'ev', creator: 'bob' }, true],
    ['a changed type', { value: 'ev' }, { value: 'ev', type: 'DNS' }, false],
    ['a changed expiry', {}, { expiry: 'expired' }, false],
    // Another tenant's rows are not among the ones shown: the whole index is asked again.
    ['a tenant picked', { value: 'ev' }, { value: 'ev', tenant: 'p2' }, false],
    ['another tenant', { tenant: 'p1' }, { tenant: 'p2' }, false],
    [
      'the same tenant, one more character',
      { tenant: 'p2', value: 'e' },
      { tenant: 'p2', value: 'ev' },
      true,
    ],
    ['a wildcard pattern typed', { value: 'ru' }, { value: '%.ru' }, false],
    ['the same pattern', { value: '%.ru' }, { value: '%.ru' }, true],
    ['beyond ASCII, exact case only', { value: 'ä' }, { value: 'Äb' }, false],
    ['beyond ASCII, same case', { value: 'ä' }, { value: 'äb' }, true],
    ['blank texts are empty', { value: '  ' }, { value: 'x' }, true],
  ])('%s → %s', (_name, previous, next, expected) => {
    expect(narrows({ ...base, ...previous }, { ...base, ...next })).toBe(expected);
  });
});
