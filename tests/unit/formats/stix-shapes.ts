/**
 * zod schemas of the STIX 2.1 objects the export emits, written from the OASIS STIX 2.1 specification
 * (identifier §2.9, timestamp §2.15, common properties §3.2, indicator §4.7, malware §4.11,
 * threat-actor §4.16, campaign, intrusion-set, identity, relationship §5.1, bundle §8, custom
 * properties §11.1). Strict: a property the spec does not define for the type, or a custom property
 * we do not document, fails the test.
 */
import { z } from 'zod';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}';
export const stixId = (type: string) => z.string().regex(new RegExp(`^${type}--${UUID}$`));
const anyId = z.string().regex(new RegExp(`^[a-z0-9-]+--${UUID}$`));
/** §2.15: RFC 3339, UTC with `Z`; §3.2: created and modified exactly to the millisecond. */
const timestamp = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
const msTimestamp = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
/** §2.12: lists are never empty; §2.14: we never emit empty strings. */
const text = z.string().min(1);
const list = <T extends z.ZodType>(item: T) => z.array(item).min(1);

const common = (type: string) => ({
  type: z.literal(type),
  spec_version: z.literal('2.1'),
  id: stixId(type),
  created_by_ref: stixId('identity').optional(),
  created: msTimestamp,
  modified: msTimestamp,
});

const externalReference = z
  .strictObject({
    source_name: text,
    description: text.optional(),
    url: z.url().optional(),
    external_id: text.optional(),
  })
  // §2.6: at least one of description, url, external_id.
  .refine((ref) => ref.description ?? ref.url ?? ref.external_id, 'needs description, url or external_id');

export const IndicatorShape = z.strictObject({
  ...common('indicator'),
  name: text.optional(),
  description: text.optional(),
  indicator_types: list(z.literal('malicious-activity')),
  pattern: text,
  pattern_type: z.literal('stix'),
  valid_from: timestamp,
  valid_until: timestamp.optional(),
  kill_chain_phases: list(
    z.strictObject({
      kill_chain_name: z.literal('mitre-attack'),
      phase_name: z.string().regex(/^[a-z0-9-]+$/),
    }),
  ).optional(),
  labels: list(text).optional(),
  external_references: list(externalReference).optional(),
  x_s1_uuid: text,
  x_s1_source: text.optional(),
  x_s1_severity: z.number().int().optional(),
  x_s1_category: list(text).optional(),
  x_s1_original_risk_score: z.number().int().optional(),
  x_s1_threat_actor_types: list(text).optional(),
  x_s1_mitre_tactic: list(text).optional(),
  x_s1_creator: text.optional(),
  x_s1_creation_time: text.optional(),
});

const named = (type: string) => z.strictObject({ ...common(type), name: text });
export const ThreatActorShape = named('threat-actor');
export const IntrusionSetShape = named('intrusion-set');
export const CampaignShape = named('campaign');
export const MalwareShape = z.strictObject({ ...common('malware'), name: text, is_family: z.literal(true) });
export const IdentityShape = z.strictObject({
  ...common('identity'),
  name: text,
  identity_class: z.literal('organization'),
});
export const RelationshipShape = z.strictObject({
  ...common('relationship'),
  relationship_type: z.literal('indicates'),
  source_ref: stixId('indicator'),
  target_ref: z.union(['threat-actor', 'intrusion-set', 'campaign', 'malware'].map((type) => stixId(type))),
});

export const StixObjectShape = z.discriminatedUnion('type', [
  IndicatorShape,
  ThreatActorShape,
  IntrusionSetShape,
  CampaignShape,
  MalwareShape,
  IdentityShape,
  RelationshipShape,
]);

/** §8: a bundle has no spec_version, and its objects list is absent rather than empty. */
export const BundleShape = z.strictObject({
  type: z.literal('bundle'),
  id: stixId('bundle'),
  objects: list(z.looseObject({ type: z.string(), id: anyId })).optional(),
});

/** §11.1: custom property names. */
export const CUSTOM_PROPERTY = /^x_[a-z0-9_]{1,248}$/;
