/**
 * The Threat Intelligence user-config of one scope, as `GET threat-intelligence/user-config` lists it
 * (docs/sentinelone-api.md#ti-user-config-will-it-fire). The field names are those of the console's
 * published schema; the values of a scope come from the `userConfigs` knob. UNCONFIRMED choices:
 * - the answer is `{"data": [entry, ...]}`, one entry per configured scope, no pagination; a scope with
 *   no config answers `{"data": []}` (the console's defaults then apply: threats are raised);
 * - only the named scope's own entry is listed: a site does not list its account's entry;
 * - `createdAt` / `updatedAt` are the simulator clock's start, `threatMinScore` defaults to 0.
 */

/** What a test sets per scope; anything not given takes the default of `userConfigEntry`. */
export interface UserConfigKnob {
  /** No threat is raised from any TI indicator match in the scope. */
  disableThreat?: boolean;
  /** Indicator values that never raise a threat in the scope. */
  excludeTii?: string[];
  threatMinScore?: number;
  enableXdrMatching?: boolean;
  disableRh?: boolean;
  threatExcludeFields?: string[];
  description?: string | null;
}

export type ScopeLevel = 'account' | 'site' | 'group' | 'global';

export interface UserConfigEntry {
  createdAt: string;
  description: string | null;
  disableRh: boolean;
  disableThreat: boolean;
  enableXdrMatching: boolean;
  excludeTii: string[];
  scopeId: string | null;
  scopeLevel: ScopeLevel;
  threatExcludeFields: string[];
  threatMinScore: number;
  updatedAt: string;
}

/** The entry of one scope, keys sorted as the console's other objects are. */
export function userConfigEntry(
  scopeId: string | null,
  scopeLevel: ScopeLevel,
  knob: UserConfigKnob,
  timestamp: string,
): UserConfigEntry {
  return {
    createdAt: timestamp,
    description: knob.description ?? null,
    disableRh: knob.disableRh ?? false,
    disableThreat: knob.disableThreat ?? false,
    enableXdrMatching: knob.enableXdrMatching ?? false,
    excludeTii: [...(knob.excludeTii ?? [])],
    scopeId,
    scopeLevel,
    threatExcludeFields: [...(knob.threatExcludeFields ?? [])],
    threatMinScore: knob.threatMinScore ?? 0,
    updatedAt: timestamp,
  };
}
