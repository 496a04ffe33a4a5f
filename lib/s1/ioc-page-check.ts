/**
 * A hand-written check of an IOC page with the same rules as IocPageSchema (schemas.ts), used as a
 * fast path: a full sync parses 1,000 IOCs per page, and zod, which cannot compile its checks under
 * the extension's CSP (no `new Function`), took about 1 s of the worker's time per 100,000 IOCs.
 * It only ever says yes to what the schema accepts; on anything else the schema decides, and
 * words the error.
 */
import { IOC_TYPES } from '../../config/ioc-types';
import type { IocPage } from './schemas';

const TYPES: ReadonlySet<unknown> = new Set(IOC_TYPES);

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isNullish = (v: unknown) => v === undefined || v === null;
const isString = (v: unknown): v is string => typeof v === 'string';
const isFilled = (v: unknown) => typeof v === 'string' && v.length > 0;
const isStringList = (v: unknown) => Array.isArray(v) && v.every(isString);

const NULLISH_STRINGS = [
  'name',
  'description',
  'externalId',
  'creator',
  'metadata',
  'batchId',
  'scope',
  'parentScopeId',
  'pattern',
  'patternType',
] as const;
const NULLISH_TIMESTAMPS = ['validUntil', 'creationTime'] as const;
const NULLISH_LISTS = [
  'category',
  'reference',
  'intrusionSets',
  'threatActors',
  'mitreTactic',
  'labels',
  'malwareNames',
  'threatActorTypes',
  'campaignNames',
] as const;
const NULLISH_INTS = ['severity', 'originalRiskScore'] as const;

/** True when IocSchema would accept `v` unchanged. */
export function isPlainIoc(v: unknown): boolean {
  if (!isObject(v)) return false;
  if (!isFilled(v.uuid) || !isString(v.value) || !TYPES.has(v.type)) return false;
  if (!isString(v.source) || !isString(v.method) || !isFilled(v.uploadTime) || !isFilled(v.updatedAt))
    return false;
  for (const key of NULLISH_STRINGS) if (!isNullish(v[key]) && !isString(v[key])) return false;
  for (const key of NULLISH_TIMESTAMPS) if (!isNullish(v[key]) && !isFilled(v[key])) return false;
  for (const key of NULLISH_LISTS) if (!isNullish(v[key]) && !isStringList(v[key])) return false;
  for (const key of NULLISH_INTS) if (!isNullish(v[key]) && !Number.isSafeInteger(v[key])) return false;
  return isNullish(v.scopeId) || isString(v.scopeId) || isStringList(v.scopeId);
}

/** True when IocPageSchema would accept `v` unchanged. */
export function isPlainIocPage(v: unknown): v is IocPage {
  if (!isObject(v) || !Array.isArray(v.data) || !v.data.every(isPlainIoc)) return false;
  const { pagination } = v;
  if (pagination === undefined) return true;
  if (!isObject(pagination)) return false;
  const { nextCursor, totalItems } = pagination;
  return (
    (isNullish(nextCursor) || isString(nextCursor)) &&
    (isNullish(totalItems) || (Number.isSafeInteger(totalItems) && (totalItems as number) >= 0))
  );
}
