/**
 * What "Test connection" found, in words: who the token is, what it may do (its expiry and its role,
 * warning when the role reaches further than managing Threat Intelligence, the Blocklist and Firewall
 * Control, since a leaked token can do whatever its role can), and the account's IOC count.
 */
import { pluralize } from '../text/pluralize';

export interface ConnectionReport {
  userEmail: string | null;
  userName: string | null;
  scope: string | null;
  /** The token user's role names (one per account or site it holds), distinct, the account's first. */
  roles: string[];
  tokenExpiresAt: string | null;
  accountId: string;
  /** The site a site token reads; null for an account. */
  siteId?: string | null;
  /** Total IOCs of the account (or site), from the first page's pagination. */
  iocCount: number;
  /** How many IOCs that first page carried. */
  firstPageSize: number;
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
      text: `Warning: the token expires in ${pluralize(days, 'day')} (${date}); create a new one soon.`,
    };
  return { kind: 'ok', text: `The token expires on ${date}.` };
}

/** "Test connection" in a few sentences: who, the account, the role, then the expiry. */
export function describeConnectionReport(report: ConnectionReport, now: number): Described {
  const who = report.userEmail ?? report.userName ?? 'the token user';
  const base = `Connected as ${who} (${report.scope ?? 'unknown'} scope). ${report.siteId ? `Site ${report.siteId}` : `Account ${report.accountId}`} holds ${report.iocCount} IOCs.`;
  const parts = [...report.roles.map(describeRole), describeExpiry(report.tokenExpiresAt, now)].filter(
    (part): part is Described => part !== null,
  );
  return {
    kind: parts.some((part) => part.kind === 'warn') ? 'warn' : 'ok',
    text: [base, ...parts.map((part) => part.text)].join(' '),
  };
}
