/**
 * The one SentinelOne API client (s1-api.md). Built fresh from the current connection for each piece
 * of work, so nothing holds a stale token. Every call is scoped to the configured account: reads send
 * `accountIds`, writes send `filter.accountIds` (a POST without it gets a 500, §d), and deletes select
 * by uuid so they can never sweep every IOC that shares a value (§e).
 */
import { S1Error } from './errors';
import { createS1Http, type S1HttpOptions } from './http';
import { isPlainIocPage } from './ioc-page-check';
import {
  AccountsPageSchema,
  DeleteResponseSchema,
  type Ioc,
  IocCreateResponseSchema,
  type IocDraft,
  type IocPage,
  IocPageSchema,
  type IocType,
  SystemInfoResponseSchema,
  UserResponseSchema,
} from './schemas';

export interface S1Connection {
  /** Console origin, e.g. https://usea1-acme.sentinelone.net */
  consoleUrl: string;
  apiToken: string;
  accountId: string;
}

type TimeFilter = `${'creationTime' | 'uploadTime' | 'updatedAt'}__${'gt' | 'gte' | 'lt' | 'lte'}`;

/** The GET filters of s1-api.md §b that the extension uses; lists are sent comma-joined. */
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

/** The API's page-size ceiling, also used as the POST batch size. */
export const MAX_PAGE_SIZE = 1000;
export const MAX_BATCH_SIZE = 1000;
const IOCS = 'threat-intelligence/iocs';

/** Splits a list into consecutive chunks of at most `size` items. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

export function createS1Client(connection: S1Connection, transport: Partial<S1HttpOptions> = {}) {
  const http = createS1Http({ ...transport, origin: connection.consoleUrl, apiToken: connection.apiToken });
  const scope = { accountIds: [connection.accountId] };

  /** One page of IOCs. Every filter is sent again with the cursor (§b: cursors may not carry them). */
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
  async function* listIocs(query: IocQuery = {}): AsyncGenerator<IocPage> {
    let cursor: string | undefined;
    do {
      const page = await listIocsPage(query, cursor);
      yield page;
      cursor = page.pagination?.nextCursor ?? undefined;
    } while (cursor);
  }

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
   * Creates or updates (the API upserts, §d) IOCs in batches of at most 1000, one after another.
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
          body: { filter: scope, data: batch },
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

  /** Deletes IOCs by uuid within the account; returns how many the console removed. */
  async function deleteIocs(uuids: readonly string[]): Promise<number> {
    let affected = 0;
    for (const batch of chunk(uuids, MAX_BATCH_SIZE)) {
      const answer = await http.request({
        method: 'DELETE',
        path: IOCS,
        body: { filter: { ...scope, uuids: batch } },
        schema: DeleteResponseSchema,
      });
      affected += answer.data.affected;
    }
    return affected;
  }

  return {
    listIocsPage,
    listIocs,
    countIocs,
    createIocs,
    deleteIocs,
    /** The token's user, its scope and the token's expiry (§g). */
    getUser: async () =>
      (await http.request({ method: 'GET', path: 'user', schema: UserResponseSchema })).data,
    /** Accounts the token can see, for the account picker (§g). */
    listAccounts: async (nameContains?: string) =>
      (
        await http.request({
          method: 'GET',
          path: 'accounts',
          query: { limit: MAX_PAGE_SIZE, name__contains: nameContains },
          schema: AccountsPageSchema,
        })
      ).data,
    getSystemInfo: async () =>
      (await http.request({ method: 'GET', path: 'system/info', schema: SystemInfoResponseSchema })).data,
  };
}

export type S1Client = ReturnType<typeof createS1Client>;
