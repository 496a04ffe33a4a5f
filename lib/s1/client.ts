/**
 * The one SentinelOne API client (docs/sentinelone-api.md). Built fresh from the current connection for each
 * piece of work, so nothing holds a stale token. Every call is scoped to the configured account or site
 * (scope.ts builds the one filter): reads send `accountIds` (or `siteIds`), writes send it in `filter` (a POST without it gets a 500,
 * docs/sentinelone-api.md#request-body-and-scope-filter), and deletes select by uuid so they can never sweep
 * every IOC that shares a value (docs/sentinelone-api.md#deleting-iocs). The Blocklist (`restrictions`) and
 * Firewall Control (`firewall-control`) are scoped the same way (docs/blocking-api.md).
 */
import { createBlocklistCalls } from './blocklist-calls';
import { S1Error } from './errors';
import { createFirewallCalls } from './firewall-calls';
import { createS1Http, type S1HttpOptions } from './http';
import { isPlainIocPage } from './ioc-page-check';
import { allPages, chunk, deleteInBatches, MAX_BATCH_SIZE, MAX_PAGE_SIZE } from './paging';
import {
  AccountsPageSchema,
  type Ioc,
  IocCreateResponseSchema,
  type IocDraft,
  type IocPage,
  IocPageSchema,
  type IocType,
  SitesPageSchema,
  SystemInfoResponseSchema,
  UserResponseSchema,
} from './schemas';
import { scopeFilter, scopeOfConnection } from './scope';
import { createUserConfigCalls } from './user-config-calls';

export type { BlocklistItemDraft, BlocklistQuery } from './blocklist-calls';
export { BLOCKLIST_TYPE } from './blocklist-calls';
export type { FirewallQuery, FirewallRuleDraft } from './firewall-calls';
export { chunk, MAX_BATCH_SIZE, MAX_PAGE_SIZE } from './paging';
export type { UserConfig, UserConfigOutcome } from './user-config-calls';
export { isExcluded } from './user-config-calls';

export interface S1Connection {
  /** Console origin, e.g. https://usea1-acme.sentinelone.net */
  consoleUrl: string;
  apiToken: string;
  accountId: string;
  /** Set for a site-scoped token: calls then name the site instead of the account. */
  scope?: { kind: 'site'; siteId: string } | null;
}

type TimeFilter = `${'creationTime' | 'uploadTime' | 'updatedAt'}__${'gt' | 'gte' | 'lt' | 'lte'}`;

/**
 * The GET filters of docs/sentinelone-api.md#query-filters that the extension uses; lists are sent
 * comma-joined.
 */
export type IocQuery = Partial<Record<TimeFilter, string>> & {
  uuids?: readonly string[];
  value?: string;
  type?: IocType;
  source?: readonly string[];
  externalId?: string;
  batchId?: string;
  name__contains?: readonly string[];
  creator__contains?: readonly string[];
  description__contains?: readonly string[];
  sortBy?: 'id' | 'uploadTime' | 'updatedAt' | 'source' | 'type';
  sortOrder?: 'asc' | 'desc';
  limit?: number;
  skipCount?: boolean;
};

const IOCS = 'threat-intelligence/iocs';

/**
 * A draft as sent: only the fields it sets. An upsert keeps what a POST leaves out
 * (docs/sentinelone-api.md#upsert-semantics), so a key sent without a value must not reach the console.
 */
export function wireDraft(draft: IocDraft): IocDraft {
  return Object.fromEntries(Object.entries(draft).filter(([, v]) => v !== undefined)) as IocDraft;
}

export function createS1Client(connection: S1Connection, transport: Partial<S1HttpOptions> = {}) {
  const http = createS1Http({ ...transport, origin: connection.consoleUrl, apiToken: connection.apiToken });
  const scope = scopeFilter(scopeOfConnection(connection));

  /**
   * One page of IOCs. Every filter is sent again with the cursor, which may not carry them
   * (docs/sentinelone-api.md#response-envelope-and-cursors).
   */
  function listIocsPage(query: IocQuery = {}, cursor?: string): Promise<IocPage> {
    return http.request({
      method: 'GET',
      path: IOCS,
      query: { limit: MAX_PAGE_SIZE, ...query, ...scope, cursor },
      schema: IocPageSchema,
      fastCheck: isPlainIocPage,
    });
  }

  /** Every page of IOCs matching `query`, following `nextCursor` until it is null or missing. */
  const listIocs = (query: IocQuery = {}): AsyncGenerator<IocPage> =>
    allPages((cursor) => listIocsPage(query, cursor));

  /** How many IOCs match `query`, without fetching them. */
  async function countIocs(query: IocQuery = {}): Promise<number> {
    const page = await http.request({
      method: 'GET',
      path: IOCS,
      query: { ...query, ...scope, countOnly: true },
      schema: IocPageSchema,
    });
    return page.pagination?.totalItems ?? 0;
  }

  /**
   * Creates or updates (the API upserts, docs/sentinelone-api.md#upsert-semantics) IOCs in batches of at
   * most 1000, one after another.
   * A failing batch throws; the batches before it have been committed, which the error's
   * `committed` count says so the caller can re-read instead of re-sending them.
   */
  async function createIocs(drafts: readonly IocDraft[]): Promise<Ioc[]> {
    const created: Ioc[] = [];
    for (const [index, batch] of chunk(drafts, MAX_BATCH_SIZE).entries()) {
      try {
        const answer = await http.request({
          method: 'POST',
          path: IOCS,
          body: { filter: scope, data: batch.map(wireDraft) },
          schema: IocCreateResponseSchema,
          batchOffset: index * MAX_BATCH_SIZE,
        });
        created.push(...answer.data);
      } catch (error) {
        if (error instanceof S1Error) error.committed = created.length;
        throw error;
      }
    }
    return created;
  }

  /** Deletes IOCs by uuid within the account (or site: UNCONFIRMED, docs/sentinelone-api.md#deleting-iocs); returns how many the console removed. */
  const deleteIocs = (uuids: readonly string[]): Promise<number> =>
    deleteInBatches(http, { path: IOCS }, uuids, (batch) => ({ filter: { ...scope, uuids: batch } }));

  return {
    listIocsPage,
    listIocs,
    countIocs,
    createIocs,
    deleteIocs,
    ...createBlocklistCalls(http, scope),
    ...createFirewallCalls(http, scope),
    ...createUserConfigCalls(http, scope),
    /** The token's user, its scope and the token's expiry (docs/sentinelone-api.md#other-endpoints). */
    getUser: async () =>
      (await http.request({ method: 'GET', path: 'user', schema: UserResponseSchema })).data,
    /** Accounts the token can see, for the account picker (docs/sentinelone-api.md#other-endpoints). */
    listAccounts: async (nameContains?: string) =>
      (
        await http.request({
          method: 'GET',
          path: 'accounts',
          query: { limit: MAX_PAGE_SIZE, name__contains: nameContains },
          schema: AccountsPageSchema,
        })
      ).data,
    /**
     * Sites the token can see (a site token: its own), for the site picker. One page of 1000 is read:
     * a site user with more sites than that is not a case the picker serves.
     */
    listSites: async (accountId?: string) =>
      (
        await http.request({
          method: 'GET',
          path: 'sites',
          query: { limit: MAX_PAGE_SIZE, accountIds: accountId ? [accountId] : undefined },
          schema: SitesPageSchema,
        })
      ).data.sites,
    getSystemInfo: async () =>
      (await http.request({ method: 'GET', path: 'system/info', schema: SystemInfoResponseSchema })).data,
  };
}

export type S1Client = ReturnType<typeof createS1Client>;
