/**
 * Applies a validated POST batch to a scope (docs/sentinelone-api.md#upsert-semantics): builds console-shaped
 * IOCs, applies the validUntil defaults and clamps, and upserts on (scopeId + upsertKey) or always inserts
 * ('duplicate'). New records are merged into the store once per batch, so a 2500-item POST into 1M IOCs stays
 * cheap.
 */
import { daysUs, formatUs, parseTimestampUs } from './clock';
import {
  type Ioc,
  type IocRecord,
  type IocType,
  keyOf,
  sortKeys,
  toRecord,
  VALIDITY_DAYS,
} from './ioc-model';
import type { ScopeStore } from './scope-store';

export interface WriteOptions {
  scopeId: string;
  /** 'site' for an IOC created in a site; the default is the account. */
  scope?: 'account' | 'site';
  parentScopeId?: string;
  now: number;
  batchId: string;
  newUuid: () => string;
  writeMode: 'upsert' | 'duplicate';
  upsertKey: readonly string[];
  visibilityDelayMs: number;
}

const LIST_DEFAULTS = ['category', 'intrusionSets', 'mitreTactic', 'reference', 'threatActors'];
const SCALAR_DEFAULTS: Record<string, null | string> = {
  creator: null,
  description: null,
  name: null,
  metadata: '',
};
// Spec-only fields: stored and returned only when sent, like externalId
// (docs/sentinelone-api.md#the-ioc-object).
const OPTIONAL = [
  'externalId',
  'severity',
  'originalRiskScore',
  'labels',
  'malwareNames',
  'threatActorTypes',
  'campaignNames',
  'pattern',
  'patternType',
  'parentScopeId',
];
const SUPPLIABLE = [
  ...LIST_DEFAULTS,
  ...Object.keys(SCALAR_DEFAULTS),
  ...OPTIONAL,
  'source',
  'type',
  'value',
  'method',
];

/**
 * docs/sentinelone-api.md#validuntil-defaults-and-clamping: absent -> upload + default days; later than
 * upload + max -> silently clamped; µs kept.
 */
export function resolveValidUntil(type: IocType, given: unknown, uploadUs: number): number {
  const days = VALIDITY_DAYS[type];
  const max = uploadUs + daysUs(days.max);
  const parsed = typeof given === 'string' ? parseTimestampUs(given) : null;
  if (parsed === null) return uploadUs + daysUs(days.default);
  return Math.min(parsed, max);
}

function buildIoc(item: Record<string, unknown>, base: Ioc | null, o: WriteOptions, uuid: string): Ioc {
  const nowIso = formatUs(o.now);
  const out: Record<string, unknown> = base
    ? { ...base }
    : {
        ...SCALAR_DEFAULTS,
        scope: o.scope ?? 'account',
        scopeId: o.scopeId,
        ...(o.parentScopeId ? { parentScopeId: o.parentScopeId } : {}),
        creationTime: null,
      };
  if (!base) for (const f of LIST_DEFAULTS) out[f] = [];
  for (const f of SUPPLIABLE) if (f in item) out[f] = item[f];
  for (const f of LIST_DEFAULTS) if (out[f] === null) out[f] = [];
  if (out.metadata === null) out.metadata = '';
  const creation = typeof item.creationTime === 'string' ? parseTimestampUs(item.creationTime) : null;
  if (creation !== null) out.creationTime = formatUs(creation);
  out.uuid = uuid;
  out.batchId = o.batchId;
  out.uploadTime = nowIso;
  out.updatedAt = nowIso;
  out.validUntil = formatUs(resolveValidUntil(item.type as IocType, item.validUntil, o.now));
  return sortKeys(out as Ioc);
}

/** How many items would create a new IOC (for the per-scope cap), without changing anything. */
export function countNew(store: ScopeStore, items: Record<string, unknown>[], o: WriteOptions): number {
  if (o.writeMode === 'duplicate') return items.length;
  const seen = new Set<string>();
  let n = 0;
  for (const item of items) {
    const key = keyOf(buildIoc(item, null, o, ''), o.upsertKey);
    if (seen.has(key) || store.findByKey(key, o.upsertKey)) continue;
    seen.add(key);
    n++;
  }
  return n;
}

/** Commits the batch; returns one IOC per input item, in input order. */
export function applyWrite(store: ScopeStore, items: Record<string, unknown>[], o: WriteOptions): Ioc[] {
  const pending = new Map<string, IocRecord>(); // upsert key -> latest record of this batch
  const fresh = new Map<string, IocRecord>(); // uuid -> record created by this batch
  const visibleAt = o.visibilityDelayMs > 0 ? o.now + o.visibilityDelayMs * 1000 : 0;
  const out = items.map((item) => {
    const key = o.writeMode === 'upsert' ? keyOf(buildIoc(item, null, o, ''), o.upsertKey) : '';
    const existing =
      o.writeMode === 'upsert' ? (pending.get(key) ?? store.findByKey(key, o.upsertKey)) : undefined;
    if (!existing) {
      const rec = toRecord(buildIoc(item, null, o, o.newUuid()), visibleAt);
      fresh.set(rec.uuid, rec);
      if (o.writeMode === 'upsert') pending.set(key, rec);
      return rec.ioc;
    }
    const rec = toRecord(buildIoc(item, existing.ioc, o, existing.uuid), existing.visibleAt);
    if (fresh.has(rec.uuid)) fresh.set(rec.uuid, rec);
    else store.replace(existing, rec);
    pending.set(key, rec);
    return rec.ioc;
  });
  store.insert([...fresh.values()]);
  store.settle();
  return out;
}
