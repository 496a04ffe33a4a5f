/**
 * The parts of a MISP event export (the MISP core format, draft-dulaunoy-misp-core-format) that the
 * import reads, as zod schemas. Only what the import uses is checked; every other key passes through
 * unread, so an export from a newer MISP with more keys still imports. MISP writes most numbers and
 * some booleans as strings (`"threat_level_id": "1"`, `"to_ids": "1"` in older exports), so those
 * accept both spellings.
 */
import { z } from 'zod';

/** `true`, `false`, or MISP's older `"1"`/`"0"`, `1`/`0`. */
const MispBoolean = z
  .union([z.boolean(), z.enum(['0', '1']), z.literal([0, 1])], { error: 'expected true or false' })
  .transform((v) => v === true || v === '1' || v === 1);

/** A number MISP may write as a string (`"1517581400"`). */
const MispNumber = z
  .union([z.number(), z.string().regex(/^\d+(\.\d+)?$/, 'expected a number')], { error: 'expected a number' })
  .transform(Number);

const TagSchema = z.object({ name: z.string() });

const GalaxyClusterSchema = z.object({
  type: z.string().optional(),
  value: z.string(),
});

const GalaxySchema = z.object({
  type: z.string().optional(),
  name: z.string().optional(),
  GalaxyCluster: z.array(GalaxyClusterSchema).optional(),
});

/** Sighting types of the core format: 0 seen, 1 false positive, 2 expiration, 3 true positive. */
const SightingSchema = z.object({
  type: MispNumber.optional(),
  date_sighting: MispNumber.optional(),
});

export const AttributeSchema = z.object({
  type: z.string().min(1, 'the attribute type is empty'),
  // A number is kept as text: MISP writes every value as a string, but hand-written files may not.
  value: z.union([z.string(), z.number().transform(String)], {
    error: (issue) => (issue.input === undefined ? 'missing (expected a string)' : 'expected a string'),
  }),
  category: z.string().optional(),
  to_ids: MispBoolean.optional(),
  deleted: MispBoolean.optional(),
  uuid: z.string().optional(),
  comment: z.string().nullish(),
  Tag: z.array(TagSchema).optional(),
  Galaxy: z.array(GalaxySchema).optional(),
  Sighting: z.array(SightingSchema).optional(),
});
export type MispAttribute = z.output<typeof AttributeSchema>;

export const ObjectSchema = z.object({
  name: z.string().optional(),
  comment: z.string().nullish(),
  deleted: MispBoolean.optional(),
  uuid: z.string().optional(),
  Attribute: z.array(AttributeSchema).optional(),
});
export type MispObject = z.output<typeof ObjectSchema>;

export const EventSchema = z.object({
  info: z.string(),
  uuid: z.string().optional(),
  threat_level_id: z
    .union([z.enum(['1', '2', '3', '4']), z.literal([1, 2, 3, 4])], { error: 'expected "1" to "4"' })
    .optional(),
  Tag: z.array(TagSchema).optional(),
  Galaxy: z.array(GalaxySchema).optional(),
  Attribute: z.array(AttributeSchema).optional(),
  Object: z.array(ObjectSchema).optional(),
});
export type MispEvent = z.output<typeof EventSchema>;
export type MispGalaxy = z.output<typeof GalaxySchema>;

/** `{"Event": {…}}`: how MISP wraps each event, alone (`/events/view`) or in a list. */
export const WrappedEventSchema = z.object({ Event: EventSchema });
/** `{"response": [{"Event": …}, …]}`: the answer of MISP's `/events/restSearch`. */
export const ResponseSchema = z.object({ response: z.array(WrappedEventSchema) });
export const EventListSchema = z.array(WrappedEventSchema);
