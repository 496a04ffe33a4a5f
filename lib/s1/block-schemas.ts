/**
 * zod schemas for the two SentinelOne features that block rather than detect (docs/blocking-api.md: the Blocklist,
 * `restrictions`, and Firewall Control, `firewall-control`). Loose objects, as for IOCs: the console
 * adds fields between releases and the detail view shows an item as the console returned it.
 */
import { z } from 'zod';
import { PaginationSchema } from './schemas';

export { OS_LABELS, OS_TYPES, type OsType } from '../../config/os-types';

const timestamp = z.string().min(1);

/** One Blocklist item: one hash on one OS. SHA1 in `value`, SHA256 in `sha256Value` (either or both). */
export const BlocklistItemSchema = z.looseObject({
  id: z.string().min(1),
  type: z.string(),
  osType: z.string(),
  value: z.string().nullish(),
  sha256Value: z.string().nullish(),
  description: z.string().nullish(),
  source: z.string().nullish(),
  scope: z.looseObject({}).nullish(),
  scopeName: z.string().nullish(),
  scopePath: z.string().nullish(),
  userId: z.string().nullish(),
  userName: z.string().nullish(),
  notRecommended: z.string().nullish(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type BlocklistItem = z.infer<typeof BlocklistItemSchema>;

export const BlocklistPageSchema = z.looseObject({
  data: z.array(BlocklistItemSchema),
  pagination: PaginationSchema.optional(),
});
export type BlocklistPage = z.infer<typeof BlocklistPageSchema>;

/** POST restrictions answers a list holding the one item created. */
export const BlocklistCreateResponseSchema = z.looseObject({ data: z.array(BlocklistItemSchema).min(1) });

/**
 * POST restrictions/validate: `status` is `NONE`, `Not recommended`, `Not allowed` (a system file, for
 * example), or a duplicate marker (`duplicated_value_sha1`, `…_sha256`, `…_sha1_sha256`, `Duplication`)
 * when the hash is already listed; `details` may say why (docs/blocking-api.md).
 */
export const HashValidateResponseSchema = z.looseObject({
  data: z.looseObject({
    status: z.string().nullish(),
    details: z.array(z.looseObject({ field: z.string().nullish(), error: z.string().nullish() })).nullish(),
  }),
});
export type HashValidation = z.infer<typeof HashValidateResponseSchema>['data'];

export const RemoteHostSchema = z.looseObject({
  type: z.string(),
  values: z.array(z.string()),
});

/** One Firewall Control rule. The extension reads back only the rules it made (see firewall-rules.ts). */
export const FirewallRuleSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string(),
  description: z.string().nullish(),
  action: z.string().nullish(),
  status: z.string().nullish(),
  direction: z.string().nullish(),
  osTypes: z.array(z.string()).nullish(),
  remoteHosts: z.array(RemoteHostSchema).nullish(),
  scope: z.string().nullish(),
  scopeId: z.string().nullish(),
  creator: z.string().nullish(),
  createdAt: timestamp.nullish(),
  updatedAt: timestamp.nullish(),
});
export type FirewallRule = z.infer<typeof FirewallRuleSchema>;

export const FirewallPageSchema = z.looseObject({
  data: z.array(FirewallRuleSchema),
  pagination: PaginationSchema.optional(),
});
export type FirewallPage = z.infer<typeof FirewallPageSchema>;

export const FirewallCreateResponseSchema = z.looseObject({
  data: z.union([FirewallRuleSchema, z.array(FirewallRuleSchema).min(1)]),
});
