/**
 * Keeps chrome.storage away from content scripts. `storage.local` holds the settings (the API token
 * is not there: lib/settings/token-vault.ts keeps it in IndexedDB, which no content script can open), and by
 * default any script of the extension may read it, including one the worker injects into a web page
 * (to read the selection), whose isolated world the page can reach through shared DOM and bugs.
 * TRUSTED_CONTEXTS leaves it to the extension's pages and worker. Session
 * storage (the pending review sheets) is trusted-only by default; it is set here too, so that a
 * later change cannot widen it unnoticed.
 */
import { logFor } from '../log/log';

type AccessLevel = 'TRUSTED_CONTEXTS' | 'TRUSTED_AND_UNTRUSTED_CONTEXTS';

/** The part of a storage area this needs; `setAccessLevel` is absent where the browser lacks it. */
interface AreaLike {
  setAccessLevel?: (options: { accessLevel: AccessLevel }) => Promise<void>;
}

export interface StorageLike {
  local: AreaLike;
  session?: AreaLike;
}

const log = logFor('storage');

/**
 * Restricts local and session storage to trusted contexts where the browser can (Chromium). Firefox
 * has no setAccessLevel on local storage: that is logged once, at debug, and nothing fails.
 */
export async function restrictStorageToTrustedContexts(storage: StorageLike): Promise<void> {
  await Promise.all([restrict('local', storage.local), restrict('session', storage.session)]);
}

async function restrict(name: string, area: AreaLike | undefined): Promise<void> {
  if (typeof area?.setAccessLevel !== 'function') {
    log.debug(`storage.${name} cannot be limited to the extension's pages in this browser.`);
    return;
  }
  try {
    await area.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
  } catch (error) {
    // An older Chromium has the method but refuses it for local storage: worth a line the analyst sees.
    log.warn(`storage.${name} cannot be limited to the extension's pages: ${(error as Error).message}`);
  }
}
