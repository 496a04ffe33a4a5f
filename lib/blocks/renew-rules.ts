/**
 * Renewing Block network from the manager: the analyst moves the expiry of the extension's own
 * Firewall Control rules (firewall-rules.ts keeps it in the description, since rules have none of
 * their own) so that the sync does not remove them. Each rule goes through renewFirewallRule, whose
 * PUT is never re-sent: a lost answer is re-read by id. A few rules at a time; a 403 (no Control SKU,
 * no Firewall permission) stops the rest, since each would be refused the same way.
 */
import pMap from 'p-map';
import { type IocType, MAX_VALIDITY_DAYS } from '../../config/ioc-types';
import { clampValidUntil } from '../iocs/renew';
import { logFor } from '../log/log';
import type { FirewallRule } from '../s1/block-schemas';
import type { S1Error } from '../s1/errors';
import { errorText } from '../text/error-text';
import { ACTION_LABELS } from './actions';
import { type BlockNetworkDeps, renewFirewallRule } from './block-network';
import { isOwnRule, type NetworkTargetType, ruleExpiry, ruleTarget } from './firewall-rules';
import { isDenied, isLostAnswer } from './write-outcome';

export interface RenewRulesDeps {
  /** renewFirewallRule's client (it sends only PUTs and, after a lost answer, GETs by id). */
  client: BlockNetworkDeps['client'];
  /** Syncs the cache after a rule changed; called once per run at most. */
  afterWrite: () => void;
  /** The clock the limits count from; the real one unless a test sets it. */
  now?: () => Date;
  /** Why a rule must not be renewed (never-block-guard.ts ruleRefusal), or null. */
  refuse?: (rule: FirewallRule) => string | null;
}

export interface RenewRulesReport {
  renewed: number;
  /** The rules not renewed, each with why, in the order asked. */
  failed: Array<{ value: string; message: string }>;
  /** One or two sentences for the analyst. */
  message: string;
}

/** What the manager asks the worker for (lib/messages.ts renewFirewallRules). */
export interface RenewRulesRequest {
  ruleIds: string[];
  days: number;
}

const log = logFor('blocks');
/** As the other block writes (apply-actions.ts): a few at a time. */
export const RENEW_CONCURRENCY = 4;
const DAY_MS = 86_400_000;
const dateOf = (iso: string) => iso.slice(0, 10);

/**
 * Firewall Control would keep a rule for ever; the extension holds its rules to the limits the
 * console puts on a Threat Intelligence IOC of the same type (30 days for an IP, 180 for a domain),
 * so that a value's Detect and Block network, written together by the review, also end together
 * rather than leaving a silent block behind an expired detection.
 */
const NETWORK_TYPES: readonly NetworkTargetType[] = ['IPV4', 'IPV6', 'DNS'];
export const MAX_RENEW_DAYS = Math.max(...NETWORK_TYPES.map((type) => MAX_VALIDITY_DAYS[type]));

/**
 * The limit's type of a rule: its target's, or the strictest (IPv4's) for one of the extension's rules
 * edited in the console so that it no longer names one value the extension can read.
 */
const limitTypeOf = (rule: FirewallRule): NetworkTargetType => ruleTarget(rule)?.type ?? 'IPV4';

/** The value a rule blocks, as the Blocks view names it. */
function blockedValue(rule: FirewallRule): string {
  const hosts = rule.remoteHosts?.flatMap((host) => host.values) ?? [];
  return ruleTarget(rule)?.value ?? (hosts.join(', ') || rule.name);
}

/** The IOC type whose limit a Blocks view row (its `valueType`) renews under; the strictest for any other. */
const limitTypeOfRow = (valueType: string): NetworkTargetType =>
  NETWORK_TYPES.find((type) => type === valueType) ?? 'IPV4';

/** The date a rule shown as `valueType` is renewed until when asked for `days` from `now`: the dialog's preview. */
export function renewedUntil(valueType: string, days: number, now: Date): string {
  return clampValidUntil(
    limitTypeOfRow(valueType),
    new Date(now.getTime() + days * DAY_MS).toISOString(),
    now,
  );
}

/**
 * The dialog's starting days: the Settings validity of the rows' types when they agree, else the
 * longest (the IP rules then stop at their own limit, as the preview shows), within 1..MAX_RENEW_DAYS.
 */
export function defaultRenewDays(
  valueTypes: readonly string[],
  validityDays: Readonly<Record<IocType, number>>,
): number {
  const days = [...new Set(valueTypes.map(limitTypeOfRow))].map((type) => validityDays[type]);
  return Math.min(MAX_RENEW_DAYS, Math.max(1, ...days));
}

type Result =
  | { rule: FirewallRule; status: 'renewed'; until: string; clamped: boolean }
  | { rule: FirewallRule; status: 'failed'; message: string };

/** Renews the extension's rules among `rules` until `validUntil` (clamped per type), and says how it went. */
export async function renewRules(
  deps: RenewRulesDeps,
  rules: readonly FirewallRule[],
  validUntil: string,
): Promise<RenewRulesReport> {
  return run(deps, rules, validUntil, []);
}

/**
 * The worker's side of the renewFirewallRules message: checks the payload, finds the rules in the
 * cache by id, and renews them for `days` from now (clamped per type).
 */
export async function renewRulesById(
  deps: RenewRulesDeps & { cachedRules(): Promise<FirewallRule[]> },
  payload: unknown,
): Promise<RenewRulesReport> {
  const { ruleIds, days } = checkRenewRequest(payload);
  const byId = new Map((await deps.cachedRules()).map((rule) => [rule.id, rule]));
  const ids = [...new Set(ruleIds)];
  const found = ids.flatMap((id) => byId.get(id) ?? []);
  const missing = ids
    .filter((id) => !byId.has(id))
    .map((id) => ({
      value: `rule ${id}`,
      message: 'No longer in the local cache (removed on the console since); nothing sent.',
    }));
  const now = (deps.now ?? (() => new Date()))();
  return run(deps, found, new Date(now.getTime() + days * DAY_MS).toISOString(), missing);
}

/** The payload as a request, or an error saying what is wrong with it (the page may be stale or hostile). */
export function checkRenewRequest(payload: unknown): RenewRulesRequest {
  const { ruleIds, days } = (payload ?? {}) as Partial<Record<keyof RenewRulesRequest, unknown>>;
  if (!Array.isArray(ruleIds) || !ruleIds.every((id) => typeof id === 'string' && id !== ''))
    throw new Error('Renew needs the ids of the Block network rules, as a list of strings.');
  if (ruleIds.length === 0) throw new Error('Choose at least one Block network rule to renew.');
  if (typeof days !== 'number' || !Number.isInteger(days) || days < 1 || days > MAX_RENEW_DAYS)
    throw new Error(
      `Renew needs a whole number of days from 1 to ${MAX_RENEW_DAYS}; got ${typeof days === 'number' ? days : typeof days}.`,
    );
  return { ruleIds: ruleIds as string[], days };
}

async function run(
  deps: RenewRulesDeps,
  rules: readonly FirewallRule[],
  validUntil: string,
  alreadyFailed: RenewRulesReport['failed'],
): Promise<RenewRulesReport> {
  const now = (deps.now ?? (() => new Date()))();
  const asked = new Date(validUntil).toISOString();
  let denied: S1Error | null = null;
  const results = await pMap(
    rules,
    async (rule): Promise<Result> => {
      if (!isOwnRule(rule))
        return { rule, status: 'failed', message: 'Not a rule of the extension; left as it is.' };
      const refused = deps.refuse?.(rule);
      if (refused) return { rule, status: 'failed', message: refused };
      if (denied) return { rule, status: 'failed', message: `Not sent: ${denied.message}` };
      const until = clampValidUntil(limitTypeOf(rule), asked, now);
      const clamped = until !== asked;
      // Already so: nothing to send, and nothing the sync would miss.
      if (ruleExpiry(rule) === until) return { rule, status: 'renewed', until, clamped };
      try {
        await renewFirewallRule(deps, rule, until);
        return { rule, status: 'renewed', until, clamped };
      } catch (error) {
        if (isDenied(error)) {
          denied ??= error;
          return { rule, status: 'failed', message: error.message };
        }
        if (isLostAnswer(error))
          return {
            rule,
            status: 'failed',
            message: `Not confirmed: the console did not answer (${error.message}), and re-reading did not show the new expiry. Nothing was re-sent; renew again to retry.`,
          };
        return { rule, status: 'failed', message: errorText(error) };
      }
    },
    { concurrency: RENEW_CONCURRENCY },
  );

  const renewed = results.filter((r) => r.status === 'renewed');
  const failed = [
    ...alreadyFailed,
    ...results.flatMap((r) =>
      r.status === 'failed' ? [{ value: blockedValue(r.rule), message: r.message }] : [],
    ),
  ];
  // A rule whose expiry was already the asked one changed nothing, but a sync costs little.
  if (renewed.length > 0) deps.afterWrite();
  const report = {
    renewed: renewed.length,
    failed,
    message: summary(renewed, failed, rules.length + alreadyFailed.length, denied),
  };
  logRun(renewed, failed);
  return report;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const sample = (values: string[], size = 5) =>
  `${values.slice(0, size).join(', ')}${values.length > size ? ', …' : ''}`;

/** The renewed rules per date, latest first: [date, values]. */
function byDate(renewed: ReadonlyArray<Extract<Result, { status: 'renewed' }>>): Array<[string, string[]]> {
  const dates = new Map<string, string[]>();
  for (const r of renewed) {
    const date = dateOf(r.until);
    dates.set(date, [...(dates.get(date) ?? []), blockedValue(r.rule)]);
  }
  return [...dates].sort(([a], [b]) => (a < b ? 1 : -1));
}

function summary(
  renewed: ReadonlyArray<Extract<Result, { status: 'renewed' }>>,
  failed: RenewRulesReport['failed'],
  total: number,
  denied: S1Error | null,
): string {
  if (total === 0) return 'Nothing to renew.';
  const groups = byDate(renewed);
  const count =
    renewed.length === total ? plural(total, 'rule') : `${renewed.length} of ${plural(total, 'rule')}`;
  // "3 rules until 2026-06-01", or "3 rules: 2 until 2026-09-01 and 1 until 2026-06-01".
  const dates =
    groups.length > 1
      ? `: ${groups.map(([date, values]) => `${values.length} until ${date}`).join(' and ')}`
      : groups.map(([date]) => ` until ${date}`).join('');
  const head = `${ACTION_LABELS.blockNetwork} renewed: ${count}${dates}.`;
  const clampNote = renewed.some((r) => r.clamped)
    ? ` IP rules last ${MAX_VALIDITY_DAYS.IPV4} days at most, as their Detect IOCs do.`
    : '';
  if (denied) return `${head}${clampNote} Stopped: ${denied.message}`;
  const failNote =
    failed.length > 0
      ? ` Not renewed: ${failed
          .slice(0, 3)
          .map((f) => `${f.value}: ${f.message.replace(/\.$/, '')}`)
          .join('; ')}${failed.length > 3 ? `; and ${failed.length - 3} more` : ''}.`
      : '';
  return `${head}${clampNote}${failNote}`;
}

/** "Block network renewed until 2026-06-01: 3 rules: a.example, …", one part per date, in the activity log. */
function logRun(
  renewed: ReadonlyArray<Extract<Result, { status: 'renewed' }>>,
  failed: RenewRulesReport['failed'],
): void {
  const parts = byDate(renewed).map(
    ([date, values]) =>
      `${ACTION_LABELS.blockNetwork} renewed until ${date}: ${plural(values.length, 'rule')}: ${sample(values)}`,
  );
  if (failed.length > 0)
    parts.push(
      `${ACTION_LABELS.blockNetwork} not renewed: ${plural(failed.length, 'rule')}: ${sample(failed.map((f) => f.value))} (${failed[0]?.message.replace(/\.$/, '')})`,
    );
  if (parts.length === 0) return;
  const line = `${parts.join('; ')}.`;
  if (failed.length > 0) log.warn(line);
  else log.info(line);
}
