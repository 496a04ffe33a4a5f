/** MenuDeps on the real browser: scripting for the selection, notifications, the sheet window. */
import { browser } from 'wxt/browser';
import { searchForProfile } from '../profiles/profile-url';
import { readProfiles } from '../profiles/profiles-item';
import type { MenuDeps } from './handle-menu-click';
import { saveSheet } from './pending-sheet';
import { type PageSelection, readSelectionInPage, SELECTION_MAX_CHARS } from './read-selection';

type Services = Pick<MenuDeps, 'readSettings' | 'cachedWithValues' | 'submit'>;

/**
 * Reads the selection of the clicked frame, capped and with what of it is visible
 * (read-selection.ts). Works where the extension may script the page: with activeTab, which Chrome
 * grants for the tab whose context menu the analyst used. Pages no extension may script (the Web
 * Store, chrome://, PDFs) fall back to Chrome's selectionText.
 */
async function readFullSelection(tabId: number, frameId: number): Promise<PageSelection | null> {
  const [result] = await browser.scripting.executeScript({
    target: { tabId, frameIds: [frameId] },
    func: readSelectionInPage,
    args: [SELECTION_MAX_CHARS],
  });
  return isPageSelection(result?.result) ? result.result : null;
}

/** What came back from the page is the page's to choose: only the expected shape is taken. */
function isPageSelection(value: unknown): value is PageSelection {
  if (typeof value !== 'object' || value === null) return false;
  const { text, visibleText, truncated, totalChars } = value as Record<string, unknown>;
  return (
    typeof text === 'string' &&
    text.length <= SELECTION_MAX_CHARS &&
    (visibleText === null || typeof visibleText === 'string') &&
    typeof truncated === 'boolean' &&
    typeof totalChars === 'number'
  );
}

async function notify(title: string, message: string): Promise<void> {
  await browser.notifications.create({
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title,
    message,
  });
}

export function browserMenuDeps(services: Services): MenuDeps {
  return {
    ...services,
    readFullSelection,
    notify,
    async openSheet(request) {
      const sheet = await saveSheet(request, new Date());
      // The sheet is about the profile the manager showed last, as the click's look-ups were.
      const search = searchForProfile(`?id=${sheet.id}`, (await readProfiles()).activeId);
      const url = browser.runtime.getURL(`/sheet.html${search}`);
      await browser.windows.create({ url, type: 'popup', width: 980, height: 760, focused: true });
    },
    openSettings: () => browser.runtime.openOptionsPage(),
    now: () => new Date(),
  };
}
