/**
 * What the scope's Threat Intelligence user-config said at the last sync, kept in the sync status so
 * that pages can answer "will this IOC raise a threat?" (lib/iocs/will-it-fire.ts) without asking the
 * console (docs/sentinelone-api.md#ti-user-config-will-it-fire).
 *
 * Kept small, since the status is written out on every published change and wakes every open page:
 * the folded settings only (no raw entries), and at most FIRE_EXCLUDED_CAP of the excluded values,
 * with the console's total beside them so a reader knows when the list was cut.
 */
import { z } from 'zod';
import type { UserConfigOutcome } from '../s1/user-config-calls';
import { errorText } from '../text/error-text';

/** Exclusion lists are for a scope's false positives, so tens of values; a longer one is cut here. */
export const FIRE_EXCLUDED_CAP = 500;

export const FireStatusSchema = z.discriminatedUnion('state', [
  z.object({
    state: z.literal('known'),
    /** The cache owner (sync-engine.ts accountKeyOf) the settings are about. */
    accountKey: z.string(),
    disableThreat: z.boolean(),
    /** The first FIRE_EXCLUDED_CAP excluded values, as the console listed them. */
    excludeTii: z.array(z.string()),
    /** How many values the console excludes (more than `excludeTii` holds when it was cut). */
    excludeTiiTotal: z.number().int().nonnegative(),
    threatMinScore: z.number().nullable(),
  }),
  z.object({
    state: z.literal('unknown'),
    accountKey: z.string(),
    /** forbidden / not-found: the console would not say (403 / 404); failed: the request failed. */
    reason: z.enum(['forbidden', 'not-found', 'failed']),
    /** The console's or the request's own words, for a tooltip or the log. */
    message: z.string(),
  }),
]);
export type FireStatus = z.infer<typeof FireStatusSchema>;

/** The status field for a user-config answer. */
export function fireStatusOf(outcome: UserConfigOutcome, accountKey: string): FireStatus {
  if (outcome.status === 'unavailable')
    return { state: 'unknown', accountKey, reason: outcome.reason, message: outcome.message };
  const { disableThreat, excludeTii, threatMinScore } = outcome.config;
  return {
    state: 'known',
    accountKey,
    disableThreat,
    excludeTii: excludeTii.slice(0, FIRE_EXCLUDED_CAP),
    excludeTiiTotal: excludeTii.length,
    threatMinScore,
  };
}

/** The status field when the user-config request failed (network, 5xx after retries, a 401). */
export function fireFailure(error: unknown, accountKey: string): FireStatus {
  return { state: 'unknown', accountKey, reason: 'failed', message: errorText(error) };
}

/**
 * The field of a stored status, or null: absent (a status saved before the field existed, or no sync
 * has read it yet), malformed, or about another console, account or site than the status is.
 */
export function storedFireStatus(status: { fire?: unknown; accountKey?: string | null } | undefined) {
  const parsed = FireStatusSchema.safeParse(status?.fire);
  if (!parsed.success || parsed.data.accountKey !== status?.accountKey) return null;
  return parsed.data;
}
