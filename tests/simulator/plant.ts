/**
 * Changes made "by another console user" behind the extension's back (sync tests): Blocklist items
 * and Firewall Control rules planted or removed directly in an account, with the API's defaults filled
 * in. Planting an id that exists replaces that item and stamps a new updatedAt (an edit on the console).
 */
import { accountById } from './accounts-data';
import type { BlocklistItem } from './blocklist-model';
import { readHashPair } from './blocklist-model';
import { formatUs, parseTimestampUs } from './clock';
import { type FirewallRule, readRuleFields } from './firewall-model';
import { blocklistOf, firewallOf, newBlockId, type SimState } from './state';

export const OTHER_USER = { id: '1904412745532171099', fullName: 'Another Analyst' } as const;

function stamp(v: unknown, fallback: string): string {
  if (typeof v !== 'string') return fallback;
  const us = parseTimestampUs(v);
  if (us === null) throw new Error(`Not a timestamp: ${v}`);
  return formatUs(us);
}

function upsert<T extends { id: string }>(list: T[], item: T): void {
  const at = list.findIndex((x) => x.id === item.id);
  if (at >= 0) list[at] = item;
  else list.push(item);
}

export function plantBlocklist(
  state: SimState,
  accountId: string,
  inputs: Array<Partial<BlocklistItem>>,
): BlocklistItem[] {
  const list = blocklistOf(state, accountId);
  const now = state.clock.iso();
  const account = accountById(accountId)?.name ?? accountId;
  return inputs.map((input) => {
    const read = readHashPair(input as Record<string, unknown>);
    if (!read.ok) throw new Error(read.detail);
    const existing = input.id ? list.find((i) => i.id === input.id) : undefined;
    const item: BlocklistItem = {
      id: input.id ?? newBlockId(state),
      type: 'black_hash',
      osType: read.pair.osType,
      ...(read.pair.value !== undefined ? { value: read.pair.value } : {}),
      ...(read.pair.sha256Value !== undefined ? { sha256Value: read.pair.sha256Value } : {}),
      description: input.description ?? '',
      source: input.source ?? 'user',
      scope: input.scope ?? { accountIds: [accountId] },
      scopeName: input.scopeName ?? account,
      scopePath: input.scopePath ?? `Global / ${account}`,
      userId: input.userId ?? OTHER_USER.id,
      userName: input.userName ?? OTHER_USER.fullName,
      notRecommended: input.notRecommended ?? 'NONE',
      createdAt: stamp(input.createdAt, existing?.createdAt ?? now),
      updatedAt: stamp(input.updatedAt, now),
      imported: input.imported ?? false,
    };
    upsert(list, item);
    return structuredClone(item);
  });
}

export function plantFirewall(
  state: SimState,
  accountId: string,
  inputs: Array<Partial<FirewallRule>>,
): FirewallRule[] {
  const list = firewallOf(state, accountId);
  const now = state.clock.iso();
  return inputs.map((input) => {
    const read = readRuleFields(
      { action: 'Block', status: 'Enabled', osTypes: ['windows', 'macos', 'linux'], ...input } as Record<
        string,
        unknown
      >,
      false,
    );
    if (!read.ok) throw new Error(read.detail);
    const existing = input.id ? list.find((r) => r.id === input.id) : undefined;
    const f = read.fields;
    const rule: FirewallRule = {
      id: input.id ?? newBlockId(state),
      name: f.name ?? '',
      description: f.description ?? '',
      action: f.action ?? 'Block',
      status: f.status ?? 'Enabled',
      direction: f.direction ?? 'any',
      osTypes: f.osTypes ?? [],
      remoteHosts: f.remoteHosts ?? [],
      protocol: f.protocol ?? null,
      scope: input.scope ?? 'account',
      scopeId: input.scopeId ?? accountId,
      creator: input.creator ?? OTHER_USER.fullName,
      creatorId: input.creatorId ?? OTHER_USER.id,
      createdAt: stamp(input.createdAt, existing?.createdAt ?? now),
      updatedAt: stamp(input.updatedAt, now),
      editable: input.editable ?? true,
      order: input.order ?? existing?.order ?? nextOrder(list),
    };
    upsert(list, rule);
    return structuredClone(rule);
  });
}

/** Rules are numbered in creation order within an account (the console's evaluation order). */
export const nextOrder = (list: readonly FirewallRule[]): number =>
  list.reduce((max, r) => Math.max(max, r.order), 0) + 1;

/** Removes items by id; returns how many went. */
export function removeById<T extends { id: string }>(list: T[], ids: readonly string[]): number {
  const wanted = new Set(ids);
  const keep = list.filter((x) => !wanted.has(x.id));
  const removed = list.length - keep.length;
  list.splice(0, list.length, ...keep);
  return removed;
}
