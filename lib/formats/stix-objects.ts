/**
 * The STIX 2.1 objects the import reads (the STIX 2.1 specification's sections on the Indicator,
 * Relationship, Campaign, Intrusion Set, Malware and Threat Actor objects and on the Bundle),
 * checked with zod.
 * Only the properties the import uses are checked; every other property, the `x_…` ones of
 * OpenCTI included, passes through unread. Where a file breaks, zod-errors.ts names the place as a
 * path into the file: `objects[3].pattern`.
 */
import { z } from 'zod';

/**
 * A STIX timestamp (`2026-01-31T12:00:00.000Z`); producers' offsets (`+02:00`) are read too. More
 * than three fraction digits are cut, since Date.parse reads milliseconds at most.
 */
export function stixTime(text: string): Date | null {
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:\d\d)$/i.test(text)) return null;
  const ms = Date.parse(text.replace(/(\.\d{3})\d+/, '$1'));
  return Number.isNaN(ms) ? null : new Date(ms);
}

const timestamp = z.string().refine((text) => stixTime(text) !== null, {
  message: 'is not a timestamp such as 2026-01-31T12:00:00Z',
});

/** Any STIX object: the import indexes every one by id to resolve relationships. */
export const StixObjectSchema = z.looseObject({
  type: z.string().min(1),
  id: z.string().min(1),
});

export const IndicatorSchema = z.looseObject({
  type: z.literal('indicator'),
  id: z.string().startsWith('indicator--', 'must start with "indicator--"'),
  name: z.string().optional(),
  description: z.string().optional(),
  pattern: z.string(),
  /** Required by STIX 2.1; STIX 2.0 had no such property and only STIX patterns, hence the default. */
  pattern_type: z.string().default('stix'),
  valid_until: timestamp.optional(),
  labels: z.array(z.string()).optional(),
  indicator_types: z.array(z.string()).optional(),
  confidence: z.number().int().min(0).max(100).optional(),
  revoked: z.boolean().optional(),
  external_references: z
    .array(
      z.looseObject({
        source_name: z.string(),
        url: z.string().optional(),
        description: z.string().optional(),
        external_id: z.string().optional(),
      }),
    )
    .optional(),
  kill_chain_phases: z
    .array(z.looseObject({ kill_chain_name: z.string(), phase_name: z.string() }))
    .optional(),
  // What STIX has no property for, as the extension's own export writes it (docs/stix-export.md).
  /** Written on every indicator of the extension's export: its presence says the x_s1_ fields are ours. */
  x_s1_uuid: z.string().optional(),
  x_s1_severity: z.number().int().min(0).max(7).optional(),
  x_s1_category: z.array(z.string()).optional(),
  x_s1_mitre_tactic: z.array(z.string()).optional(),
});
export type StixIndicator = z.infer<typeof IndicatorSchema>;

export const RelationshipSchema = z.looseObject({
  type: z.literal('relationship'),
  id: z.string(),
  relationship_type: z.string(),
  source_ref: z.string(),
  target_ref: z.string(),
});
export type StixRelationship = z.infer<typeof RelationshipSchema>;

/** The object types whose names fill an IOC's context fields. */
export const CONTEXT_TYPES = ['threat-actor', 'malware', 'campaign', 'intrusion-set'] as const;
export type ContextType = (typeof CONTEXT_TYPES)[number];

export const NamedObjectSchema = z.looseObject({
  type: z.enum(CONTEXT_TYPES),
  id: z.string(),
  name: z.string().min(1),
});
export type StixNamedObject = z.infer<typeof NamedObjectSchema>;

export const BundleSchema = z.looseObject({
  type: z.literal('bundle'),
  // STIX says `bundle--<uuid>`; OpenCTI's playbooks also pass a bare UUID, so any id is read.
  id: z.string(),
  /** Optional in the specification; an empty bundle is refused later for holding no indicator. */
  objects: z.array(z.unknown()).default([]),
});
