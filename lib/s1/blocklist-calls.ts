/**
 * The client's Blocklist calls (`restrictions`, docs/blocking-api.md), scoped like every call of the
 * client: reads send the scope filter (scope.ts), writes it in `filter`; deletes name ids in `data`.
 */
import {
  BlocklistCreateResponseSchema,
  type BlocklistItem,
  type BlocklistPage,
  BlocklistPageSchema,
  HashValidateResponseSchema,
  type HashValidation,
  type OsType,
} from './block-schemas';
import type { S1Http } from './http';
import { allPages, deleteInBatches, MAX_PAGE_SIZE } from './paging';
import type { ScopeFilter } from './scope';

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

/** One hash to block on one OS: SHA1, SHA256 or both. */
export interface BlocklistItemDraft {
  osType: OsType;
  sha1?: string;
  sha256?: string;
  description: string;
  source: string;
}

const RESTRICTIONS = 'restrictions';
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

export function createBlocklistCalls(http: S1Http, scope: ScopeFilter) {
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

  /** Every page of Blocklist hashes matching `query`. */
  const listBlocklist = (query: BlocklistQuery = {}) =>
    allPages((cursor) => listBlocklistPage(query, cursor));

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
  const deleteBlocklistItems = (ids: readonly string[]): Promise<number> =>
    deleteInBatches(http, { path: RESTRICTIONS, feature: 'blocklist' }, ids, (batch) => ({
      data: { type: BLOCKLIST_TYPE, ids: batch },
    }));

  return {
    listBlocklistPage,
    listBlocklist,
    countBlocklist,
    validateHash,
    createBlocklistItem,
    deleteBlocklistItems,
  };
}
