/**
 * Where a token's IOCs and blocks live, and the one place that turns it into the API's scope filter
 * (docs/sentinelone-api.md#scopes-and-tenants). An account token names `accountIds`, a site token
 * `siteIds`, never both: the console refuses the pair ("Account ID and Site ID cannot be used together").
 */

export type Scope =
  | { kind: 'account'; accountId: string }
  | { kind: 'site'; siteId: string; accountId?: string };

/**
 * The filter every call carries. One object serves both forms: a GET's query (lib/s1/http.ts comma-joins
 * lists) and a write's `filter` body. Blocklist also accepts `{siteIds, tenant: true}` for a site, but
 * `{siteIds}` alone is the form both the IOC and the Blocklist docs name, so one shape covers every call.
 */
export type ScopeFilter = { accountIds: string[] } | { siteIds: string[] };

export const scopeFilter = (scope: Scope): ScopeFilter =>
  scope.kind === 'site' ? { siteIds: [scope.siteId] } : { accountIds: [scope.accountId] };

/** A connection's scope: its site when it has one, else its account as every install before sites had. */
export const scopeOfConnection = (connection: {
  accountId: string;
  scope?: { kind: 'site'; siteId: string } | null;
}): Scope =>
  connection.scope?.kind === 'site'
    ? { kind: 'site', siteId: connection.scope.siteId, accountId: connection.accountId || undefined }
    : { kind: 'account', accountId: connection.accountId };
