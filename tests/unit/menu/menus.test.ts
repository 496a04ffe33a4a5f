import { describe, expect, it } from 'vitest';
import { ADD_MENU, createMenus, isMenuId, LOOKUP_MENU } from '../../../lib/menu/menus';

describe('createMenus', () => {
  it('replaces whatever was there with the two items, on selections and links', async () => {
    const calls: unknown[] = [];
    const menus = {
      removeAll: async () => void calls.push('removeAll'),
      create: (item: unknown) => void calls.push(item),
    } as unknown as Parameters<typeof createMenus>[0];
    await createMenus(menus);
    expect(calls).toEqual([
      'removeAll',
      { id: ADD_MENU, title: 'Add to SentinelOne…', contexts: ['selection', 'link'] },
      { id: LOOKUP_MENU, title: 'Look up in SentinelOne IOCs', contexts: ['selection', 'link'] },
    ]);
  });
});

describe('isMenuId', () => {
  it.each<[unknown, boolean]>([
    [ADD_MENU, true],
    [LOOKUP_MENU, true],
    ['block', false],
    [1, false],
    [undefined, false],
  ])('%j → %s', (id, expected) => {
    expect(isMenuId(id)).toBe(expected);
  });
});
