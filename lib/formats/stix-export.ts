/**
 * Export of IOCs as a STIX 2.1 bundle (OASIS STIX 2.1: bundle §8, indicator §4.7, relationship §5.1),
 * the third export beside CSV and JSON (lib/iocs/export.ts). One indicator per IOC; one threat-actor,
 * intrusion-set, campaign or malware object per distinct name across the export, each linked from its
 * indicators by an `indicates` relationship.
 *
 * The output depends on the IOCs alone, so two exports of the same IOCs are byte-identical and the
 * same IOC keeps its STIX id from one export to the next: ids are UUIDv5 (the uuid package) of the IOC's
 * uuid or of the object's name, in a namespace of our own (the Identifier type, §2.9, lets a producer use
 * UUIDv5 outside the namespace it reserves for cyber-observables). `now` is used only where an IOC's time
 * cannot be read.
 *
 * What STIX has no property for travels in custom properties (§11.1: `x_` prefix, a–z 0–9 `_`), so
 * that the extension's own importer reads it back (the list: docs/stix-export.md).
 */

import { v5 as uuidV5 } from 'uuid';
import { exportFileName } from '../iocs/export';
import type { Ioc, IocType } from '../s1/schemas';
import { isoToMicros } from '../s1/timestamps';

/** The UUIDv5 namespace of every id this extension derives; fixed forever, or ids change between versions. */
export const STIX_ID_NAMESPACE = 'a800188e-0223-45f8-a63e-bdfa7d926810';

/**
 * `created`/`modified` of the objects whose id comes from a name (identity, threat actor…): object
 * versioning keeps a given id's `created` in every version, and these objects never change, so one fixed time
 * keeps them identical in every export rather than moving with whichever IOCs a given export holds.
 */
export const NAMED_OBJECT_TIME = '1970-01-01T00:00:00.000Z';

/** `kill_chain_name` of the phases made from `mitreTactic` (the kill-chain-phase type, §2.11). */
export const MITRE_KILL_CHAIN = 'mitre-attack';

/** `source_name` of the external references that carry the IOC's `reference` entries. */
export const REFERENCE_SOURCE_NAME = 'reference';

/** `source_name` of the external reference carrying `externalId` when the IOC has no `source`. */
export const DEFAULT_EXTERNAL_SOURCE_NAME = 'sentinelone';

/**
 * The object path each IOC type is matched on (STIX Patterning, §9; hash names per the hash-algorithm-ov,
 * quoted where they hold a hyphen).
 */
export const PATTERN_PATHS: Readonly<Record<IocType, string>> = {
  MD5: 'file:hashes.MD5',
  SHA1: "file:hashes.'SHA-1'",
  SHA256: "file:hashes.'SHA-256'",
  DNS: 'domain-name:value',
  IPV4: 'ipv4-addr:value',
  IPV6: 'ipv6-addr:value',
  URL: 'url:value',
};

/** The custom properties an exported indicator may carry; the importer reads these back. */
export const X_PROPERTIES = {
  uuid: 'x_s1_uuid',
  source: 'x_s1_source',
  severity: 'x_s1_severity',
  category: 'x_s1_category',
  originalRiskScore: 'x_s1_original_risk_score',
  threatActorTypes: 'x_s1_threat_actor_types',
  mitreTactic: 'x_s1_mitre_tactic',
  creator: 'x_s1_creator',
  creationTime: 'x_s1_creation_time',
} as const;

/** The related objects, in the order they appear in the bundle, and the IOC field naming them. */
const RELATED = [
  { field: 'threatActors', type: 'threat-actor' },
  { field: 'intrusionSets', type: 'intrusion-set' },
  { field: 'campaignNames', type: 'campaign' },
  { field: 'malwareNames', type: 'malware' },
] as const satisfies readonly { field: keyof Ioc; type: string }[];
type RelatedType = (typeof RELATED)[number]['type'];

export type StixObject = { type: string; id: string } & Record<string, unknown>;
export interface StixBundle {
  type: 'bundle';
  id: string;
  /** Absent for an export of no IOCs: STIX forbids empty lists (§2.12). */
  objects?: StixObject[];
}

export interface StixExportOptions {
  /** The time an unreadable IOC time falls back to. */
  now: Date;
  /** When given, an `identity` of this name is the `created_by_ref` of every object. */
  identityName?: string;
}

/** A STIX string literal (§9, constants): `'` and `\` escaped by a backslash, inside single quotes. */
export function stixString(value: string): string {
  return `'${value.replace(/[\\']/g, (char) => `\\${char}`)}'`;
}

/** The comparison pattern matching an IOC of `type` with `value`. */
export function stixPattern(type: IocType, value: string): string {
  return `[${PATTERN_PATHS[type]} = ${stixString(value)}]`;
}

/** STIX id of `type` for `name`, the same in every export. */
function derivedId(type: string, name: string): string {
  return `${type}--${uuidV5(`${type}:${name}`, STIX_ID_NAMESPACE)}`;
}

/**
 * A short text standing for the object ids in order: their count and two 32-bit FNV-1a hashes over
 * them. Hashing the joined ids instead (15 MB for 100,000 IOCs) took seconds in uuid's v5, which
 * copies its whole input into a JS array first; this is one pass over the ids' characters.
 */
function idsFingerprint(objects: readonly StixObject[]): string {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (const object of objects) {
    const id = object.id;
    for (let i = 0; i < id.length; i++) {
      const code = id.charCodeAt(i);
      a = Math.imul(a ^ code, 0x01000193);
      b = Math.imul(b ^ code, 0x5bd1e995);
    }
    // The separator keeps ["ab", "c"] apart from ["a", "bc"].
    a = Math.imul(a ^ 0x0a, 0x01000193);
    b = Math.imul(b ^ 0x0a, 0x5bd1e995);
  }
  return `${objects.length}:${(a >>> 0).toString(16)}:${(b >>> 0).toString(16)}`;
}

/** Microseconds since the epoch of `iso`, or of `fallback` when `iso` is missing or unreadable. */
function micros(iso: string | null | undefined, fallback: number): number {
  const value = iso ? isoToMicros(iso) : Number.NaN;
  return Number.isFinite(value) ? value : fallback;
}

/** Timestamp (§2.15) to the millisecond (what `created` and `modified` require), UTC with `Z`. */
function msTime(value: number): string {
  return new Date(Math.floor(value / 1000)).toISOString();
}

/** Timestamp (§2.15) keeping the console's microseconds when there are any, so validity times survive exactly. */
function fullTime(value: number): string {
  const extra = ((value % 1000) + 1000) % 1000;
  const ms = msTime(value);
  return extra === 0 ? ms : `${ms.slice(0, -1)}${String(extra).padStart(3, '0')}Z`;
}

/** The non-empty strings of `list`, first occurrence kept (STIX forbids empty lists, §2.12). */
function cleanList(list: readonly string[] | null | undefined): string[] {
  return [...new Set((list ?? []).filter((item) => item.trim() !== ''))];
}

/** `Initial Access` → `initial-access`: kill-chain-phase names (§2.11) should be lower case with hyphens. */
function phaseName(tactic: string): string {
  return tactic.trim().toLowerCase().replace(/\s+/g, '-');
}

/** A reference that parses as an absolute URL goes in `url`, anything else in `description`. */
function referenceEntry(reference: string): Record<string, string> {
  return URL.canParse(reference)
    ? { source_name: REFERENCE_SOURCE_NAME, url: reference }
    : { source_name: REFERENCE_SOURCE_NAME, description: reference };
}

/** Sets `key` on `target` when `value` is a non-empty string, a non-empty list or a number. */
function put(target: Record<string, unknown>, key: string, value: unknown): void {
  if (value == null || value === '' || (Array.isArray(value) && value.length === 0)) return;
  target[key] = value;
}

function indicatorOf(ioc: Ioc, nowMicros: number, createdBy: string | undefined): StixObject {
  const created = micros(ioc.uploadTime, nowMicros);
  const modified = Math.max(created, micros(ioc.updatedAt, created));
  // valid_from: when the source says the IOC began (creationTime), else when it reached the console.
  let validFrom = micros(ioc.creationTime, created);
  const validUntil = ioc.validUntil ? micros(ioc.validUntil, Number.NaN) : Number.NaN;
  // §4.7: valid_until MUST be later than valid_from. An IOC that expired before its source's time
  // keeps its expiry (what the importer reads back) and starts a millisecond earlier; its own start
  // goes in x_s1_creation_time.
  const moved = Number.isFinite(validUntil) && validUntil <= validFrom;
  if (moved) validFrom = validUntil - 1000;

  const indicator: StixObject = {
    type: 'indicator',
    spec_version: '2.1',
    id: `indicator--${uuidV5(`indicator:${ioc.uuid}`, STIX_ID_NAMESPACE)}`,
  };
  put(indicator, 'created_by_ref', createdBy);
  indicator.created = msTime(created);
  indicator.modified = msTime(modified);
  put(indicator, 'name', ioc.name);
  put(indicator, 'description', ioc.description);
  indicator.indicator_types = ['malicious-activity'];
  indicator.pattern = stixPattern(ioc.type, ioc.value);
  indicator.pattern_type = 'stix';
  indicator.valid_from = fullTime(validFrom);
  if (Number.isFinite(validUntil)) indicator.valid_until = fullTime(validUntil);
  const tactics = cleanList(ioc.mitreTactic);
  put(
    indicator,
    'kill_chain_phases',
    [...new Set(tactics.map(phaseName))].map((phase) => ({
      kill_chain_name: MITRE_KILL_CHAIN,
      phase_name: phase,
    })),
  );
  put(indicator, 'labels', cleanList(ioc.labels));
  const references = [
    ...(ioc.externalId
      ? [{ source_name: ioc.source || DEFAULT_EXTERNAL_SOURCE_NAME, external_id: ioc.externalId }]
      : []),
    ...cleanList(ioc.reference).map(referenceEntry),
  ];
  put(indicator, 'external_references', references);
  put(indicator, X_PROPERTIES.uuid, ioc.uuid);
  put(indicator, X_PROPERTIES.source, ioc.source);
  put(indicator, X_PROPERTIES.severity, ioc.severity);
  put(indicator, X_PROPERTIES.category, cleanList(ioc.category));
  put(indicator, X_PROPERTIES.originalRiskScore, ioc.originalRiskScore);
  put(indicator, X_PROPERTIES.threatActorTypes, cleanList(ioc.threatActorTypes));
  // The tactics as the console wrote them: kill_chain_phases holds them lower-cased and hyphenated.
  put(indicator, X_PROPERTIES.mitreTactic, tactics);
  put(indicator, X_PROPERTIES.creator, ioc.creator);
  if (moved && ioc.creationTime) indicator[X_PROPERTIES.creationTime] = ioc.creationTime;
  return indicator;
}

function relatedObject(type: RelatedType, name: string, createdBy: string | undefined): StixObject {
  const object: StixObject = { type, spec_version: '2.1', id: derivedId(type, name) };
  put(object, 'created_by_ref', createdBy);
  object.created = NAMED_OBJECT_TIME;
  object.modified = NAMED_OBJECT_TIME;
  object.name = name;
  // §4.11: a malware name from the console names a family, not one sample.
  if (type === 'malware') object.is_family = true;
  return object;
}

/**
 * The STIX 2.1 bundle of `iocs`: the identity (when `identityName` is given), the indicators in the
 * order of `iocs`, the threat actors, intrusion sets, campaigns and malware in order of first mention,
 * then the relationships. An IOC listed twice (same uuid) is exported once.
 */
export function exportStixBundle(iocs: readonly Ioc[], options: StixExportOptions): StixBundle {
  const nowMs = options.now.getTime();
  const nowMicros = Number.isFinite(nowMs) ? nowMs * 1000 : 0;
  const identityName = options.identityName?.trim();
  const identity: StixObject | undefined = identityName
    ? {
        type: 'identity',
        spec_version: '2.1',
        id: derivedId('identity', identityName),
        created: NAMED_OBJECT_TIME,
        modified: NAMED_OBJECT_TIME,
        name: identityName,
        identity_class: 'organization',
      }
    : undefined;
  const createdBy = identity?.id;

  const indicators: StixObject[] = [];
  const related = new Map<RelatedType, Map<string, StixObject>>(RELATED.map(({ type }) => [type, new Map()]));
  const relationships: StixObject[] = [];
  const seen = new Set<string>();
  for (const ioc of iocs) {
    if (seen.has(ioc.uuid)) continue;
    seen.add(ioc.uuid);
    const indicator = indicatorOf(ioc, nowMicros, createdBy);
    indicators.push(indicator);
    for (const { field, type } of RELATED) {
      const objects = related.get(type) ?? new Map<string, StixObject>();
      for (const name of cleanList(ioc[field])) {
        let target = objects.get(name);
        if (!target) {
          target = relatedObject(type, name, createdBy);
          objects.set(name, target);
        }
        const relationship: StixObject = {
          type: 'relationship',
          spec_version: '2.1',
          id: derivedId('relationship', `indicates:${indicator.id}:${target.id}`),
        };
        put(relationship, 'created_by_ref', createdBy);
        // The link is as old as the indicator and, like it, never edited apart from it.
        relationship.created = indicator.created;
        relationship.modified = indicator.created;
        relationship.relationship_type = 'indicates';
        relationship.source_ref = indicator.id;
        relationship.target_ref = target.id;
        relationships.push(relationship);
      }
    }
  }

  // The identity is there as the creator of the rest: alone it would say nothing.
  const objects = [
    ...(identity && indicators.length > 0 ? [identity] : []),
    ...indicators,
    ...RELATED.flatMap(({ type }) => [...(related.get(type)?.values() ?? [])]),
    ...relationships,
  ];
  const bundleId = derivedId('bundle', idsFingerprint(objects));
  return objects.length > 0 ? { type: 'bundle', id: bundleId, objects } : { type: 'bundle', id: bundleId };
}

/** `s1-iocs-2026-11-27T1200Z-2345.stix.json`: named like the CSV and JSON exports. */
export function stixExportFileName(now: Date, count: number): string {
  return exportFileName('json', now, count).replace(/\.json$/, '.stix.json');
}
