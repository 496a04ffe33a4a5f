/**
 * The manager page keeps its filter in the URL's query string, so a reload or a bookmark restores
 * it. Writing is canonical (default fields left out, fixed key order) so equal filters give equal
 * URLs; reading is tolerant because the text may be hand-edited or come from an older version.
 */
import { IOC_TYPES, type IocType } from '../../config/ioc-types';
import {
  EMPTY_FILTER,
  EXPIRY_FILTERS,
  type ExpiryFilter,
  type IocFilter,
  TEXT_FILTER_FIELDS,
} from './filter';

/** `?value=%25.ru&type=DNS`: the non-default fields in a fixed order; '' for the empty filter. */
export function filterToSearch(filter: IocFilter): string {
  const params = new URLSearchParams();
  // The raw text is kept, spaces included: it is what the user typed and sees in the input.
  for (const field of TEXT_FILTER_FIELDS) {
    if (filter[field] !== '') params.set(field, filter[field]);
  }
  if (filter.type !== '') params.set('type', filter.type);
  if (filter.expiry !== 'all') params.set('expiry', filter.expiry);
  const query = params.toString();
  return query === '' ? '' : `?${query}`;
}

function isIocType(text: string): text is IocType {
  return (IOC_TYPES as readonly string[]).includes(text);
}

function isExpiryFilter(text: string): text is ExpiryFilter {
  return (EXPIRY_FILTERS as readonly string[]).includes(text);
}

/** The filter a query string (with or without `?`) describes; unknown keys and bad values are ignored. */
export function filterFromSearch(search: string): IocFilter {
  const filter: IocFilter = { ...EMPTY_FILTER };
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search);
  } catch {
    return filter;
  }
  for (const field of TEXT_FILTER_FIELDS) {
    filter[field] = params.get(field) ?? '';
  }
  // Case is forgiven for the enumerations: `type=dns` in a hand-typed URL clearly means DNS.
  const type = (params.get('type') ?? '').trim().toUpperCase();
  if (isIocType(type)) filter.type = type;
  const expiry = (params.get('expiry') ?? '').trim().toLowerCase();
  if (isExpiryFilter(expiry)) filter.expiry = expiry;
  return filter;
}
