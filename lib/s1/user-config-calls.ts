/**
 * The client's read of the scope's Threat Intelligence user-config, the "will it fire?" question
 * (docs/sentinelone-api.md#ti-user-config-will-it-fire): when `disableThreat` is set, or a value is in
 * `excludeTii`, an IOC is stored but never raises a threat.
 *
 * The answer is advice, not something a sync depends on, so a console that will not give it is an
 * outcome rather than a failure: a 403 (a token without the permission) or a 404 (a console without
 * the endpoint) comes back as `{status: 'unavailable'}`, which a sync records and otherwise ignores.
 * Everything else (401, a token spanning several accounts, 5xx after retries, network) throws the
 * usual S1Error, as the IOC calls that the same sync makes would.
 */
import { S1Error } from './errors';
import type { S1Http } from './http';
import { type UserConfigEntry, UserConfigResponseSchema } from './schemas';
import { type Scope, type ScopeFilter, scopeFilter } from './scope';

const USER_CONFIG = 'threat-intelligence/user-config';

/** The settings that decide whether an IOC match raises a threat, over every entry the console listed. */
export interface UserConfig {
  /** True when any listed entry disables threats from TI indicators. */
  disableThreat: boolean;
  /** Every listed entry's excluded values, first seen first, without repeats. */
  excludeTii: string[];
  /** The highest minimum score listed, or null when none is. */
  threatMinScore: number | null;
  /** True or false when an entry says so (any true wins); null when none does. */
  enableXdrMatching: boolean | null;
  /** The level of the first entry (`account`, `site`, …), or null when none is listed. */
  scopeLevel: string | null;
  /** The entries as the console gave them; empty when the scope has no config (the defaults apply). */
  entries: UserConfigEntry[];
}

export type UserConfigOutcome =
  | { status: 'known'; config: UserConfig }
  | { status: 'unavailable'; reason: 'forbidden' | 'not-found'; message: string };

/** Folds the listed entries into one answer; with none, threats are raised (the console's default). */
export function summarizeUserConfig(entries: readonly UserConfigEntry[]): UserConfig {
  const excluded = new Set<string>();
  for (const entry of entries) for (const value of entry.excludeTii ?? []) excluded.add(value);
  const scores = entries.map((e) => e.threatMinScore).filter((n): n is number => typeof n === 'number');
  const xdr = entries.map((e) => e.enableXdrMatching).filter((b): b is boolean => typeof b === 'boolean');
  return {
    disableThreat: entries.some((e) => e.disableThreat === true),
    excludeTii: [...excluded],
    threatMinScore: scores.length ? Math.max(...scores) : null,
    enableXdrMatching: xdr.length ? xdr.some(Boolean) : null,
    scopeLevel: entries[0]?.scopeLevel ?? null,
    entries: [...entries],
  };
}

export { exclusionKey, isExcluded } from './exclusions';

export function createUserConfigCalls(http: S1Http, scope: ScopeFilter) {
  /** The user-config of the client's scope, or of `other` when given. */
  async function getUserConfig(other?: Scope): Promise<UserConfigOutcome> {
    try {
      const answer = await http.request({
        method: 'GET',
        path: USER_CONFIG,
        query: { ...(other ? scopeFilter(other) : scope) },
        schema: UserConfigResponseSchema,
      });
      const data = answer.data ?? [];
      return { status: 'known', config: summarizeUserConfig(Array.isArray(data) ? data : [data]) };
    } catch (error) {
      if (error instanceof S1Error && (error.kind === 'forbidden' || error.kind === 'not-found'))
        return { status: 'unavailable', reason: error.kind, message: error.message };
      throw error;
    }
  }
  return { getUserConfig };
}
