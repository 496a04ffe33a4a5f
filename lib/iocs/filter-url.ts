/**
 * The manager page keeps its filter in the URL's query string, so a reload or a bookmark restores
 * it. Writing is canonical (default fields left out, fixed key order) so equal filters give equal
 * URLs; reading is tolerant because the text may be hand-edited or come from an older version.
 */
import { IOC_TYPES, type IocType } from '../../config/ioc-types';
import { PROFILE_ID_PATTERN } from '../profiles/profile-list';
import {
  EMPTY_FILTER,
  EXPIRY_FILTERS,
  type ExpiryFilter,
  type IocFilter,
  TEXT_FILTER_FIELDS,
} from './filter';
import { LIST_FILTER_FIELDS, parseSeverityFilter } from './rich-filter';

/** The query keys a filter writes; any other key (the page's `profile`) is not the filter's. */
const FILTER_KEYS: readonly string[] = [
  ...TEXT_FILTER_FIELDS,
  'type',
  'expiry',
  'tenant',
  ...LIST_FILTER_FIELDS,
  'severity',
];

function setFilterParams(params: URLSearchParams, filter: IocFilter): void {
  // The raw text is kept, spaces included: it is what the user typed and sees in the input.
  for (const field of TEXT_FILTER_FIELDS) {
    if (filter[field] !== '') params.set(field, filter[field]);
  }
  if (filter.type !== '') params.set('type', filter.type);
  if (filter.expiry !== 'all') params.set('expiry', filter.expiry);
  if (filter.tenant !== '') params.set('tenant', filter.tenant);
  // The context filters after the others, named as the API fields (`threatActors=APT28&severity=4%2B`).
  for (const field of LIST_FILTER_FIELDS) {
    if (filter[field] !== '') params.set(field, filter[field]);
  }
  if (filter.severity !== '') params.set('severity', filter.severity);
}

/** `?value=%25.ru&type=DNS`: the non-default fields in a fixed order; '' for the empty filter. */
export function filterToSearch(filter: IocFilter): string {
  const params = new URLSearchParams();
  setFilterParams(params, filter);
  const query = params.toString();
  return query === '' ? '' : `?${query}`;
}

/**
 * `search` with its filter replaced by `filter` and every other parameter kept in front (the
 * profile the page is about must survive typing in a filter).
 */
export function searchWithFilter(search: string, filter: IocFilter): string {
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search);
  } catch {
    params = new URLSearchParams();
  }
  for (const key of FILTER_KEYS) params.delete(key);
  setFilterParams(params, filter);
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
  const tenant = (params.get('tenant') ?? '').trim();
  if (PROFILE_ID_PATTERN.test(tenant)) filter.tenant = tenant;
  for (const field of LIST_FILTER_FIELDS) {
    filter[field] = params.get(field) ?? '';
  }
  filter.severity = parseSeverityFilter(params.get('severity') ?? '');
  return filter;
}
