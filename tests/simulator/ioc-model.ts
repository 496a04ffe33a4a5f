/**
 * The IOC object as the console returns it (docs/sentinelone-api.md#the-ioc-object) and the simulator's
 * record around it. The real sample lists its keys in alphabetical order, so every IOC the simulator builds
 * is emitted with sorted keys; optional keys (externalId, severity, ...) appear only when they were sent.
 */
import { parseTimestampUs } from './clock';

export const IOC_TYPES = ['DNS', 'IPV4', 'IPV6', 'MD5', 'SHA1', 'SHA256', 'URL'] as const;
export type IocType = (typeof IOC_TYPES)[number];
export const HASH_TYPES: ReadonlySet<string> = new Set(['MD5', 'SHA1', 'SHA256']);

export interface Ioc {
  batchId: string;
  category: string[];
  creationTime: string | null;
  creator: string | null;
  description: string | null;
  externalId?: string | null;
  intrusionSets: string[];
  metadata: string | null;
  method: string;
  mitreTactic: string[];
  name: string | null;
  reference: string[];
  scope: string;
  scopeId: string;
  source: string;
  threatActors: string[];
  type: string;
  updatedAt: string;
  uploadTime: string;
  uuid: string;
  validUntil: string | null;
  value: string;
  [optional: string]: unknown;
}

/** Stored form: the IOC plus parsed times for sorting and filtering. Records are replaced, never shared. */
export interface IocRecord {
  uuid: string;
  ioc: Ioc;
  upload: number;
  updated: number;
  creation: number | null;
  /** epoch µs from which GET shows it (visibility-delay knob); 0 = always. */
  visibleAt: number;
}

/**
 * Validity per type: default when absent, maximum it is clamped to
 * (docs/sentinelone-api.md#validuntil-defaults-and-clamping).
 */
export const VALIDITY_DAYS: Record<IocType, { default: number; max: number }> = {
  IPV4: { default: 14, max: 30 },
  IPV6: { default: 14, max: 30 },
  URL: { default: 90, max: 180 },
  DNS: { default: 90, max: 180 },
  MD5: { default: 180, max: 180 },
  SHA1: { default: 180, max: 180 },
  SHA256: { default: 180, max: 180 },
};

export function sortKeys<T extends Record<string, unknown>>(obj: T): T {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(obj).sort()) out[key] = obj[key];
  return out as T;
}

const timeOf = (v: unknown): number | null => (typeof v === 'string' ? parseTimestampUs(v) : null);

export function toRecord(ioc: Ioc, visibleAt = 0): IocRecord {
  return {
    uuid: ioc.uuid,
    ioc,
    upload: timeOf(ioc.uploadTime) ?? 0,
    updated: timeOf(ioc.updatedAt) ?? 0,
    creation: timeOf(ioc.creationTime),
    visibleAt,
  };
}

/**
 * Upsert/dedupe key; hash values compare case-insensitively (the simulator's default,
 * docs/sentinelone-api.md#upsert-semantics).
 */
export function keyOf(ioc: Ioc, fields: readonly string[]): string {
  return fields
    .map((f) => {
      const v = ioc[f];
      if (f === 'value' && typeof v === 'string' && HASH_TYPES.has(ioc.type)) return v.toLowerCase();
      return v === undefined || v === null ? '\u0001' : String(v);
    })
    .join('\u0000');
}
