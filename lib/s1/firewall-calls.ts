/**
 * The client's Firewall Control calls (`firewall-control`, docs/blocking-api.md), scoped like every
 * call of the client. Which rules are the extension's, and how they are named, is lib/blocks' business.
 */
import {
  FirewallCreateResponseSchema,
  type FirewallPage,
  FirewallPageSchema,
  type FirewallRule,
  type OsType,
} from './block-schemas';
import type { S1Http } from './http';
import { allPages, deleteInBatches, MAX_PAGE_SIZE } from './paging';
import type { ScopeFilter } from './scope';

/** The GET filters of `firewall-control` that the extension uses. */
export interface FirewallQuery {
  name__contains?: readonly string[];
  ids?: readonly string[];
  limit?: number;
}

/** What the extension sends to create a Firewall Control rule (built by lib/blocks/firewall-rules.ts). */
export interface FirewallRuleDraft {
  name: string;
  description: string;
  action: 'Block' | 'Allow';
  status: 'Enabled' | 'Disabled';
  direction: 'outbound' | 'inbound' | 'any';
  osTypes: OsType[];
  remoteHosts: { type: 'addresses' | 'cidr' | 'range' | 'fqdn'; values: string[] }[];
}

const FIREWALL = 'firewall-control';

export function createFirewallCalls(http: S1Http, scope: ScopeFilter) {
  /** One page of the account's Firewall Control rules; filters are sent again with the cursor. */
  function listFirewallRulesPage(query: FirewallQuery = {}, cursor?: string): Promise<FirewallPage> {
    return http.request({
      method: 'GET',
      path: FIREWALL,
      feature: 'firewall',
      query: { limit: MAX_PAGE_SIZE, ...query, ...scope, cursor },
      schema: FirewallPageSchema,
    });
  }

  /** Every page of Firewall Control rules matching `query`. */
  const listFirewallRules = (query: FirewallQuery = {}) =>
    allPages((cursor) => listFirewallRulesPage(query, cursor));

  /** The console answers a rule write with the rule, alone or in a list. */
  const oneRule = (data: FirewallRule | FirewallRule[]): FirewallRule =>
    (Array.isArray(data) ? data[0] : data) as FirewallRule;

  /** Creates one Firewall Control rule in the account. Never retried after a lost answer. */
  async function createFirewallRule(rule: FirewallRuleDraft): Promise<FirewallRule> {
    const answer = await http.request({
      method: 'POST',
      path: FIREWALL,
      feature: 'firewall',
      body: { filter: scope, data: rule },
      schema: FirewallCreateResponseSchema,
    });
    return oneRule(answer.data);
  }

  /** Changes fields of one rule (the extension renews a rule's expiry in its description). */
  async function updateFirewallRule(id: string, change: Partial<FirewallRuleDraft>): Promise<FirewallRule> {
    const answer = await http.request({
      method: 'PUT',
      path: `${FIREWALL}/${encodeURIComponent(id)}`,
      feature: 'firewall',
      body: { data: change },
      schema: FirewallCreateResponseSchema,
    });
    return oneRule(answer.data);
  }

  /** Deletes Firewall Control rules by id within the account; returns how many the console removed. */
  const deleteFirewallRules = (ids: readonly string[]): Promise<number> =>
    deleteInBatches(http, { path: FIREWALL, feature: 'firewall' }, ids, (batch) => ({
      filter: { ...scope, ids: batch },
    }));

  return {
    listFirewallRulesPage,
    listFirewallRules,
    createFirewallRule,
    updateFirewallRule,
    deleteFirewallRules,
  };
}
