/**
 * "Test connection": proves the console answers, the token works and the account's IOCs can be read,
 * and says what the token may do: its expiry and its role, warning when the role reaches further
 * than managing Threat Intelligence (and the Blocklist and Firewall Control), since a leaked token
 * can do whatever its role can.
 */
import { createS1Client, type S1Connection } from './s1/client';
import type { S1HttpOptions } from './s1/http';
import type { User } from './s1/schemas';

export interface ConnectionReport {
  userEmail: string | null;
  userName: string | null;
  scope: string | null;
  /** The token user's role names (one per account or site it holds), distinct, the account's first. */
  roles: string[];
  tokenExpiresAt: string | null;
  accountId: string;
  /** Total IOCs of the account, from the first page's pagination. */
  iocCount: number;
  /** How many IOCs that first page carried. */
  firstPageSize: number;
}

/**
 * Reads the token's user and one page of the account's IOCs. Throws S1Error with a readable message.
 * `transport` carries the worker's `originAllowed`.
 */
export async function checkConnection(
  connection: S1Connection,
  transport: Partial<S1HttpOptions> = {},
): Promise<ConnectionReport> {
  const client = createS1Client(connection, { ...transport, maxAttempts: 2, timeoutMs: 15_000 });
  const user = await client.getUser();
  const page = await client.listIocsPage({ limit: 10 });
  return {
    userEmail: user.email ?? null,
    userName: user.fullName ?? null,
    scope: user.scope ?? null,
    roles: rolesOf(user, connection.accountId),
    tokenExpiresAt: user.apiToken?.expiresAt ?? null,
    accountId: connection.accountId,
    iocCount: page.pagination?.totalItems ?? page.data.length,
    firstPageSize: page.data.length,
  };
}

/** Distinct role names, the one held on `accountId` first. */
export function rolesOf(user: Pick<User, 'scopeRoles'>, accountId: string): string[] {
  const held = [...(user.scopeRoles ?? [])].sort(
    (a, b) => Number(b.id === accountId) - Number(a.id === accountId),
  );
  const names = held.map((role) => role.roleName?.trim() ?? '').filter((name) => name !== '');
  return [...new Set(names)];
}

type Described = { kind: 'ok' | 'warn'; text: string };

const NARROW_ROLE =
  'A dedicated service user whose role allows only Threat Intelligence (and Blocklist / Firewall Control) management is safer.';

/**
 * What a role means for a token kept in a browser, by the console's built-in role names; a custom
 * role is only named, since what it allows cannot be told from its name.
 */
export function describeRole(role: string): Described {
  if (/admin/i.test(role))
    return {
      kind: 'warn',
      text: `Warning: the token's role is ${role}, which can run remote actions on every endpoint. ${NARROW_ROLE}`,
    };
  if (/\bIR\b|incident response|\bSOC\b|^IT$/i.test(role))
    return {
      kind: 'warn',
      text: `Warning: the token's role is ${role}, which can act on endpoints (isolate, remediate, remote actions). ${NARROW_ROLE}`,
    };
  if (/viewer|read[ -]?only/i.test(role))
    return {
      kind: 'warn',
      text: `Warning: the token's role is ${role}, which cannot add IOCs or blocks: the extension can only read.`,
    };
  return { kind: 'ok', text: `Role: ${role}.` };
}

const WEEK_MS = 7 * 24 * 60 * 60_000;

/** The token's expiry, warning when it is within a week. */
function describeExpiry(expiresAt: string | null, now: number): Described | null {
  if (!expiresAt) return null;
  const left = Date.parse(expiresAt) - now;
  const date = expiresAt.slice(0, 10);
  if (left <= 0) return { kind: 'warn', text: `The token expired on ${date}.` };
  const days = Math.floor(left / (24 * 60 * 60_000));
  if (left < WEEK_MS)
    return {
      kind: 'warn',
      text: `Warning: the token expires in ${days} day${days === 1 ? '' : 's'} (${date}); create a new one soon.`,
    };
  return { kind: 'ok', text: `The token expires on ${date}.` };
}

/** "Test connection" in a few sentences: who, the account, the role, then the expiry. */
export function describeConnectionReport(report: ConnectionReport, now: number): Described {
  const who = report.userEmail ?? report.userName ?? 'the token user';
  const base = `Connected as ${who} (${report.scope ?? 'unknown'} scope). Account ${report.accountId} holds ${report.iocCount} IOCs.`;
  const parts = [...report.roles.map(describeRole), describeExpiry(report.tokenExpiresAt, now)].filter(
    (part): part is Described => part !== null,
  );
  return {
    kind: parts.some((part) => part.kind === 'warn') ? 'warn' : 'ok',
    text: [base, ...parts.map((part) => part.text)].join(' '),
  };
}
