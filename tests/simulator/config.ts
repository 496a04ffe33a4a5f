/** Run-time knobs (SimulatorOptions minus the start-up ones) and their defaults. */
import type { SimTokens } from './auth';
import type { RedirectRule } from './redirects';
import { DEFAULT_SITES, type SimSite } from './sites-data';
import type { UserConfigKnob } from './user-config-model';

export interface Knobs {
  writeMode: 'upsert' | 'duplicate';
  upsertKey: Array<'type' | 'value' | 'source' | 'externalId'>;
  outOfRange: 'reject' | 'clamp';
  requireAccountIdsOnPost: boolean;
  maxBatch: number | null;
  maxIocsPerScope: number;
  visibilityDelayMs: number;
  latencyMs: number;
  jitterMs: number;
  logBodies: boolean;
  /**
   * Values the console refuses although they look valid: its checks can be stricter than the
   * extension's (its rules are UNCONFIRMED), and this is how a per-row 400 is tested end to end.
   */
  refuseValues: string[];
  /**
   * Lower-case hashes (SHA1 or SHA256) the console calls "Not allowed" (a system file, say):
   * restrictions/validate answers so and POST restrictions refuses them (docs/blocking-api.md).
   */
  notAllowedHashes: string[];
  /** Lower-case hashes restrictions/validate calls "Not recommended"; POST still creates them. */
  notRecommendedHashes: string[];
  /** false = the console has no Control SKU: every firewall-control call gets a 403. */
  firewallControl: boolean;
  /** API paths answered with a redirect to another origin instead of the console's answer. */
  redirects: RedirectRule[];
  /** The console's sites (id, name, accountId): what `GET /sites` lists and site tokens name. */
  sites: SimSite[];
  /**
   * How a site user's call that names `accountIds` is answered: 'forbidden' (403) or 'empty' (an empty
   * page for reads; writes are refused either way). The real answer is UNCONFIRMED.
   */
  siteUserAccountCall: 'forbidden' | 'empty';
  /**
   * At most `requests` answered in any `windowMs` per token on paths under `pathPrefix` (the full
   * path, e.g. `/web/api/v2.1/threat-intelligence`); beyond it a 429, with `Retry-After` only when
   * `retryAfter` (rate-limit.ts). null: no limit.
   */
  rateLimit: { requests: number; windowMs: number; pathPrefix: string; retryAfter: boolean } | null;
  /**
   * The Threat Intelligence user-config of each scope that has one, keyed by account id or site id
   * (user-config-model.ts): `disableThreat`, `excludeTii` and the rest. A scope not listed has none, and
   * `GET threat-intelligence/user-config` answers an empty list for it.
   */
  userConfigs: Record<string, UserConfigKnob>;
}

export interface SimulatorOptions extends Partial<Knobs> {
  seed?: number;
  now?: string;
  iocs?: number;
  includeFixtureIocs?: boolean;
  /** Replaces the token of some SIM_TOKENS users on this console (auth.ts namedTokens); the rest keep theirs. */
  tokens?: Partial<SimTokens>;
}

export const DEFAULT_NOW = '2026-11-27T12:00:00.000000Z';
export const REQUEST_LOG_CAPACITY = 20_000;

export const DEFAULT_KNOBS: Knobs = {
  writeMode: 'upsert',
  // The simulator's default match key (docs/sentinelone-api.md#upsert-semantics); scopeId is implicit
  // because each scope has its own store.
  upsertKey: ['type', 'value', 'source'],
  outOfRange: 'reject',
  requireAccountIdsOnPost: true,
  maxBatch: null,
  maxIocsPerScope: 1_000_000,
  visibilityDelayMs: 0,
  latencyMs: 0,
  jitterMs: 0,
  logBodies: true,
  refuseValues: [],
  notAllowedHashes: [],
  notRecommendedHashes: [],
  firewallControl: true,
  redirects: [],
  sites: [...DEFAULT_SITES],
  siteUserAccountCall: 'forbidden',
  rateLimit: null,
  userConfigs: {},
};

const KNOB_NAMES = Object.keys(DEFAULT_KNOBS) as Array<keyof Knobs>;

/** Picks the knobs out of an options or config object, ignoring other keys. */
export function pickKnobs(input: Partial<SimulatorOptions> | Record<string, unknown>): Partial<Knobs> {
  const out: Record<string, unknown> = {};
  for (const name of KNOB_NAMES)
    if (name in input && (input as Record<string, unknown>)[name] !== undefined) {
      out[name] = (input as Record<string, unknown>)[name];
    }
  return out as Partial<Knobs>;
}
