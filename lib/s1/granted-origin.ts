/**
 * The worker's answer to the HTTP client's `originAllowed`: whether the browser lets the extension
 * reach an origin, by the manifest's grant (https://*.sentinelone.net) or one the analyst gave in
 * Settings. The client asks before its first request, so that no path of the worker can send the
 * token to an origin nobody allowed, whatever the settings hold.
 */
import { browser } from 'wxt/browser';
import type { S1HttpOptions } from './http';

export function originGranted(origin: string): Promise<boolean> {
  return browser.permissions.contains({ origins: [`${origin}/*`] });
}

/** What every client the worker builds is given. */
export const grantedOnly: Pick<S1HttpOptions, 'originAllowed'> = { originAllowed: originGranted };
