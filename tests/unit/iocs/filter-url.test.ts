import { describe, expect, it } from 'vitest';
import { EMPTY_FILTER, type IocFilter } from '../../../lib/iocs/filter';
import { filterFromSearch, filterToSearch, searchWithFilter } from '../../../lib/iocs/filter-url';

describe('filterToSearch', () => {
  it.each<[Partial<IocFilter>, string]>([
    [{}, ''],
    [{ value: '%.ru', type: 'DNS' }, '?value=%25.ru&type=DNS'],
    [{ type: 'DNS', value: '%.ru' }, '?value=%25.ru&type=DNS'],
    [{ expiry: 'expired' }, '?expiry=expired'],
    [{ expiry: 'all', type: '' }, ''],
    [
      { source: 'b', value: 'a', creator: 'c', description: 'e', name: 'd' },
      '?value=a&creator=c&name=d&description=e&source=b',
    ],
    [{ name: 'evil*' }, '?name=evil*'],
    [{ description: 'a & b = c #1' }, '?description=a+%26+b+%3D+c+%231'],
    [{ creator: 'Jürgen' }, '?creator=J%C3%BCrgen'],
    [{ value: ' ' }, '?value=+'],
    [{ tenant: 'p2', type: 'DNS' }, '?type=DNS&tenant=p2'],
    // The context filters come last, named as the API fields; `+` (at least) is escaped.
    [{ threatActors: 'APT28', value: 'x' }, '?value=x&threatActors=APT28'],
    [
      { category: 'e', campaignNames: 'd', labels: 'c', malwareNames: 'b', threatActors: 'a' },
      '?threatActors=a&malwareNames=b&labels=c&campaignNames=d&category=e',
    ],
    [{ severity: '4' }, '?severity=4'],
    [{ severity: '4+', labels: 'apt*' }, '?labels=apt*&severity=4%2B'],
  ])('writes %j as %j', (filter, search) => {
    expect(filterToSearch({ ...EMPTY_FILTER, ...filter })).toBe(search);
  });
});

describe('filterFromSearch', () => {
  it.each<[string, Partial<IocFilter>]>([
    ['', {}],
    ['?', {}],
    ['?value=%25.ru&type=DNS', { value: '%.ru', type: 'DNS' }],
    ['value=%25.ru&type=DNS', { value: '%.ru', type: 'DNS' }],
    ['?type=dns', { type: 'DNS' }],
    ['?type=SHA512', {}],
    ['?type=', {}],
    ['?expiry=EXPIRING', { expiry: 'expiring' }],
    ['?expiry=soon', {}],
    ['?expiry=all', {}],
    ['?sort=value&page=3&uuid=x', {}],
    ['?name=a&name=b', { name: 'a' }],
    ['?name=a+b', { name: 'a b' }],
    ['?name=%E0%A4%A', { name: '\uFFFD%A' }],
    ['?name=100%', { name: '100%' }],
    ['?value&creator=x', { creator: 'x' }],
    ['?__proto__=x&constructor=y', {}],
    ['?tenant=p2', { tenant: 'p2' }],
    ['?tenant=+p12+', { tenant: 'p12' }],
    ['?tenant=all', {}],
    ['?tenant=p0', {}],
    ['?tenant=../x', {}],
    ['?profile=all', {}],
    ['?threatActors=APT28', { threatActors: 'APT28' }],
    ['?malwareNames=%25agent&category=c2', { malwareNames: '%agent', category: 'c2' }],
    ['?severity=4', { severity: '4' }],
    ['?severity=4%2B', { severity: '4+' }],
    ['?severity=+5+', { severity: '5' }],
    ['?severity=8', {}],
    ['?severity=-1', {}],
    ['?severity=high', {}],
    ['?severity=4%2B%2B', {}],
  ])('reads %j', (search, expected) => {
    expect(filterFromSearch(search)).toEqual({ ...EMPTY_FILTER, ...expected });
  });

  it('returns a new object each time, not the shared default', () => {
    const filter = filterFromSearch('');
    expect(filter).not.toBe(EMPTY_FILTER);
    filter.value = 'x';
    expect(EMPTY_FILTER.value).toBe('');
  });
});

describe('filterToSearch then filterFromSearch', () => {
  it.each<Partial<IocFilter>>([
    {},
    { value: '%.ru' },
    { value: '*.evil.com', type: 'DNS', expiry: 'expiring' },
    { name: 'Größe ÄÖÜ 漢字 🦀' },
    { description: 'a & b = c # d ? e / f + g' },
    { creator: '100% sure', source: 'feed_1 * all' },
    { value: '  spaced  out  ' },
    { description: 'line\nbreak\ttab' },
    { value: '%2525', name: '%25' },
    { value: 'a', creator: 'b', name: 'c', description: 'd', source: 'e', type: 'SHA256', expiry: 'expired' },
    { tenant: 'p3', value: 'x' },
    { threatActors: 'APT28', malwareNames: 'X-Agent', labels: 'a&b', campaignNames: '%x%', category: 'c' },
    { severity: '0' },
    { severity: '7+', value: 'x' },
  ])('keeps %j', (partial) => {
    const filter: IocFilter = { ...EMPTY_FILTER, ...partial };
    expect(filterFromSearch(filterToSearch(filter))).toEqual(filter);
  });
});

describe('searchWithFilter', () => {
  it.each<[string, Partial<IocFilter>, string]>([
    ['', {}, ''],
    ['', { value: 'x' }, '?value=x'],
    // The page's profile stays through every keystroke; a reload opens the same tenant (or all).
    ['?profile=p2', { value: 'x' }, '?profile=p2&value=x'],
    ['?profile=all&value=old&tenant=p1', { value: 'new', tenant: 'p3' }, '?profile=all&value=new&tenant=p3'],
    ['?profile=all&value=old&tenant=p1', {}, '?profile=all'],
    ['?value=a&type=DNS&expiry=expired&creator=c', {}, ''],
    ['?profile=p1&threatActors=old&severity=3', { labels: 'new' }, '?profile=p1&labels=new'],
  ])('puts %j and %j together as %j', (search, filter, expected) => {
    expect(searchWithFilter(search, { ...EMPTY_FILTER, ...filter })).toBe(expected);
  });
});
