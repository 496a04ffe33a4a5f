/**
 * zod schemas for every SentinelOne response the extension reads (docs/sentinelone-api.md, from
 * Listing IOCs to Other endpoints).
 * Objects are loose: unknown fields are kept, because the console adds fields between releases and
 * the detail view shows the IOC exactly as the console returned it. Fields the API documents as
 * nullable are nullable; fields absent from some responses (externalId, nextCursor) are optional.
 */
import { z } from 'zod';
import { IOC_TYPES, type IocType } from '../../config/ioc-types';

export { IOC_TYPES, type IocType };
export const IocTypeSchema = z.enum(IOC_TYPES);

const timestamp = z.string().min(1);
const stringList = z.array(z.string());

export const IocSchema = z.looseObject({
  uuid: z.string().min(1),
  value: z.string(),
  type: IocTypeSchema,
  source: z.string(),
  method: z.string(),
  name: z.string().nullish(),
  description: z.string().nullish(),
  externalId: z.string().nullish(),
  creator: z.string().nullish(),
  metadata: z.string().nullish(),
  validUntil: timestamp.nullish(),
  creationTime: timestamp.nullish(),
  uploadTime: timestamp,
  updatedAt: timestamp,
  batchId: z.string().nullish(),
  scope: z.string().nullish(),
  // A string in the sample; some versions may send a list (docs/sentinelone-api.md#the-ioc-object,
  // UNCONFIRMED).
  scopeId: z.union([z.string(), z.array(z.string())]).nullish(),
  parentScopeId: z.string().nullish(),
  category: stringList.nullish(),
  reference: stringList.nullish(),
  intrusionSets: stringList.nullish(),
  threatActors: stringList.nullish(),
  mitreTactic: stringList.nullish(),
  labels: stringList.nullish(),
  malwareNames: stringList.nullish(),
  threatActorTypes: stringList.nullish(),
  campaignNames: stringList.nullish(),
  severity: z.number().int().nullish(),
  originalRiskScore: z.number().int().nullish(),
  pattern: z.string().nullish(),
  patternType: z.string().nullish(),
});
export type Ioc = z.infer<typeof IocSchema>;
/** What names one cached IOC: its uuid, and the value (and type) the cache finds it by. */
export type IocRef = Pick<Ioc, 'uuid' | 'value' | 'type'>;
/** The reference alone, so that a message carries three fields rather than the whole IOC. */
export const refOf = ({ uuid, value, type }: IocRef): IocRef => ({ uuid, value, type });

/**
 * `nextCursor` may be missing on the last page (docs/sentinelone-api.md#response-envelope-and-cursors):
 * treat it like null.
 */
export const PaginationSchema = z.looseObject({
  nextCursor: z.string().nullish(),
  totalItems: z.number().int().nonnegative().nullish(),
});

const pageOf = <T extends z.ZodType>(item: T) =>
  z.looseObject({ data: z.array(item), pagination: PaginationSchema.optional() });

export const IocPageSchema = pageOf(IocSchema);
export type IocPage = z.infer<typeof IocPageSchema>;

/**
 * POST answers one IOC per input item and no pagination
 * (docs/sentinelone-api.md#batch-size-refused-items-and-limits).
 */
export const IocCreateResponseSchema = z.looseObject({ data: z.array(IocSchema) });

export const DeleteResponseSchema = z.looseObject({
  data: z.looseObject({ affected: z.number().int().nonnegative() }),
});

export const ErrorBodySchema = z.looseObject({
  errors: z
    .array(
      z.looseObject({
        code: z.number().int().nullish(),
        detail: z.string().nullish(),
        title: z.string().nullish(),
      }),
    )
    .min(1),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

export const UserSchema = z.looseObject({
  id: z.string(),
  email: z.string().nullish(),
  fullName: z.string().nullish(),
  scope: z.string().nullish(),
  // The role per account or site the user holds; its shape is UNCONFIRMED, so a roleName that is not
  // a string is dropped rather than failing the whole answer.
  scopeRoles: z
    .array(z.looseObject({ id: z.unknown(), roleName: z.string().nullish().catch(null) }))
    .nullish(),
  apiToken: z.looseObject({ createdAt: timestamp.nullish(), expiresAt: timestamp.nullish() }).nullish(),
  canGenerateApiToken: z.boolean().nullish(),
  account: z.looseObject({ id: z.string(), name: z.string().nullish() }).nullish(),
});
export type User = z.infer<typeof UserSchema>;
export const UserResponseSchema = z.looseObject({ data: UserSchema });

export const AccountSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  accountType: z.string().nullish(),
  state: z.string().nullish(),
  createdAt: timestamp.nullish(),
  updatedAt: timestamp.nullish(),
  expiration: timestamp.nullish(),
  numberOfSites: z.number().int().nullish(),
  activeAgents: z.number().int().nullish(),
});
export type Account = z.infer<typeof AccountSchema>;
export const AccountsPageSchema = pageOf(AccountSchema);

/** One site of `GET /sites`, for a site token's picker. */
export const SiteSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  accountId: z.string().nullish(),
  accountName: z.string().nullish(),
  state: z.string().nullish(),
  siteType: z.string().nullish(),
});
export type Site = z.infer<typeof SiteSchema>;
/**
 * `GET /sites` nests its list: `{data: {allSites: {…totals}, sites: [...]}, pagination}`
 * (docs/sentinelone-api.md#scopes-and-tenants); what `allSites` holds is not read.
 */
export const SitesPageSchema = z.looseObject({
  data: z.looseObject({ sites: z.array(SiteSchema) }),
  pagination: z.looseObject({ nextCursor: z.string().nullish(), totalItems: z.number().nullish() }).nullish(),
});

export const SystemInfoResponseSchema = z.looseObject({
  data: z.looseObject({
    release: z.string().nullish(),
    version: z.string().nullish(),
    build: z.string().nullish(),
    patch: z.string().nullish(),
    latestAgentVersion: z.string().nullish(),
  }),
});

/**
 * What the extension sends for one IOC on POST (docs/sentinelone-api.md#item-fields); `validUntil` is
 * UTC ISO with `Z` (docs/sentinelone-api.md#validuntil-defaults-and-clamping).
 */
export const IocDraftSchema = z.object({
  type: IocTypeSchema,
  value: z.string().min(1),
  source: z.string().min(1),
  method: z.literal('EQUALS'),
  name: z.string().optional(),
  description: z.string().optional(),
  externalId: z.string().optional(),
  creator: z.string().optional(),
  validUntil: z.string().optional(),
  originalRiskScore: z.number().int().min(0).max(100).optional(),
  // The context fields (docs/sentinelone-api.md#the-ioc-object): optional, sent only when set; an
  // empty list is sent, and on an upsert it clears the field.
  severity: z.number().int().min(0).max(7).optional(),
  labels: stringList.optional(),
  category: stringList.optional(),
  threatActors: stringList.optional(),
  malwareNames: stringList.optional(),
  campaignNames: stringList.optional(),
  mitreTactic: stringList.optional(),
  intrusionSets: stringList.optional(),
  reference: stringList.optional(),
});
export type IocDraft = z.infer<typeof IocDraftSchema>;

/**
 * One scope's Threat Intelligence user-config: whether an IOC match there raises a threat at all
 * (docs/sentinelone-api.md#ti-user-config-will-it-fire). Every field is optional: the published schema
 * marks most of them so, and a field we cannot read must not hide the others.
 */
export const UserConfigEntrySchema = z.looseObject({
  scopeId: z.string().nullish(),
  scopeLevel: z.string().nullish(),
  disableThreat: z.boolean().nullish(),
  excludeTii: stringList.nullish(),
  threatMinScore: z.number().nullish(),
  enableXdrMatching: z.boolean().nullish(),
  description: z.string().nullish(),
  createdAt: timestamp.nullish(),
  updatedAt: timestamp.nullish(),
});
export type UserConfigEntry = z.infer<typeof UserConfigEntrySchema>;
/**
 * The published schema lists the entries (`data: [...]`, one per configured scope, no pagination); a
 * single object is accepted too, since no real answer has been seen (UNCONFIRMED).
 */
export const UserConfigResponseSchema = z.looseObject({
  data: z.union([z.array(UserConfigEntrySchema), UserConfigEntrySchema]).nullish(),
});
