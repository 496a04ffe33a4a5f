/**
 * Mirrors the blocks into the cache: the account's Blocklist (`black_hash` items) and the
 * extension's own Firewall Control rules, with the IOC cache's guarantees.
 *
 * The Blocklist syncs like the IOCs: a full sync lists every item and replaces the cached list in
 * one transaction; an incremental one asks for what changed since the watermark (minus an overlap)
 * and then compares the console's count with ours, since a deletion on the console cannot be listed;
 * a difference runs a full sync. The firewall rules are listed whole on every sync (the extension
 * makes one per blocked value, a few hundred at most), and the expired ones are removed then, since
 * rules have no expiry of their own (docs/blocking-api.md).
 *
 * A 403 on either feature is an answer, not a failure: the token cannot read the Blocklist, or the
 * console has no Firewall Control. It is recorded in meta (pages hide or explain the action) and the
 * cached copy of that feature is emptied, since it could no longer be kept true.
 */

import { removeExpiredRules, removeRules } from '../blocks/block-network';
import {
  FIREWALL_RULE_PREFIX,
  isOwnRule,
  ruleExpiry,
  ruleTarget,
  surplusRules,
} from '../blocks/firewall-rules';
import type { BlocklistItem, FirewallRule } from '../s1/block-schemas';
import type { S1Client } from '../s1/client';
import { S1Error } from '../s1/errors';
import { laterIso, shiftIso } from '../s1/timestamps';
import type { BlockRepo } from '../store/block-repo';
import type { BlocksMeta } from '../store/db';
import { WATERMARK_OVERLAP_MS } from './incremental-sync';

export interface BlockSyncDeps {
  client: Pick<
    S1Client,
    | 'listBlocklist'
    | 'listBlocklistPage'
    | 'countBlocklist'
    | 'listFirewallRules'
    | 'listFirewallRulesPage'
    | 'deleteFirewallRules'
  >;
  repo: BlockRepo;
  /** `origin|accountId`: a cache of another account is replaced by a full sync. */
  accountKey: string;
  now: () => Date;
  /** Asks for a full Blocklist sync (the IOC sync was a full one). */
  full: boolean;
  /** Items per page; the API's ceiling by default. */
  pageSize?: number;
  /** A full Blocklist sync at least this often, since only it notices deletions that keep counts equal. */
  reconcileEveryMs?: number;
  overlapMs?: number;
  /** Lines for the extension's log: expired rules removed, reconciles. */
  onLog?: (message: string) => void;
}

export interface BlockSyncResult {
  /** How the Blocklist was synced, or that the token may not read it. */
  blocklist: 'full' | 'incremental' | 'unreadable';
  /** Whether the firewall rules were synced, or Firewall Control is not available to the token. */
  firewall: 'synced' | 'unavailable';
  /** The extension's rules removed because their expiry had passed. */
  expired: FirewallRule[];
  meta: BlocksMeta;
}

const DAY_MS = 24 * 60 * 60_000;
const PAGE_SIZE = 1000;

/** The console's 403 for a feature: the token lacks it, which is a state to show, not a failed sync. */
const isRefusal = (error: unknown): error is S1Error =>
  error instanceof S1Error && (error.kind === 'forbidden' || error.kind === 'firewall-unavailable');

export async function syncBlocks(deps: BlockSyncDeps): Promise<BlockSyncResult> {
  const blocklist = await syncBlocklist(deps);
  const { firewall, expired } = await syncFirewall(deps);
  return { blocklist, firewall, expired, meta: await deps.repo.meta() };
}

/** Whether the Blocklist needs a full sync rather than an incremental one. */
function needsFull(deps: BlockSyncDeps, meta: BlocksMeta): boolean {
  const lastFull = meta.lastFullSyncAt ? Date.parse(meta.lastFullSyncAt) : 0;
  return (
    deps.full ||
    meta.accountKey !== deps.accountKey ||
    meta.completeAt === null ||
    // Emptied after a 403: only a full sync fills it again.
    meta.blocklist.readable !== true ||
    deps.now().getTime() - lastFull > (deps.reconcileEveryMs ?? DAY_MS)
  );
}

async function syncBlocklist(deps: BlockSyncDeps): Promise<BlockSyncResult['blocklist']> {
  try {
    const meta = await deps.repo.meta();
    if (!needsFull(deps, meta)) {
      const { serverTotal, localCount } = await incrementalBlocklist(deps, true);
      if (serverTotal === localCount) return 'incremental';
      deps.onLog?.(
        `The console's Blocklist holds ${serverTotal} items and the cache ${localCount}: reconciling with a full sync.`,
      );
    }
    await fullBlocklist(deps);
    // What changed on the console while the pages were fetched (the IOC sync does the same).
    await incrementalBlocklist(deps, false);
    return 'full';
  } catch (error) {
    if (!isRefusal(error)) throw error;
    await deps.repo.replaceBlocklist([], {
      accountKey: deps.accountKey,
      completeAt: null,
      watermark: null,
      lastFullSyncAt: null,
      blocklist: { readable: false, reason: error.message },
    });
    deps.onLog?.(`The Blocklist is not readable with this token: ${error.message}`);
    return 'unreadable';
  }
}

/** Every item, written in one transaction once all pages arrived: a failure leaves the previous list. */
async function fullBlocklist(deps: BlockSyncDeps): Promise<void> {
  const limit = deps.pageSize ?? PAGE_SIZE;
  // Asked first, so that anything changed while the pages are fetched is newer and is picked up by
  // the incremental sync that follows.
  const newest = await deps.client.listBlocklistPage({ sortBy: 'updatedAt', sortOrder: 'desc', limit: 1 });
  const watermark = newest.data[0]?.updatedAt ?? null;
  // By id: an item seen on two pages (it moved while they were fetched) is kept once.
  const items = new Map<string, BlocklistItem>();
  for await (const page of deps.client.listBlocklist({ limit })) {
    for (const item of page.data) items.set(item.id, item);
  }
  const at = deps.now().toISOString();
  await deps.repo.replaceBlocklist([...items.values()], {
    accountKey: deps.accountKey,
    completeAt: at,
    lastFullSyncAt: at,
    watermark,
    blocklist: { readable: true, reason: null },
  });
}

/**
 * What changed since the watermark, merged into the cache. With `check`, the console's count is
 * compared with the cache's; the cache is marked complete only when they agree.
 */
async function incrementalBlocklist(
  deps: BlockSyncDeps,
  check: boolean,
): Promise<{ serverTotal: number; localCount: number }> {
  const meta = await deps.repo.meta();
  const since =
    meta.watermark === null ? undefined : shiftIso(meta.watermark, -(deps.overlapMs ?? WATERMARK_OVERLAP_MS));
  let newest = meta.watermark;
  for await (const page of deps.client.listBlocklist({
    updatedAt__gt: since,
    sortBy: 'updatedAt',
    sortOrder: 'asc',
    limit: deps.pageSize ?? PAGE_SIZE,
  })) {
    for (const item of page.data) newest = laterIso(newest, item.updatedAt);
    await deps.repo.putBlocklist(page.data);
  }
  if (!check) {
    await deps.repo.updateMeta({ watermark: newest });
    return { serverTotal: -1, localCount: -1 };
  }
  const serverTotal = await deps.client.countBlocklist();
  const localCount = (await deps.repo.meta()).blocklistCount;
  const consistent = serverTotal === localCount;
  await deps.repo.updateMeta(
    consistent ? { watermark: newest, completeAt: deps.now().toISOString() } : { watermark: newest },
  );
  return { serverTotal, localCount };
}

/** The extension's rules, cached whole; the expired ones removed from the console and the cache. */
async function syncFirewall(
  deps: BlockSyncDeps,
): Promise<{ firewall: BlockSyncResult['firewall']; expired: FirewallRule[] }> {
  const available = { firewall: { available: true, reason: null } };
  let rules: FirewallRule[];
  try {
    rules = [];
    for await (const page of deps.client.listFirewallRules({
      name__contains: [FIREWALL_RULE_PREFIX],
      limit: deps.pageSize ?? PAGE_SIZE,
    })) {
      // name__contains also matches the prefix in the middle of someone else's rule name.
      rules.push(...page.data.filter(isOwnRule));
    }
  } catch (error) {
    if (!isRefusal(error)) throw error;
    await deps.repo.replaceFirewallRules([], { firewall: { available: false, reason: error.message } });
    deps.onLog?.(`Firewall Control is not available: ${error.message}`);
    return { firewall: 'unavailable', expired: [] };
  }
  // Cached first, so that the cache is what the console holds even when the removal below fails.
  await deps.repo.replaceFirewallRules(rules, available);
  let removed: FirewallRule[];
  let doubled: FirewallRule[];
  try {
    // One rule per value: a second one (a create the browser sent twice) goes first.
    const surplus = surplusRules(rules);
    ({ removed: doubled } = await removeRules({ client: deps.client }, surplus));
    const kept = rules.filter((rule) => !surplus.includes(rule));
    ({ removed } = await removeExpiredRules({ client: deps.client }, kept, deps.now()));
  } catch (error) {
    if (!isRefusal(error)) throw error;
    // Listed but not deletable: the rules stand (and block) on the console, so they stay cached.
    await deps.repo.updateMeta({ firewall: { available: false, reason: error.message } });
    deps.onLog?.(`Expired firewall rules could not be removed: ${error.message}`);
    return { firewall: 'unavailable', expired: [] };
  }
  const gone = [...doubled, ...removed];
  if (gone.length > 0) await deps.repo.removeFirewallRules(gone.map((rule) => rule.id));
  for (const rule of doubled) {
    deps.onLog?.(
      `Block network on ${ruleTarget(rule)?.value ?? rule.name}: a second rule for it was removed.`,
    );
  }
  for (const rule of removed) {
    const target = ruleTarget(rule)?.value ?? rule.name;
    deps.onLog?.(
      `Block network on ${target} expired on ${ruleExpiry(rule) ?? 'an unknown date'}: rule removed.`,
    );
  }
  return { firewall: 'synced', expired: removed };
}
