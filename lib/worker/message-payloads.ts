/**
 * The worker's check of every message payload (lib/messages.ts): one zod schema per message, so that
 * whatever reaches a handler has the shape its type promises, whoever sent it. Worker-only: the UI
 * bundles import messages.ts alone and never pay for these schemas.
 *
 * Schemas are tight on shape (known fields, their types, enums) but leave value rules to the
 * handlers, which explain them better: checkedDrafts validates each IOC value, renewRulesById the
 * days and ids, the connection check the console URL. Unknown fields are dropped, not refused, so a
 * page one release ahead still works; nothing the product's own pages send is refused.
 */
import type { GetDataType } from '@webext-core/messaging';
import { z } from 'zod';
import { OS_TYPES } from '../../config/os-types';
import type { RowActionRequest, UnblockTargets } from '../blocks/actions';
import type { RenewRulesRequest } from '../blocks/renew-rules';
import type { ConsoleProbe, Protocol } from '../messages';
import { PROFILE_ID_PATTERN } from '../profiles/profile-list';
import { IocDraftSchema, type IocRef, IocSchema } from '../s1/schemas';

/**
 * At most this many items per list: the most IOCs the API holds per scope, so that "select all" on
 * a full cache is never refused, while a page cannot make the worker walk an unbounded list.
 */
export const MAX_LIST_ITEMS = 1_000_000;

const list = <T extends z.ZodType>(item: T) => z.array(item).max(MAX_LIST_ITEMS);
const id = z.string().min(1);

const ConsoleProbeSchema = z.object({
  consoleUrl: z.string(),
  apiToken: z.string().optional(),
}) satisfies z.ZodType<ConsoleProbe>;

const IocRefSchema = z.object({
  uuid: IocSchema.shape.uuid,
  value: IocSchema.shape.value,
  type: IocSchema.shape.type,
}) satisfies z.ZodType<IocRef>;

const RowActionRequestSchema = z.object({
  draft: IocDraftSchema,
  detect: z.boolean(),
  blockExecution: z
    .object({ osTypes: z.array(z.enum(OS_TYPES)).max(OS_TYPES.length), allowNotRecommended: z.boolean() })
    .optional(),
  blockNetwork: z.boolean().optional(),
}) satisfies z.ZodType<RowActionRequest>;

const UnblockTargetsSchema = z.object({
  blocklistIds: list(id).optional(),
  firewallRuleIds: list(id).optional(),
}) satisfies z.ZodType<UnblockTargets>;

/** Shape only: checkRenewRequest (renew-rules.ts) says what is wrong with the ids and days. */
const RenewRulesRequestSchema = z.object({
  ruleIds: list(z.string()),
  days: z.number(),
}) satisfies z.ZodType<RenewRulesRequest>;

type PayloadSchemas = { [K in keyof Protocol]: z.ZodType<GetDataType<Protocol[K]>> };

/** One schema per message of the Protocol; a message added there fails to compile until it has one. */
export const PAYLOAD_SCHEMAS: PayloadSchemas = {
  testConnection: ConsoleProbeSchema.extend({
    accountId: z.string(),
    siteId: z.string().optional(),
  }).optional(),
  listScopes: ConsoleProbeSchema,
  deleteIocs: list(IocRefSchema),
  submitIocs: list(IocDraftSchema),
  applyActions: list(RowActionRequestSchema),
  unblock: UnblockTargetsSchema,
  renewFirewallRules: RenewRulesRequestSchema,
  updateIoc: z.object({ previous: IocSchema, draft: IocDraftSchema }),
  syncNow: z.object({ full: z.boolean().optional() }).optional(),
  wake: z.undefined(),
  removeProfile: z.undefined(),
};

/** The profile a message names: an id of the form the list gives (profile-list.ts). */
export const ProfileIdSchema = z.string().regex(PROFILE_ID_PATTERN, 'not a profile id');

/**
 * The payload as its schema reads it, or an error naming the message and the first problem's path.
 * The error holds no value from the payload: it is logged, and a payload may carry a token.
 */
export function parsePayload<T>(name: string, schema: z.ZodType<T>, data: unknown): T {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const path = issue?.path.length ? issue.path.join('.') : 'payload';
  throw new Error(`Refused a malformed ${name} request (${path}: ${issue?.message ?? 'invalid'}).`);
}
