/**
 * The connection to one SentinelOne console and account: what an admin reviews and what the
 * settings item stores. The console URL is kept as its origin; `normalizeConsoleUrl` accepts what
 * analysts paste (the original tool's `s1_api` ends in /web/api/v2.1/, a browser address may carry
 * a console path) and says clearly what is wrong otherwise.
 */
import { z } from 'zod';

export const ConnectionSchema = z.object({
  consoleUrl: z.string().refine((value) => {
    const normalized = normalizeConsoleUrl(value);
    return normalized.ok && normalized.origin === value;
  }, 'The console URL must be an https origin, such as https://usea1-acme.sentinelone.net.'),
  apiToken: z.string().trim().min(1, 'Enter the API token.'),
  accountId: z.string().regex(/^\d+$/, 'An account id is a number, such as 2163822725049635476.'),
  accountName: z.string().default(''),
  creatorEmail: z.string().default(''),
  tagPrefix: z.string().default(''),
  /**
   * A site-scoped token's site: calls name it (`siteIds`) instead of the account, which stays the site's
   * account, for words and the cache's key. Absent (every install from before sites): the account scope.
   */
  scope: z
    .object({
      kind: z.literal('site'),
      siteId: z.string().regex(/^\d+$/, 'A site id is a number, such as 1900000000000000001.'),
      siteName: z.string().default(''),
    })
    .nullish(),
});
export type Connection = z.infer<typeof ConnectionSchema>;

/** A connection without its token: what forms check before the token is chosen. */
export const ConnectionFieldsSchema = ConnectionSchema.omit({ apiToken: true });

/**
 * What storage.local keeps of a connection: everything but the token, which lives in the
 * extension's IndexedDB (lib/settings/token-vault.ts), out of reach of content scripts in every browser.
 */
export type StoredConnection = Omit<Connection, 'apiToken'> & {
  /** The saved token's last four characters ("…abcd") for the Settings page; '' when none is saved. */
  tokenHint: string;
  /** When the token was last saved (ms): a new token changes the item, so that watchers of it see one. */
  tokenSavedAt: number;
};

/** A connection to save: without `apiToken`, the token saved for the same console is kept. */
export type ConnectionInput = Omit<Connection, 'apiToken'> & { apiToken?: string };

export type NormalizedUrl = { ok: true; origin: string } | { ok: false; reason: string };

/** Reduces a pasted console address to its https origin, or says why it cannot be one. */
export function normalizeConsoleUrl(input: string): NormalizedUrl {
  const text = input.trim();
  if (text === '')
    return { ok: false, reason: 'Enter the console URL, such as https://usea1-acme.sentinelone.net.' };
  // Browsers and Node disagree on spaces in a host name (Chromium escapes them as %20): refuse them here.
  if (/\s/.test(text)) return { ok: false, reason: `"${text}" is not a URL.` };
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z\d+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    return { ok: false, reason: `"${text}" is not a URL.` };
  }
  if (url.protocol !== 'https:') {
    return {
      ok: false,
      reason: 'The console must be reached over https, so that the token is never sent in clear.',
    };
  }
  if (url.username || url.password)
    return { ok: false, reason: 'Leave the user name and password out of the URL.' };
  if (!/^[a-z\d.-]+$/i.test(url.hostname)) return { ok: false, reason: `"${text}" is not a URL.` };
  if (!url.hostname.includes('.'))
    return { ok: false, reason: `"${url.hostname}" is not a console host name.` };
  return { ok: true, origin: url.origin };
}
