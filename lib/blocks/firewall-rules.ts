/**
 * How the extension recognises and writes its own Firewall Control rules (docs/blocking-api.md).
 *
 * Rules have no expiry and no field that says who made them, so the extension keeps both itself: the
 * rule's NAME is a fixed prefix plus the blocked value (so `name__contains` finds the extension's rules,
 * and one value's rule, without reading anyone else's), and its DESCRIPTION ends with the intended
 * expiry in a form a program can read back (`[expires 2026-12-31T12:00:00.000Z]`).
 *
 * ONE rule per value, not one per batch: each value then has its own expiry (renewed or removed on its
 * own), its own unblock (deleting it lifts that value and nothing else), and the extension finds it by
 * name alone. A rule holding several values would have to be edited, not deleted, to unblock one of
 * them, and an edit whose answer is lost cannot be re-read as simply as a missing rule. The cost is
 * more rules in the console's list, one per blocked value.
 */

import { OS_TYPES } from '../../config/os-types';
import type { FirewallRule, OsType } from '../s1/block-schemas';
import type { FirewallRuleDraft } from '../s1/client';

/** Every rule the extension makes is named with this prefix; no analyst's own rule should start so. */
export const FIREWALL_RULE_PREFIX = 'S1 IOC Manager: ';

/** The IOC types that a Firewall Control rule can block; a CIDR is an IPV4 (or IPV6) value with a '/'. */
export type NetworkTargetType = 'IPV4' | 'IPV6' | 'DNS';

export interface NetworkTarget {
  value: string;
  type: NetworkTargetType;
}

const EXPIRY = /\[expires ([^\]\s]+)\]\s*$/;

/** The name of the extension's rule for one value. */
export function ruleNameFor(value: string): string {
  return `${FIREWALL_RULE_PREFIX}${value}`;
}

/** Whether the extension made this rule (by its name; the console keeps no other mark of it). */
export function isOwnRule(rule: Pick<FirewallRule, 'name'>): boolean {
  return rule.name.startsWith(FIREWALL_RULE_PREFIX);
}

/** `validUntil` as the one ISO form the description carries, or an error for a date that is not one. */
function isoDate(validUntil: string): string {
  const time = Date.parse(validUntil);
  if (Number.isNaN(time)) throw new Error(`Not a date: ${validUntil}`);
  return new Date(time).toISOString();
}

/** The rule's description: who asked for it, an optional note, and the machine-readable expiry last. */
export function ruleDescription(input: { creator: string; validUntil: string; note?: string }): string {
  const note = input.note?.trim() ? ` ${input.note.trim()}` : '';
  return `Blocked by ${input.creator} with S1 IOC Manager.${note} [expires ${isoDate(input.validUntil)}]`;
}

/** The expiry the extension wrote into the rule's description, or null when there is none it can read. */
export function ruleExpiry(rule: Pick<FirewallRule, 'description'>): string | null {
  const match = EXPIRY.exec(rule.description ?? '');
  if (!match?.[1]) return null;
  const time = Date.parse(match[1]);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

/** The same description with a new expiry: the creator and any note stay as they were. */
export function withExpiry(description: string | null | undefined, validUntil: string): string {
  const tag = `[expires ${isoDate(validUntil)}]`;
  const text = (description ?? '').trimEnd();
  return EXPIRY.test(text) ? text.replace(EXPIRY, tag) : `${text}${text ? ' ' : ''}${tag}`;
}

/** The value one of the extension's rules blocks, read from its remote hosts; null for any other rule. */
export function ruleTarget(rule: Pick<FirewallRule, 'name' | 'remoteHosts'>): NetworkTarget | null {
  if (!isOwnRule(rule)) return null;
  const host = rule.remoteHosts?.find((h) => h.values.length > 0);
  const value = host?.values[0];
  if (!host || !value) return null;
  if (host.type === 'fqdn') return { value, type: 'DNS' };
  if (host.type === 'addresses' || host.type === 'cidr')
    return { value, type: value.includes(':') ? 'IPV6' : 'IPV4' };
  return null;
}

/** The remote host entry of a value: a domain is an fqdn, an address with a prefix length a cidr. */
function remoteHostFor(value: string, type: NetworkTargetType): FirewallRuleDraft['remoteHosts'][number] {
  if (type === 'DNS') return { type: 'fqdn', values: [value] };
  return { type: value.includes('/') ? 'cidr' : 'addresses', values: [value] };
}

/** The rule that blocks outbound connections to one value on every OS until `validUntil`. */
export function firewallRuleDraft(input: {
  value: string;
  type: NetworkTargetType;
  creator: string;
  validUntil: string;
  note?: string;
}): FirewallRuleDraft {
  return {
    name: ruleNameFor(input.value),
    description: ruleDescription(input),
    action: 'Block',
    status: 'Enabled',
    direction: 'outbound',
    osTypes: [...OS_TYPES] as OsType[],
    remoteHosts: [remoteHostFor(input.value, input.type)],
  };
}

/**
 * The extension's rules beyond one per value, to be removed: a value may end up with two when a
 * create is sent twice (Chromium re-sends a POST whose reused connection was reset before any answer,
 * so the console holds both while the extension saw one) or when two analysts block it at once. Per
 * value the rule kept is the one lasting longest, then the oldest (its id stays the one others saw).
 */
export function surplusRules(rules: readonly FirewallRule[]): FirewallRule[] {
  const byName = new Map<string, FirewallRule[]>();
  for (const rule of rules) {
    if (!isOwnRule(rule)) continue;
    const key = rule.name.toLowerCase();
    byName.set(key, [...(byName.get(key) ?? []), rule]);
  }
  const surplus: FirewallRule[] = [];
  for (const group of byName.values()) {
    if (group.length < 2) continue;
    const [, ...rest] = [...group].sort(keptFirst);
    surplus.push(...rest);
  }
  return surplus;
}

/** Longest expiry first (an unreadable one last), then the oldest rule, then the smallest id. */
function keptFirst(a: FirewallRule, b: FirewallRule): number {
  const expiry = (ruleExpiry(b) ?? '').localeCompare(ruleExpiry(a) ?? '');
  if (expiry !== 0) return expiry;
  const created = (a.createdAt ?? '').localeCompare(b.createdAt ?? '');
  if (created !== 0) return created;
  return a.id.length - b.id.length || a.id.localeCompare(b.id);
}
