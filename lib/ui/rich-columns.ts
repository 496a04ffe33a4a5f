/**
 * Which optional context columns (rich-fields.ts) the IOC table shows. Kept in storage.local, not in
 * the URL with the filters: the columns are the analyst's way of reading the table, kept wherever the
 * manager is opened from (the popup, a bookmark, a colleague's filtered link), whereas a filter is
 * about one hunt and travels in the link.
 */
import { storage } from 'wxt/utils/storage';
import { RICH_FIELDS, type RichKey } from '../iocs/rich-fields';

/** Hidden by default: the table stays as dense as before until the analyst asks for context. */
export const richColumnsItem = storage.defineItem<readonly string[]>('local:iocTableRichColumns', {
  fallback: [],
});

/** The known keys of `stored`, in the table's order (RICH_FIELDS), each once; [] for anything else. */
export function shownRichColumns(stored: unknown): RichKey[] {
  if (!Array.isArray(stored)) return [];
  return RICH_FIELDS.map((field) => field.key).filter((key) => stored.includes(key));
}

/** `shown` with `key` shown or hidden, in the table's order. */
export function withRichColumn(shown: readonly RichKey[], key: RichKey, on: boolean): RichKey[] {
  const next = on ? [...shown, key] : shown.filter((other) => other !== key);
  return shownRichColumns(next);
}
