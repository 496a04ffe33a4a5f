/** The text a context-menu click is about: the selection, or a link's URL and its domain. */

export interface MenuClick {
  menuItemId: string | number;
  selectionText?: string;
  linkUrl?: string;
  tabId?: number;
  frameId?: number;
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * The selection as the page holds it (`fullSelection`, read with scripting) when it is the one that
 * was clicked, else Chrome's `selectionText`, which joins lines with spaces and is cut at a few
 * thousand characters. With no selection, a link gives its URL and, on its own line, its host: the
 * analyst may block either, and the host standing alone makes it a row of its own, not a suggestion.
 */
export function menuText(
  click: Pick<MenuClick, 'selectionText' | 'linkUrl'>,
  fullSelection: string | null,
): string {
  const selected = click.selectionText?.trim() ?? '';
  if (selected !== '') {
    const full = fullSelection?.trim() ?? '';
    // The page's selection may have changed since the click, or be another frame's: check it first.
    return full !== '' && squash(full).includes(squash(selected).slice(0, 200)) ? full : selected;
  }
  if (!click.linkUrl) return '';
  try {
    const url = new URL(click.linkUrl);
    if (url.protocol !== 'http:' && url.protocol !== 'https:' && url.protocol !== 'ftp:')
      return click.linkUrl;
    return `${click.linkUrl}\n${url.hostname}`;
  } catch {
    return click.linkUrl;
  }
}

/** A short quote of what was selected, for a notification. */
export function quote(text: string, max = 60): string {
  const flat = squash(text);
  return flat.length > max ? `“${flat.slice(0, max - 1)}…”` : `“${flat}”`;
}
