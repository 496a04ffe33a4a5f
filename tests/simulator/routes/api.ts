/**
 * The console routes under /web/api/v2.1/ (docs/sentinelone-api.md, from Listing IOCs to Other endpoints;
 * restrictions and firewall-control: docs/blocking-api.md).
 */

import { getAccount, getAccounts } from './accounts';
import type { Route } from './context';
import { deleteFirewallRules, getFirewallRules, postFirewallRule, putFirewallRule } from './firewall-control';
import { getIocs } from './iocs-get';
import { deleteIocs, postIocs } from './iocs-write';
import { deleteRestrictions, getRestrictions, postRestriction, validateRestriction } from './restrictions';
import { getSites } from './sites';
import { getSystemInfo, getSystemStatus } from './system';
import { getUser, postApiTokenDetails } from './user';
import { getUserConfig } from './user-config';

export const API_PREFIX = '/web/api/v2.1/';

const api = (method: string, path: string, handler: Route['handler'], auth = true): Route => ({
  method,
  pattern: new RegExp(`^${API_PREFIX}${path}/?$`),
  auth,
  handler,
});

export const API_ROUTES: readonly Route[] = [
  api('GET', 'threat-intelligence/iocs', getIocs),
  api('POST', 'threat-intelligence/iocs', postIocs),
  api('DELETE', 'threat-intelligence/iocs', deleteIocs),
  api('GET', 'threat-intelligence/user-config', getUserConfig),
  api('GET', 'restrictions', getRestrictions),
  api('POST', 'restrictions', postRestriction),
  api('POST', 'restrictions/validate', validateRestriction),
  api('DELETE', 'restrictions', deleteRestrictions),
  api('GET', 'firewall-control', getFirewallRules),
  api('POST', 'firewall-control', postFirewallRule),
  api('PUT', 'firewall-control/(\\d+)', putFirewallRule),
  api('DELETE', 'firewall-control', deleteFirewallRules),
  api('GET', 'user', getUser),
  api('GET', 'accounts', getAccounts),
  api('GET', 'accounts/(\\d+)', getAccount),
  api('GET', 'sites', getSites),
  api('POST', 'users/api-token-details', postApiTokenDetails),
  api('GET', 'system/info', getSystemInfo),
  api('GET', 'system/status', getSystemStatus, false),
];

export function matchRoute(routes: readonly Route[], method: string, path: string) {
  for (const route of routes) {
    if (route.method !== method) continue;
    const m = route.pattern.exec(path);
    if (m) return { route, params: m.slice(1) };
  }
  return null;
}
