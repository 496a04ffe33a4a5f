import { describe, expect, it, vi } from 'vitest';
import { findIn, lookupThrough } from '../../../lib/iocs/existing-lookup';
import type { Ioc, IocType } from '../../../lib/s1/schemas';
import { makeIoc } from './fixtures';

const MD5 = '0123456789abcdef0123456789abcdef';
const dns = (uuid: string, value: string, source = 'Feed_A') => makeIoc({ uuid, value, type: 'DNS', source });

describe('findIn', () => {
  it.each<[string, Ioc[], string, IocType, string | undefined]>([
    ['nothing cached', [], 'evil.com', 'DNS', undefined],
    ['same type and value', [dns('u1', 'evil.com')], 'evil.com', 'DNS', 'u1'],
    ['same value, another type', [dns('u1', 'evil.com')], 'evil.com', 'URL', undefined],
    ['another value', [dns('u1', 'evil.com')], 'evil.co', 'DNS', undefined],
    ['a value that only starts the same', [dns('u1', 'evil.com')], 'evil.com.au', 'DNS', undefined],
    ['an upper-case query', [dns('u1', 'evil.com')], 'EVIL.COM', 'DNS', 'u1'],
    ['an upper-case cached value', [dns('u1', 'Evil.Com')], 'evil.com', 'DNS', 'u1'],
    [
      'hashes ignore case',
      [makeIoc({ uuid: 'u1', value: MD5.toUpperCase(), type: 'MD5' })],
      MD5,
      'MD5',
      'u1',
    ],
    ['spaces around the query', [dns('u1', 'evil.com')], '  evil.com ', 'DNS', 'u1'],
    [
      'the first of two sources wins',
      [dns('u1', 'evil.com', 'Feed_A'), dns('u2', 'evil.com', 'Feed_B')],
      'evil.com',
      'DNS',
      'u1',
    ],
    [
      'the first wins whatever the case of the later one',
      [dns('u1', 'EVIL.com', 'Feed_B'), dns('u2', 'evil.com', 'Feed_A')],
      'evil.com',
      'DNS',
      'u1',
    ],
    [
      'the type picks among IOCs sharing a value',
      [makeIoc({ uuid: 'u1', value: 'evil.com', type: 'URL' }), dns('u2', 'evil.com')],
      'evil.com',
      'DNS',
      'u2',
    ],
    [
      'a URL whose path differs only in case is another IOC',
      [makeIoc({ uuid: 'u1', value: 'http://evil.com/x', type: 'URL' })],
      'http://evil.com/X',
      'URL',
      undefined,
    ],
    [
      'a URL whose host differs only in case is the same IOC',
      [makeIoc({ uuid: 'u1', value: 'HTTP://Evil.COM/X', type: 'URL' })],
      'http://evil.com/X',
      'URL',
      'u1',
    ],
    [
      'the URL with the same path among those sharing a key',
      [
        makeIoc({ uuid: 'u1', value: 'http://evil.com/x', type: 'URL' }),
        makeIoc({ uuid: 'u2', value: 'http://evil.com/X', type: 'URL' }),
      ],
      'http://evil.com/X',
      'URL',
      'u2',
    ],
    [
      'an IPv6 address held in another spelling',
      [makeIoc({ uuid: 'u1', value: '2001:db8:0:1eb7::0dc4', type: 'IPV6' })],
      '2001:db8:0:1eb7::dc4',
      'IPV6',
      'u1',
    ],
    [
      'the right one among several values',
      [dns('u1', 'a.example.org'), dns('u2', 'b.example.org'), dns('u3', 'c.example.org')],
      'b.example.org',
      'DNS',
      'u2',
    ],
  ])('%s', (_name, iocs, value, type, expected) => {
    expect(findIn(iocs)(value, type)?.uuid).toBe(expected);
  });

  it('returns the cached IOC itself', () => {
    const ioc = dns('u1', 'evil.com');
    expect(findIn([ioc])('evil.com', 'DNS')).toBe(ioc);
  });
});

describe('lookupThrough', () => {
  it.each<[string, string[], Ioc[], Array<[string, IocType, string | undefined]>]>([
    [
      'one value found',
      ['evil.com'],
      [dns('u1', 'evil.com')],
      [
        ['evil.com', 'DNS', 'u1'],
        ['evil.com', 'URL', undefined],
      ],
    ],
    [
      'several values, one call, matched like findIn',
      ['evil.com', MD5, 'bad.ru'],
      [dns('u1', 'EVIL.COM'), makeIoc({ uuid: 'u2', value: MD5, type: 'MD5' })],
      [
        ['evil.com', 'DNS', 'u1'],
        [MD5.toUpperCase(), 'MD5', 'u2'],
        ['bad.ru', 'DNS', undefined],
      ],
    ],
    ['nothing cached', ['evil.com'], [], [['evil.com', 'DNS', undefined]]],
  ])('%s', async (_name, values, cached, queries) => {
    const byValues = vi.fn(async (_values: readonly string[]) => cached);
    const find = await lookupThrough(byValues)(values);
    expect(byValues).toHaveBeenCalledTimes(1);
    expect(byValues).toHaveBeenCalledWith(values);
    for (const [value, type, uuid] of queries) expect(find(value, type)?.uuid).toBe(uuid);
  });

  it('does not read the cache for no values, and finds nothing', async () => {
    const byValues = vi.fn(async (_values: readonly string[]) => [dns('u1', 'evil.com')]);
    const find = await lookupThrough(byValues)([]);
    expect(byValues).not.toHaveBeenCalled();
    expect(find('evil.com', 'DNS')).toBeUndefined();
  });

  it('passes a failure of the cache on', async () => {
    const lookup = lookupThrough(async () => {
      throw new Error('IndexedDB is closed');
    });
    await expect(lookup(['evil.com'])).rejects.toThrow('IndexedDB is closed');
  });
});
