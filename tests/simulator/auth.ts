/**
 * Token table: API token -> console user (scope, accounts, TI permissions, expiry), as in
 * docs/sentinelone-api.md#base-path-and-authentication and docs/sentinelone-api.md#other-endpoints.
 * The tokens are test-only strings; the request log never shows them (request-log.ts redacts).
 */
import type { IncomingHttpHeaders } from 'node:http';
import { DEFAULT_ACCOUNT_ID, SECOND_ACCOUNT_ID } from './accounts-data';
import { daysUs, parseTimestampUs, type SimClock } from './clock';
import { PARIS_SITE_ID } from './sites-data';

export const SIM_TOKENS = {
  /**
   * Single-account user of Acme Corp with TI view + manage, under a custom role such as a dedicated
   * service user has; expires 30 days after the start clock
   * (docs/sentinelone-api.md#base-path-and-authentication).
   */
  default: 'sim-token-default-7c1e9a52f04b4d3e8a6b2f19c0d7e38a5b41f6c2d9e0a7b3',
  /**
   * User spanning two accounts: 403 / 4030010 on threat-intelligence/iocs, /user still works
   * (docs/sentinelone-api.md#base-path-and-authentication).
   */
  multiAccount: 'sim-token-multi-account-4b8d2e6f1a3c5e7092b4d6f8a0c2e4f6b8d0a2c4',
  /** TI view only: GET works, POST/DELETE get 403. */
  readOnly: 'sim-token-read-only-9e2c4a6b8d0f1e3a5c7b9d1f3a5c7e9b1d3f5a7c9e',
  /** No TI permission at all: 403 on every IOC call. */
  noTi: 'sim-token-no-ti-permission-2f4a6c8e0b1d3f5a7c9e1b3d5f7a9c1e3b5d7f9a',
  /** TI view + manage but no Blacklist.* permission: 403 on every restrictions call. */
  noBlocklist: 'sim-token-no-blocklist-5d7f9b1c3e5a7c9e1f3b5d7a9c1e3f5b7d9a1c3e5f',
  /** TI view + manage but no Firewall Control permission: 403 on every firewall-control call. */
  noFirewall: 'sim-token-no-firewall-8a0c2e4b6d8f0a2c4e6b8d0f2a4c6e8b0d2f4a6c8e',
  /** Every permission under the console's built-in Admin role: what an analyst's own token often is. */
  admin: 'sim-token-admin-role-3c5e7a9b1d3f5a7c9e1b3d5f7a9c1e3b5d7f9a1c3e',
  /** A site-scoped service user of Paris HQ (in Acme Corp): its calls must name `siteIds`. */
  site: 'sim-token-site-paris-6e8a0c2e4b6d8f0a2c4e6b8d0f2a4c6e8b0d2f4a6c8e1',
} as const;

export type SimTokenName = keyof typeof SIM_TOKENS;
/** The token string of each named user on one console. */
export type SimTokens = Record<SimTokenName, string>;

/**
 * SIM_TOKENS with some users' tokens replaced: several consoles served side by side each accept
 * their own strings, so a token sent to the wrong console is refused as the real one would.
 */
export function namedTokens(overrides: Partial<SimTokens> = {}): SimTokens {
  const out: SimTokens = { ...SIM_TOKENS };
  for (const [name, token] of Object.entries(overrides) as Array<[SimTokenName, string | undefined]>)
    if (token) out[name] = token;
  return out;
}

export interface SimUser {
  /** Shown instead of the token in the request log. */
  label: string;
  id: string;
  email: string;
  fullName: string;
  scope: 'account' | 'site' | 'tenant';
  accountIds: string[];
  /** A site user's sites (scope 'site'); empty for account and tenant users. */
  siteIds: string[];
  tiView: boolean;
  tiManage: boolean;
  /**
   * May read the Threat Intelligence user-config (GET threat-intelligence/user-config). Which role
   * permission that is on a real console is UNCONFIRMED; without it the call gets 403.
   */
  tiConfigView: boolean;
  /** Blacklist.view: GET restrictions. */
  blocklistView: boolean;
  /** Blacklist.create/.edit/.delete: POST, validate and DELETE restrictions. */
  blocklistManage: boolean;
  /** Firewall Control view: GET firewall-control. */
  firewallView: boolean;
  /** Firewall Control edit: POST, PUT and DELETE firewall-control. */
  firewallManage: boolean;
  roleName: string;
  /** epoch µs */
  createdAt: number;
  expiresAt: number;
}

export interface TokenTable {
  add(token: string, user: Partial<SimUser>): void;
  expire(token: string): void;
  setExpiresAt(token: string, iso: string): void;
  remove(token: string): void;
  get(token: string): SimUser | undefined;
  /** Every token known, for redaction. */
  tokens(): string[];
  reset(): void;
}

export function createTokenTable(clock: SimClock, names: SimTokens = SIM_TOKENS): TokenTable {
  const table = new Map<string, SimUser>();
  const baseUser = (label: string, now: number): SimUser => ({
    label,
    id: '1904412745532171029',
    email: 'soc.analyst@acme.example',
    fullName: 'SOC Analyst',
    scope: 'account',
    accountIds: [DEFAULT_ACCOUNT_ID],
    siteIds: [],
    tiView: true,
    tiManage: true,
    tiConfigView: true,
    blocklistView: true,
    blocklistManage: true,
    firewallView: true,
    firewallManage: true,
    roleName: 'IOC Manager',
    createdAt: now - daysUs(1),
    expiresAt: now + daysUs(30),
  });
  const seed = () => {
    table.clear();
    const now = clock.now();
    table.set(names.default, baseUser('default', now));
    table.set(names.multiAccount, {
      ...baseUser('multiAccount', now),
      id: '1904412745532171030',
      email: 'mssp.admin@acme.example',
      fullName: 'MSSP Admin',
      accountIds: [DEFAULT_ACCOUNT_ID, SECOND_ACCOUNT_ID],
    });
    table.set(names.readOnly, {
      ...baseUser('readOnly', now),
      id: '1904412745532171031',
      email: 'viewer@acme.example',
      fullName: 'Read Only Viewer',
      tiManage: false,
      roleName: 'Viewer',
    });
    table.set(names.noTi, {
      ...baseUser('noTi', now),
      id: '1904412745532171032',
      email: 'helpdesk@acme.example',
      fullName: 'Helpdesk',
      tiView: false,
      tiManage: false,
      tiConfigView: false,
      roleName: 'Helpdesk',
    });
    table.set(names.noBlocklist, {
      ...baseUser('noBlocklist', now),
      id: '1904412745532171033',
      email: 'ti.curator@acme.example',
      fullName: 'TI Curator',
      blocklistView: false,
      blocklistManage: false,
      roleName: 'TI Curator',
    });
    table.set(names.admin, {
      ...baseUser('admin', now),
      id: '1904412745532171035',
      email: 'soc.lead@acme.example',
      fullName: 'SOC Lead',
      roleName: 'Admin',
    });
    table.set(names.site, {
      ...baseUser('site', now),
      id: '1904412745532171036',
      email: 'svc.paris@acme.example',
      fullName: 'Paris HQ Service User',
      scope: 'site',
      siteIds: [PARIS_SITE_ID],
      roleName: 'Site Admin',
    });
    table.set(names.noFirewall, {
      ...baseUser('noFirewall', now),
      id: '1904412745532171034',
      email: 'ioc.editor@acme.example',
      fullName: 'IOC Editor',
      firewallView: false,
      firewallManage: false,
      roleName: 'IOC Editor',
    });
  };
  seed();
  const must = (token: string): SimUser => {
    const user = table.get(token);
    if (!user) throw new Error('Unknown simulator token');
    return user;
  };
  return {
    add(token, user) {
      table.set(token, { ...baseUser(user.label ?? `token${table.size + 1}`, clock.now()), ...user });
    },
    expire(token) {
      must(token).expiresAt = clock.now() - 1;
    },
    setExpiresAt(token, iso) {
      const us = parseTimestampUs(iso);
      if (us === null) throw new Error(`Not a timestamp: ${iso}`);
      must(token).expiresAt = us;
    },
    remove: (token) => void table.delete(token),
    get: (token) => table.get(token),
    tokens: () => [...table.keys()],
    reset: seed,
  };
}

export interface AuthHeader {
  scheme: string;
  token: string;
}

/**
 * `Authorization: ApiToken <t>`; `APIToken` is accepted too
 * (docs/sentinelone-api.md#base-path-and-authentication), so the scheme is case-insensitive.
 */
export function readAuthHeader(headers: IncomingHttpHeaders): AuthHeader | null {
  const value = headers.authorization;
  if (!value) return null;
  const m = /^(\S+)\s+(.+)$/.exec(value.trim());
  if (!m?.[1] || !m[2]) return { scheme: value.trim(), token: '' };
  return { scheme: m[1], token: m[2].trim() };
}

/** The user behind a request, or null for 401 (missing, unknown, wrong scheme or expired token). */
export function authenticate(table: TokenTable, clock: SimClock, auth: AuthHeader | null): SimUser | null {
  if (auth?.scheme.toLowerCase() !== 'apitoken') return null;
  const user = table.get(auth.token);
  if (!user || user.expiresAt < clock.now()) return null;
  return user;
}
