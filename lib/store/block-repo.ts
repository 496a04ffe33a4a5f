/**
 * Typed access to the cached blocks: the account's Blocklist items and the extension's own Firewall
 * Control rules, one record each (db.ts says why no chunks), and their meta record. Each call is one
 * IndexedDB transaction; callers see the items as the console returned them, without the look-up keys.
 * Pages (popup, manager) read through this straight from IndexedDB, as they do the IOC cache.
 */
import type { IDBPTransaction, StoreNames } from 'idb';
import type { BlocklistItem, FirewallRule } from '../s1/block-schemas';
import {
  type BlocksMeta,
  type CachedBlocklistItem,
  type CachedFirewallRule,
  EMPTY_BLOCKS_META,
  type IocDatabase,
  type IocDb,
} from './db';

/** Written without waiting for the disk, as the IOC cache is (ioc-repo.ts says why). */
const RELAXED = { durability: 'relaxed' } as const;

const fold = (text: string) => text.trim().toLowerCase();
/** A folded key shaped as a hash (MD5, SHA1, SHA256): never a firewall rule's remote host. */
const isHashKey = (key: string) => /^(?:[0-9a-f]{32}|[0-9a-f]{40}|[0-9a-f]{64})$/.test(key);

/** The keys a Blocklist item is found by: its SHA1 (`value`) and SHA256, lower-cased. */
export function hashKeysOf(item: BlocklistItem): string[] {
  const keys = [item.value, item.sha256Value].filter((hash): hash is string => Boolean(hash)).map(fold);
  return [...new Set(keys)];
}

/** The keys a firewall rule is found by: every remote host value, lower-cased. */
export function hostKeysOf(rule: FirewallRule): string[] {
  return [...new Set((rule.remoteHosts ?? []).flatMap((host) => host.values).map(fold))];
}

const toBlocklistRecord = (item: BlocklistItem): CachedBlocklistItem => ({
  ...item,
  hashKeys: hashKeysOf(item),
});
const toRuleRecord = (rule: FirewallRule): CachedFirewallRule => ({ ...rule, hostKeys: hostKeysOf(rule) });

function fromBlocklistRecord(record: CachedBlocklistItem): BlocklistItem {
  const { hashKeys: _keys, ...item } = record;
  return item;
}

function fromRuleRecord(record: CachedFirewallRule): FirewallRule {
  const { hostKeys: _keys, ...rule } = record;
  return rule;
}

const withDefaults = (stored: unknown): BlocksMeta => ({
  ...EMPTY_BLOCKS_META,
  ...(stored as Partial<BlocksMeta> | undefined),
});

/** A change of the meta record: fields to set, or a function of the current record. */
export type BlocksMetaChange = Partial<BlocksMeta> | ((current: BlocksMeta) => Partial<BlocksMeta>);

const apply = (current: BlocksMeta, change: BlocksMetaChange | undefined): BlocksMeta => ({
  ...current,
  ...(typeof change === 'function' ? change(current) : change),
});

type WriteTx = IDBPTransaction<IocDb, Array<'blocklist' | 'firewallRules' | 'meta'>, 'readwrite'>;

/**
 * Runs `body` in `tx` and commits; anything thrown aborts the transaction. A request IndexedDB
 * refuses (a record whose id is not a valid key) throws at once rather than failing the transaction,
 * which would otherwise commit the writes issued before it: a cleared store without its new items.
 */
async function commitOrAbort<T>(tx: WriteTx, body: () => Promise<T>): Promise<T> {
  try {
    const result = await body();
    await tx.done;
    return result;
  } catch (error) {
    tx.done.catch(() => undefined);
    try {
      tx.abort();
    } catch {
      // Already finished (it failed on its own): nothing to undo.
    }
    throw error;
  }
}

/**
 * A write request not awaited on its own: a failing one aborts its transaction, which `tx.done`
 * reports, so its own rejection (and those of the requests the abort cancels) is not reported twice.
 */
const issue = (request: Promise<unknown>) => void request.catch(() => undefined);

export interface BlocksFound {
  blocklist: BlocklistItem[];
  firewall: FirewallRule[];
}

/** A read transaction over (at least) the blocklist and firewallRules stores. */
export type BlockReadTx = IDBPTransaction<IocDb, ArrayLike<StoreNames<IocDb>>, 'readonly'>;

/**
 * The Blocklist items holding one of `values` as SHA1 or SHA256 and the rules naming one as a remote
 * host, ignoring case, read in `tx`: blocksByValues, or a look-up that reads the IOCs in the same
 * transaction (value-lookup.ts).
 */
export async function blocksByValuesIn(tx: BlockReadTx, values: readonly string[]): Promise<BlocksFound> {
  const keys = [...new Set(values.map(fold))].filter(Boolean);
  if (keys.length === 0) return { blocklist: [], firewall: [] };
  const byHash = tx.objectStore('blocklist').index('byHash');
  const byHost = tx.objectStore('firewallRules').index('byHost');
  // Each value asked where it can be: a hash is no remote host, and a host no SHA1 or SHA256. Half
  // the requests, which the popup makes in every profile's database at each paste.
  const [items, rules] = await Promise.all([
    Promise.all(keys.filter(isHashKey).map((key) => byHash.getAll(key))),
    Promise.all(keys.filter((key) => !isHashKey(key)).map((key) => byHost.getAll(key))),
  ]);
  // An item holding two of the values (its SHA1 and its SHA256) is answered once.
  const unique = <T extends { id: string }>(records: T[]) => [
    ...new Map(records.map((record) => [record.id, record])).values(),
  ];
  return {
    blocklist: unique(items.flat()).map(fromBlocklistRecord),
    firewall: unique(rules.flat()).map(fromRuleRecord),
  };
}

export function createBlockRepo(database: Promise<IocDatabase>) {
  async function meta(): Promise<BlocksMeta> {
    return withDefaults(await (await database).get('meta', 'blocks'));
  }

  /** Changes the meta record in one transaction and returns the result. */
  async function updateMeta(change: BlocksMetaChange): Promise<BlocksMeta> {
    const tx = (await database).transaction('meta', 'readwrite', RELAXED);
    const next = apply(withDefaults(await tx.store.get('blocks')), change);
    await Promise.all([tx.store.put(next, 'blocks'), tx.done]);
    return next;
  }

  /**
   * Makes `store` hold exactly `records` and sets `countField` and `change` in meta, in one
   * transaction: a sync that fails before this call leaves the previous list whole.
   */
  async function replace(
    store: 'blocklist' | 'firewallRules',
    records: Array<CachedBlocklistItem | CachedFirewallRule>,
    countField: 'blocklistCount' | 'firewallCount',
    change: BlocksMetaChange | undefined,
  ): Promise<BlocksMeta> {
    const tx = (await database).transaction([store, 'meta'], 'readwrite', RELAXED);
    return commitOrAbort(tx, async () => {
      const target = tx.objectStore(store);
      issue(target.clear());
      const unique = new Map(records.map((record) => [record.id, record]));
      // biome-ignore lint/suspicious/noExplicitAny: the two stores' record types, chosen by `store`.
      for (const record of unique.values()) issue(target.put(record as any));
      const metaStore = tx.objectStore('meta');
      const current = apply(withDefaults(await metaStore.get('blocks')), change);
      const next = { ...current, [countField]: unique.size };
      issue(metaStore.put(next, 'blocks'));
      return next;
    });
  }

  /** Adds or replaces records by id, or removes them, keeping the count in meta; answers the net change. */
  async function edit(
    store: 'blocklist' | 'firewallRules',
    countField: 'blocklistCount' | 'firewallCount',
    puts: Array<CachedBlocklistItem | CachedFirewallRule>,
    removes: readonly string[],
    change: BlocksMetaChange | undefined,
  ): Promise<number> {
    const tx = (await database).transaction([store, 'meta'], 'readwrite', RELAXED);
    return commitOrAbort(tx, async () => {
      const target = tx.objectStore(store);
      const held = await Promise.all(
        [...puts.map((record) => record.id), ...removes].map(
          async (id) => [id, (await target.getKey(id)) !== undefined] as const,
        ),
      );
      const before = new Set(held.filter(([, present]) => present).map(([id]) => id));
      const after = new Set(before);
      for (const record of puts) {
        // biome-ignore lint/suspicious/noExplicitAny: the two stores' record types, chosen by `store`.
        issue(target.put(record as any));
        after.add(record.id);
      }
      for (const id of removes) {
        issue(target.delete(id));
        after.delete(id);
      }
      const delta = after.size - before.size;
      const metaStore = tx.objectStore('meta');
      const current = apply(withDefaults(await metaStore.get('blocks')), change);
      issue(metaStore.put({ ...current, [countField]: Math.max(0, current[countField] + delta) }, 'blocks'));
      return delta;
    });
  }

  return {
    meta,
    updateMeta,
    /** The whole Blocklist, as a full sync read it, with `change` to meta (watermark, completeAt...). */
    replaceBlocklist: (items: readonly BlocklistItem[], change?: BlocksMetaChange) =>
      replace('blocklist', items.map(toBlocklistRecord), 'blocklistCount', change),
    /** Adds or replaces items by id (an incremental sync's pages); answers how many were new. */
    putBlocklist: (items: readonly BlocklistItem[], change?: BlocksMetaChange) =>
      edit('blocklist', 'blocklistCount', items.map(toBlocklistRecord), [], change),
    /** Removes items by id (an unblock made by the extension); answers how many were held. */
    removeBlocklist: async (ids: readonly string[]) =>
      -(await edit('blocklist', 'blocklistCount', [], ids, undefined)),
    /** The extension's rules, all of them: every sync lists them whole (they are few). */
    replaceFirewallRules: (rules: readonly FirewallRule[], change?: BlocksMetaChange) =>
      replace('firewallRules', rules.map(toRuleRecord), 'firewallCount', change),
    /** Removes rules by id; answers how many were held. */
    removeFirewallRules: async (ids: readonly string[]) =>
      -(await edit('firewallRules', 'firewallCount', [], ids, undefined)),
    async allBlocklist(): Promise<BlocklistItem[]> {
      return (await (await database).getAll('blocklist')).map(fromBlocklistRecord);
    },
    async allFirewallRules(): Promise<FirewallRule[]> {
      return (await (await database).getAll('firewallRules')).map(fromRuleRecord);
    },
    /**
     * The Blocklist items holding one of `values` as SHA1 or SHA256, and the rules naming one as a
     * remote host, ignoring case; one read transaction for all of them (a review asks for many).
     */
    async blocksByValues(values: readonly string[]): Promise<BlocksFound> {
      if (values.length === 0) return { blocklist: [], firewall: [] };
      const tx = (await database).transaction(['blocklist', 'firewallRules']);
      const found = await blocksByValuesIn(tx, values);
      // A read's results are final once its requests succeed (ioc-repo.ts byValues).
      tx.done.catch(() => undefined);
      return found;
    },
  };
}

export type BlockRepo = ReturnType<typeof createBlockRepo>;
