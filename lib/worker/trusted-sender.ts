/**
 * Who may ask the service worker for anything: the extension's own pages (manager, popup, review
 * sheet) and nothing else. A script the worker injects into a web page (to read the selection) runs
 * in that page's isolated world, shares the extension's id, and can call runtime.sendMessage like a
 * page; what tells them apart is the document it runs in: the browser sets `sender.url` (and, in
 * Chromium, `sender.origin`) to the web page's address, which no page can forge.
 */

/** The fields of runtime.MessageSender the check reads (Chromium and Firefox both set `id` and `url`). */
export interface SenderLike {
  id?: string;
  url?: string;
  origin?: string;
}

/**
 * True when the message comes from one of this extension's pages: the sender's id is ours and its
 * document's URL (and origin, where the browser gives one) lies under `extensionBaseUrl`, which is
 * runtime.getURL('/') (chrome-extension://<id>/ or moz-extension://<uuid>/).
 */
export function isTrustedSender(
  sender: SenderLike | undefined,
  extensionBaseUrl: string,
  extensionId: string,
): boolean {
  if (!sender || !extensionId || sender.id !== extensionId) return false;
  const base = withSlash(extensionBaseUrl);
  // Only an extension scheme: a base of "https://…/" would mean a misconfigured caller, not trust.
  if (!/^(chrome|moz|safari-web)-extension:\/\/[^/]+\/$/.test(base)) return false;
  if (typeof sender.url !== 'string' || !sender.url.startsWith(base)) return false;
  if (sender.origin !== undefined && `${sender.origin}/` !== base) return false;
  return true;
}

/** Where an untrusted message came from, for the activity log: the origin only (a URL may carry secrets). */
export function senderOrigin(sender: SenderLike | undefined): string {
  if (sender?.origin) return sender.origin;
  try {
    return sender?.url ? new URL(sender.url).origin : 'an unknown context';
  } catch {
    return 'an unknown context';
  }
}

const withSlash = (url: string) => (url.endsWith('/') ? url : `${url}/`);
