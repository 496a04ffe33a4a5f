/**
 * Deterministic IOC generator (docs/sentinelone-api.md#determinism-seed-data-and-observation): same seed ->
 * same IOCs. Values are unique per (type, value, source) by construction (a per-type counter is part of each
 * non-hash value). Built for 1M items in a few seconds: key order is written out alphabetically (as the
 * console emits it) and empty lists are one shared frozen array.
 */
import { daysUs, formatUs } from './clock';
import { type Ioc, type IocRecord, type IocType, VALIDITY_DAYS } from './ioc-model';
import { createPrng, flat, type Prng } from './prng';
import {
  ACTORS,
  CATEGORIES,
  CREATORS,
  DESCRIPTION_TEMPLATES,
  DOMAINS,
  FAMILIES,
  NAME_TEMPLATES,
  SOURCES,
  WORDS,
} from './seed-templates';

const EMPTY = Object.freeze([]) as unknown as string[];
const TYPES: readonly IocType[] = [
  'SHA256',
  'SHA256',
  'MD5',
  'SHA1',
  'DNS',
  'DNS',
  'URL',
  'URL',
  'IPV4',
  'IPV6',
];
const HEX_LEN = { MD5: 32, SHA1: 40, SHA256: 64 } as const;

function valueFor(type: IocType, n: number, p: Prng): string {
  const tag = n.toString(36);
  switch (type) {
    case 'MD5':
    case 'SHA1':
    case 'SHA256':
      return p.hex(HEX_LEN[type]);
    case 'DNS':
      return `${p.pick(WORDS)}-${tag}.${p.pick(DOMAINS)}`;
    case 'URL':
      return `https://${p.pick(WORDS)}-${tag}.${p.pick(DOMAINS)}/${p.pick(['wp-admin', 'download', 'api/v1', 'invoice'])}/${p.hex(6)}.php?id=${n}&ref=mail`;
    case 'IPV4': {
      if (n < 762) return `${['192.0.2', '198.51.100', '203.0.113'][Math.floor(n / 254)]}.${(n % 254) + 1}`;
      const m = n - 762;
      return `10.${(m >>> 16) & 255}.${(m >>> 8) & 255}.${m & 255}`;
    }
    case 'IPV6':
      return `2001:db8:${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}::${p.hex(4)}`;
  }
}

export interface GenerateOptions {
  count: number;
  seed: number;
  scopeId: string;
  /** epoch µs; times spread over the year before it. */
  now: number;
}

// Every name/description variant once, so 1M IOCs share a few hundred strings.
const NAMES = NAME_TEMPLATES.flatMap((t) => FAMILIES.map((f) => t(f)));
const DESCRIPTIONS = DESCRIPTION_TEMPLATES.flatMap((t) =>
  FAMILIES.flatMap((f) => SOURCES.map((s) => t(f, s))),
);

/** Records (IOC plus parsed times) ready for ScopeStore.insert. */
export function generateRecords({ count, seed, scopeId, now }: GenerateOptions): IocRecord[] {
  const p = createPrng(seed);
  const counters = new Map<IocType, number>();
  const out: IocRecord[] = new Array(count);
  let batchId = '';
  let batchLeft = 0;
  let upload = 0;
  let uploadIso = '';
  for (let i = 0; i < count; i++) {
    if (batchLeft-- <= 0) {
      batchId = p.hex(32);
      batchLeft = 1 + p.int(250);
      upload = now - p.int(daysUs(365));
      uploadIso = formatUs(upload);
    }
    const type = p.pick(TYPES);
    const n = counters.get(type) ?? 0;
    counters.set(type, n + 1);
    const updated = p.chance(0.5) ? upload : upload + p.int(now - upload);
    const creation = p.chance(0.25) ? null : upload - p.int(daysUs(30));
    const uuid = p.hex(32);
    const fields: IocFields = {
      batchId,
      category: p.chance(0.15) ? [p.pick(CATEGORIES)] : EMPTY,
      creationTime: creation === null ? null : formatUs(creation),
      creator: p.pick(CREATORS),
      description: p.chance(0.2) ? null : p.pick(DESCRIPTIONS),
      name: p.chance(0.1) ? null : p.pick(NAMES),
      scopeId,
      source: p.pick(SOURCES),
      threatActors: p.chance(0.1) ? [p.pick(ACTORS)] : EMPTY,
      type,
      updatedAt: updated === upload ? uploadIso : formatUs(updated),
      uploadTime: uploadIso,
      uuid,
      validUntil: formatUs(updated + 1 + p.int(daysUs(VALIDITY_DAYS[type].max))),
      value: flat(valueFor(type, n, p)),
    };
    const externalId = p.chance(0.3)
      ? flat(`${fields.source.slice(0, 4).toLowerCase()}-${p.hex(12)}`)
      : undefined;
    out[i] = { uuid, ioc: makeIoc(fields, externalId), upload, updated, creation, visibleAt: 0 };
  }
  return out;
}

export function generateIocs(opts: GenerateOptions): Ioc[] {
  return generateRecords(opts).map((r) => r.ioc);
}

type IocFields = Pick<
  Ioc,
  | 'batchId'
  | 'category'
  | 'creationTime'
  | 'creator'
  | 'description'
  | 'name'
  | 'scopeId'
  | 'source'
  | 'threatActors'
  | 'type'
  | 'updatedAt'
  | 'uploadTime'
  | 'uuid'
  | 'validUntil'
  | 'value'
>;

/**
 * Keys in the console's alphabetical order; externalId sits between description and intrusionSets.
 * Two literals rather than a spread: object spread made this 20x slower at 1M items.
 */
function makeIoc(f: IocFields, externalId: string | undefined): Ioc {
  if (externalId === undefined) {
    return {
      batchId: f.batchId,
      category: f.category,
      creationTime: f.creationTime,
      creator: f.creator,
      description: f.description,
      intrusionSets: EMPTY,
      metadata: '',
      method: 'EQUALS',
      mitreTactic: EMPTY,
      name: f.name,
      reference: EMPTY,
      scope: 'account',
      scopeId: f.scopeId,
      source: f.source,
      threatActors: f.threatActors,
      type: f.type,
      updatedAt: f.updatedAt,
      uploadTime: f.uploadTime,
      uuid: f.uuid,
      validUntil: f.validUntil,
      value: f.value,
    };
  }
  return {
    batchId: f.batchId,
    category: f.category,
    creationTime: f.creationTime,
    creator: f.creator,
    description: f.description,
    externalId,
    intrusionSets: EMPTY,
    metadata: '',
    method: 'EQUALS',
    mitreTactic: EMPTY,
    name: f.name,
    reference: EMPTY,
    scope: 'account',
    scopeId: f.scopeId,
    source: f.source,
    threatActors: f.threatActors,
    type: f.type,
    updatedAt: f.updatedAt,
    uploadTime: f.uploadTime,
    uuid: f.uuid,
    validUntil: f.validUntil,
    value: f.value,
  };
}
