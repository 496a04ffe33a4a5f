/**
 * Block network: one outbound Firewall Control rule per IP, CIDR or domain (see firewall-rules.ts for
 * why one per value), kept by the extension until the expiry in its description, since rules have no
 * expiry of their own (docs/blocking-api.md). The extension's rule for a value is found by its name
 * before anything is sent, so blocking twice renews rather than duplicates. A POST whose answer is
 * lost is re-read by name, never re-sent. A 403 means the console or the user has no Firewall Control.
 */
import type { FirewallRule } from '../s1/block-schemas';
import type { S1Client } from '../s1/client';
import { S1Error } from '../s1/errors';
import { errorText } from '../text/error-text';
import type { BlockOutcome } from './actions';
import {
  firewallRuleDraft,
  isOwnRule,
  type NetworkTargetType,
  ruleExpiry,
  ruleNameFor,
  withExpiry,
} from './firewall-rules';
import { isDenied, isLostAnswer } from './write-outcome';

export interface BlockNetworkDeps {
  client: Pick<
    S1Client,
    'listFirewallRulesPage' | 'createFirewallRule' | 'updateFirewallRule' | 'deleteFirewallRules'
  >;
}

export interface BlockNetworkRequest {
  value: string;
  type: NetworkTargetType;
  /** Who asked, written into the rule's description. */
  creator: string;
  /** Until when the block should last (ISO); the extension removes the rule after it. */
  validUntil: string;
}

export interface BlockNetworkRun {
  outcome: BlockOutcome;
  /** The error that showed the token cannot use Firewall Control at all (403), if one did. */
  denied: S1Error | null;
  /** Whether the console changed: a rule created, or an existing one kept for longer. */
  wrote: boolean;
}

/** Ids per GET when re-reading rules by id. */
const IDS_PER_READ = 100;

const dateOf = (iso: string) => iso.slice(0, 10);

/** The extension's rules for one value (normally one), by name. Domains compare in any case. */
export async function findOwnRules(
  deps: Pick<BlockNetworkDeps, 'client'>,
  value: string,
): Promise<FirewallRule[]> {
  const name = ruleNameFor(value);
  const page = await deps.client.listFirewallRulesPage({ name__contains: [name], limit: IDS_PER_READ });
  // name__contains also finds "…: 10.0.0.10" for "…: 10.0.0.1": only the exact name is this value's rule.
  return page.data.filter((rule) => isOwnRule(rule) && rule.name.toLowerCase() === name.toLowerCase());
}

/** Blocks outbound connections to one value on every OS, and says what became of it. */
export async function blockNetwork(
  deps: BlockNetworkDeps,
  request: BlockNetworkRequest,
): Promise<BlockOutcome> {
  return (await runBlockNetwork(deps, request)).outcome;
}

/** As blockNetwork, and also says whether the token was refused Firewall Control, for the caller to stop. */
export async function runBlockNetwork(
  deps: BlockNetworkDeps,
  request: BlockNetworkRequest,
): Promise<BlockNetworkRun> {
  const written = { renewed: false };
  try {
    const outcome = await blockOnce(deps, request, written);
    return { outcome, denied: null, wrote: outcome.status === 'created' || written.renewed };
  } catch (error) {
    const wrote = written.renewed;
    if (isDenied(error))
      return { outcome: { status: 'refused', message: error.message }, denied: error, wrote };
    return { outcome: { status: 'not-sent', message: `Not sent: ${errorText(error)}` }, denied: null, wrote };
  }
}

async function blockOnce(
  deps: BlockNetworkDeps,
  request: BlockNetworkRequest,
  written: { renewed: boolean },
): Promise<BlockOutcome> {
  const draft = firewallRuleDraft(request);
  const [existing] = await findOwnRules(deps, request.value);
  if (existing) return keepUntil(deps, existing, request.validUntil, written);
  try {
    const rule = await deps.client.createFirewallRule(draft);
    return { status: 'created', id: rule.id };
  } catch (error) {
    if (error instanceof S1Error && error.kind === 'bad-request')
      return { status: 'refused', message: error.message };
    if (!isLostAnswer(error)) throw error;
    try {
      const [found] = await findOwnRules(deps, request.value);
      if (found) return { status: 'created', id: found.id };
      return {
        status: 'not-sent',
        message: `Not blocked: the console did not answer (${error.message}), and re-reading shows no rule for ${request.value}. Nothing was re-sent.`,
      };
    } catch (readError) {
      return {
        status: 'unknown',
        message: `Unknown: the console did not answer (${error.message}) and could not be re-read (${errorText(readError)}). Nothing was re-sent; sync to see what it holds.`,
      };
    }
  }
}

/** A value already blocked by the extension: extend its rule when the new request lasts longer. */
async function keepUntil(
  deps: BlockNetworkDeps,
  rule: FirewallRule,
  validUntil: string,
  written: { renewed: boolean },
): Promise<BlockOutcome> {
  const expiry = ruleExpiry(rule);
  const wanted = new Date(validUntil).toISOString();
  if (expiry !== null && expiry >= wanted)
    return { status: 'already', message: `Already blocked until ${dateOf(expiry)}.` };
  try {
    await renewFirewallRule(deps, rule, wanted);
    written.renewed = true;
    return { status: 'already', message: `Already blocked; kept until ${dateOf(wanted)}.` };
  } catch (error) {
    if (isDenied(error)) throw error;
    const until = expiry ? ` until ${dateOf(expiry)}` : '';
    return {
      status: 'already',
      message: `Already blocked${until}; keeping it until ${dateOf(wanted)} failed: ${errorText(error)}`,
    };
  }
}

/**
 * Moves one of the extension's rules' expiry to `validUntil` (the description's expiry tag; creator
 * and note stay). A lost answer is re-read by id: the rule is returned if it now carries the new
 * expiry, and the error is thrown if not; the PUT is never re-sent.
 */
export async function renewFirewallRule(
  deps: Pick<BlockNetworkDeps, 'client'>,
  rule: FirewallRule,
  validUntil: string,
): Promise<FirewallRule> {
  const description = withExpiry(rule.description, validUntil);
  try {
    return await deps.client.updateFirewallRule(rule.id, { description });
  } catch (error) {
    if (!isLostAnswer(error)) throw error;
    const page = await deps.client.listFirewallRulesPage({ ids: [rule.id], limit: 1 });
    const now = page.data.find((r) => r.id === rule.id);
    if (now && ruleExpiry(now) === ruleExpiry({ description })) return now;
    throw error;
  }
}

/**
 * Deletes the extension's rules whose expiry has passed. Rules of others, and rules whose expiry the
 * extension cannot read, are never touched.
 */
export async function removeExpiredRules(
  deps: { client: Pick<S1Client, 'listFirewallRulesPage' | 'deleteFirewallRules'> },
  rules: readonly FirewallRule[],
  now: Date | number,
): Promise<{ removed: FirewallRule[] }> {
  const cutoff = new Date(now).toISOString();
  const expired = rules.filter((rule) => {
    const expiry = isOwnRule(rule) ? ruleExpiry(rule) : null;
    return expiry !== null && expiry <= cutoff;
  });
  return removeRules(deps, expired);
}

/**
 * Deletes rules by id. A lost answer is re-read by id: what is gone is reported removed, and nothing
 * is re-sent (the next sync tries the rest again).
 */
export async function removeRules(
  deps: { client: Pick<S1Client, 'listFirewallRulesPage' | 'deleteFirewallRules'> },
  rules: readonly FirewallRule[],
): Promise<{ removed: FirewallRule[] }> {
  if (rules.length === 0) return { removed: [] };
  try {
    await deps.client.deleteFirewallRules(rules.map((rule) => rule.id));
    return { removed: [...rules] };
  } catch (error) {
    if (!isLostAnswer(error)) throw error;
    const remaining = new Set<string>();
    for (let i = 0; i < rules.length; i += IDS_PER_READ) {
      const ids = rules.slice(i, i + IDS_PER_READ).map((rule) => rule.id);
      const page = await deps.client.listFirewallRulesPage({ ids, limit: IDS_PER_READ });
      for (const rule of page.data) remaining.add(rule.id);
    }
    return { removed: rules.filter((rule) => !remaining.has(rule.id)) };
  }
}
