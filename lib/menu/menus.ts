/**
 * The two context-menu items. Created once when the extension is installed or updated (their ids
 * survive browser restarts), never rebuilt per selection: the handler decides what to do with
 * whatever was selected. "link" makes them appear on links too, for the link's URL and domain.
 */
import type { browser } from 'wxt/browser';

export const ADD_MENU = 'add-to-s1';
export const LOOKUP_MENU = 'lookup-in-s1';
export type MenuId = typeof ADD_MENU | typeof LOOKUP_MENU;

export const MENU_TITLES: Readonly<Record<MenuId, string>> = {
  [ADD_MENU]: 'Add to SentinelOne…',
  [LOOKUP_MENU]: 'Look up in SentinelOne IOCs',
};

export async function createMenus(menus: typeof browser.contextMenus): Promise<void> {
  await menus.removeAll();
  for (const [id, title] of Object.entries(MENU_TITLES)) {
    menus.create({ id, title, contexts: ['selection', 'link'] });
  }
}

export const isMenuId = (id: unknown): id is MenuId => id === ADD_MENU || id === LOOKUP_MENU;
