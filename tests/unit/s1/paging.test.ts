import { describe, expect, it } from 'vitest';
import { allPages, chunk } from '../../../lib/s1/paging';

describe('chunk', () => {
  it.each<[number[], number, number[][]]>([
    [[], 3, []],
    [[1, 2, 3], 3, [[1, 2, 3]]],
    [[1, 2, 3, 4], 3, [[1, 2, 3], [4]]],
    [[1, 2], 1, [[1], [2]]],
  ])('%j by %i', (items, size, chunks) => {
    expect(chunk(items, size)).toEqual(chunks);
  });
});

describe('allPages: follows nextCursor, a null or missing one ends the list', () => {
  type Page = { data: number[]; pagination?: { nextCursor?: string | null } };
  it.each<[string, Record<string, Page>, number[], Array<string | undefined>]>([
    ['one page, null cursor', { '': { data: [1], pagination: { nextCursor: null } } }, [1], [undefined]],
    ['one page, no pagination at all', { '': { data: [1] } }, [1], [undefined]],
    [
      'three pages, the last without nextCursor',
      {
        '': { data: [1], pagination: { nextCursor: 'a' } },
        a: { data: [2], pagination: { nextCursor: 'b' } },
        b: { data: [3], pagination: {} },
      },
      [1, 2, 3],
      [undefined, 'a', 'b'],
    ],
    ['an empty cursor ends it too', { '': { data: [1], pagination: { nextCursor: '' } } }, [1], [undefined]],
  ])('%s', async (_name, pages, values, asked) => {
    const cursors: Array<string | undefined> = [];
    const seen: number[] = [];
    for await (const page of allPages(async (cursor) => {
      cursors.push(cursor);
      return pages[cursor ?? ''] as Page;
    }))
      seen.push(...page.data);
    expect(seen).toEqual(values);
    expect(cursors).toEqual(asked);
  });
});
