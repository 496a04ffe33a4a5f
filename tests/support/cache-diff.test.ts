import { describe, expect, it } from 'vitest';
import { type CacheDiff, describeDiff, diffCache } from './cache-diff';

const a = { uuid: 'a', name: 'one', score: 1 };
const b = { uuid: 'b', name: 'two', tags: ['x'] };
const c = { uuid: 'c', name: 'three' };

describe('diffCache', () => {
  it.each<[string, object[], object[], CacheDiff]>([
    ['equal, in another order', [b, a], [a, b], { missing: [], extra: [], stale: [] }],
    [
      'key order does not matter',
      [{ score: 1, name: 'one', uuid: 'a' }],
      [a],
      { missing: [], extra: [], stale: [] },
    ],
    ['one missing', [a], [a, b], { missing: ['b'], extra: [], stale: [] }],
    ['one extra', [a, c], [a], { missing: [], extra: ['c'], stale: [] }],
    ['a changed field', [{ ...a, name: 'old' }], [a], { missing: [], extra: [], stale: ['a'] }],
    ['a changed array', [{ ...b, tags: ['y'] }], [b], { missing: [], extra: [], stale: ['b'] }],
    ['a field only one side has', [{ ...a, extra: null }], [a], { missing: [], extra: [], stale: ['a'] }],
    [
      'an undefined field equals an absent one',
      [{ ...a, gone: undefined }],
      [a],
      { missing: [], extra: [], stale: [] },
    ],
    ['a uuid cached twice', [a, a], [a], { missing: [], extra: ['a'], stale: [] }],
    ['empty both sides', [], [], { missing: [], extra: [], stale: [] }],
  ])('%s', (_name, cache, server, expected) => {
    expect(diffCache(cache as Array<{ uuid: string }>, server as Array<{ uuid: string }>)).toEqual(expected);
  });

  it('describes the counts', () => {
    expect(describeDiff({ missing: ['a'], extra: [], stale: ['b', 'c'] })).toBe(
      '1 missing, 0 extra, 2 stale',
    );
  });
});
