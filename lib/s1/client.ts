/**
 * The one SentinelOne API client (s1-api.md). Built fresh from the current connection for each piece
 * of work, so nothing holds a stale token. Every call is scoped to the configured account: reads send
 * `accountIds`, writes send `filter.accountIds` (a POST without it gets a 500, §d), and deletes select
 * by uuid so they can never sweep every IOC that shares a value (§e). The Blocklist (`restrictions`)
 * and Firewall Control (`firewall-control`) are scoped the same way (docs/blocking-api.md).
 */
import {
  BlocklistCreateResponseSchema,
  type BlocklistItem,
  type BlocklistPage,
  BlocklistPageSchema,
  FirewallCreateResponseSchema,
  type FirewallPage,
  FirewallPageSchema,
  type FirewallRule,
  HashValidateResponseSchema,
  type HashValidation,
  type OsType,
} from './block-schemas';
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

/** The GET filters of `restrictions` that the extension uses; `type=black_hash` is always added. */
export interface BlocklistQuery {
  osTypes?: readonly OsType[];
  /** Exact and case-sensitive on the console: compare `value__contains` results lower-cased instead. */
  value?: string;
  value__contains?: string;
  ids?: readonly string[];
  updatedAt__gt?: string;
  sortBy?: 'id' | 'createdAt' | 'updatedAt' | 'osType' | 'value';
  sortOrder?: 'asc' | 'desc';
  limit?: number;
  skipCount?: boolean;
}

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

/** One hash to block on one OS: SHA1, SHA256 or both. */
export interface BlocklistItemDraft {
  osType: OsType;
  sha1?: string;
  sha256?: string;
  description: string;
  source: string;
}

/** The API's page-size ceiling, also used as the POST batch size. */
export const MAX_PAGE_SIZE = 1000;
export const MAX_BATCH_SIZE = 1000;
const IOCS = 'threat-intelligence/iocs';
const RESTRICTIONS = 'restrictions';
const FIREWALL = 'firewall-control';
/**
 * The only Blocklist type the extension reads or writes: any other `type` on POST restrictions
 * creates an exclusion, the opposite of a block.
 */
export const BLOCKLIST_TYPE = 'black_hash';

/** The Blocklist fields of a hash: SHA1 goes in `value`, SHA256 in `sha256Value`. */
function hashFields(hash: { sha1?: string; sha256?: string }): { value?: string; sha256Value?: string } {
  if (!hash.sha1 && !hash.sha256) throw new Error('A Blocklist item needs a SHA1 or a SHA256.');
  return {
    ...(hash.sha1 ? { value: hash.sha1 } : {}),
    ...(hash.sha256 ? { sha256Value: hash.sha256 } : {}),
  };
}

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

  /** One page of the account's Blocklist hashes; filters are sent again with the cursor. */
  function listBlocklistPage(query: BlocklistQuery = {}, cursor?: string): Promise<BlocklistPage> {
    return http.request({
      method: 'GET',
      path: RESTRICTIONS,
      feature: 'blocklist',
      query: { limit: MAX_PAGE_SIZE, ...query, type: BLOCKLIST_TYPE, ...scope, cursor },
      schema: BlocklistPageSchema,
    });
  }

  /** Every page of Blocklist hashes matching `query`, following `nextCursor`. */
  async function* listBlocklist(query: BlocklistQuery = {}): AsyncGenerator<BlocklistPage> {
    let cursor: string | undefined;
    do {
      const page = await listBlocklistPage(query, cursor);
      yield page;
      cursor = page.pagination?.nextCursor ?? undefined;
    } while (cursor);
  }

  /** How many Blocklist hashes match `query`, without fetching them. */
  async function countBlocklist(query: BlocklistQuery = {}): Promise<number> {
    const page = await http.request({
      method: 'GET',
      path: RESTRICTIONS,
      feature: 'blocklist',
      query: { ...query, type: BLOCKLIST_TYPE, ...scope, countOnly: true },
      schema: BlocklistPageSchema,
    });
    return page.pagination?.totalItems ?? 0;
  }

  /** What SentinelOne thinks of blocking this hash on this OS: NONE, Not recommended, Not allowed or a duplicate. */
  async function validateHash(
    osType: OsType,
    hash: { sha1?: string; sha256?: string },
  ): Promise<HashValidation> {
    const answer = await http.request({
      method: 'POST',
      path: `${RESTRICTIONS}/validate`,
      feature: 'blocklist',
      body: { filter: scope, data: { osType, ...hashFields(hash) } },
      schema: HashValidateResponseSchema,
    });
    return answer.data;
  }

  /**
   * Adds one hash on one OS to the Blocklist (`data` is one object, not a list). A hash already there
   * throws the 'already-exists' kind. Never retried after a lost answer: the caller re-reads.
   */
  async function createBlocklistItem(item: BlocklistItemDraft): Promise<BlocklistItem> {
    const answer = await http.request({
      method: 'POST',
      path: RESTRICTIONS,
      feature: 'blocklist',
      body: {
        filter: scope,
        data: {
          type: BLOCKLIST_TYPE,
          osType: item.osType,
          ...hashFields(item),
          description: item.description,
          source: item.source,
        },
      },
      schema: BlocklistCreateResponseSchema,
    });
    return answer.data[0] as BlocklistItem;
  }

  /** Removes Blocklist items by id (ids go in `data`, not `filter`); returns how many the console removed. */
  async function deleteBlocklistItems(ids: readonly string[]): Promise<number> {
    let affected = 0;
    for (const batch of chunk(ids, MAX_BATCH_SIZE)) {
      const answer = await http.request({
        method: 'DELETE',
        path: RESTRICTIONS,
        feature: 'blocklist',
        body: { data: { type: BLOCKLIST_TYPE, ids: batch } },
        schema: DeleteResponseSchema,
      });
      affected += answer.data.affected;
    }
    return affected;
  }

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

  /** Every page of Firewall Control rules matching `query`, following `nextCursor`. */
  async function* listFirewallRules(query: FirewallQuery = {}): AsyncGenerator<FirewallPage> {
    let cursor: string | undefined;
    do {
      const page = await listFirewallRulesPage(query, cursor);
      yield page;
      cursor = page.pagination?.nextCursor ?? undefined;
    } while (cursor);
  }

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
  async function deleteFirewallRules(ids: readonly string[]): Promise<number> {
    let affected = 0;
    for (const batch of chunk(ids, MAX_BATCH_SIZE)) {
      const answer = await http.request({
        method: 'DELETE',
        path: FIREWALL,
        feature: 'firewall',
        body: { filter: { ...scope, ids: batch } },
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
    listBlocklistPage,
    listBlocklist,
    countBlocklist,
    validateHash,
    createBlocklistItem,
    deleteBlocklistItems,
    listFirewallRulesPage,
    listFirewallRules,
    createFirewallRule,
    updateFirewallRule,
    deleteFirewallRules,
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
