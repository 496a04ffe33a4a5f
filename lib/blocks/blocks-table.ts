/**
 * The manager's Blocks view as data: one row per blocked hash (its up-to-three per-OS Blocklist
 * items together) and one per firewall rule of the extension; the filter, the sort and the unblock
 * question (the export is in blocks-export.ts). Pure, so that every rule here is tested without a page.
 */
import { OS_LABELS, OS_TYPES } from '../../config/os-types';
import { displayText } from '../iocs/display-text';
import type { BlocklistItem, FirewallRule } from '../s1/block-schemas';
import type { BlocksFound } from '../store/block-repo';
import type { FeatureAccess } from '../store/db';
import { ACTION_LABELS, type UnblockTargets } from './actions';
import { blockStateOf, describeBlockStateAs } from './block-state';
import { ruleExpiry, ruleTarget } from './firewall-rules';

export type BlockKind = 'blockExecution' | 'blockNetwork';

export interface BlockRow {
  /** Unique among the rows: `x:` and the hash pair for a hash, `f:` and the rule id for a rule. */
  key: string;
  kind: BlockKind;
  /** The hash (SHA256 when the items hold one), or the IP, CIDR or domain the rule blocks. */
  value: string;
  /** SHA1 / SHA256 for a hash; the rule target's type for a rule. */
  valueType: string;
  /** The OSes in the console's raw spelling, Windows, macOS, Linux first. */
  osTypes: string[];
  description: string;
  source: string;
  /** Who made it: the Blocklist item's userName, the rule's creator. */
  user: string;
  /** Firewall rules only: inbound, outbound, any. */
  direction: string;
  /** Firewall rules only: the expiry the extension wrote into the rule, or null. */
  until: string | null;
  /** Firewall rules only: Enabled, Disabled. */
  status: string;
  createdAt: string;
  updatedAt: string;
  /** What an unblock of this row removes. */
  blocklistIds: string[];
  firewallRuleIds: string[];
  /** The items exactly as the console returned them. */
  items: ReadonlyArray<BlocklistItem | FirewallRule>;
}

const osOrder = (os: string) => {
  const at = (OS_TYPES as readonly string[]).indexOf(os);
  return at === -1 ? OS_TYPES.length : at;
};
const sortOses = (oses: Iterable<string>) =>
  [...new Set(oses)].sort((a, b) => osOrder(a) - osOrder(b) || a.localeCompare(b));

/** "Windows, macOS, Linux"; an OS the extension does not name (windows_legacy) as the console spells it. */
export function osText(osTypes: readonly string[]): string {
  return osTypes.map((os) => (OS_LABELS as Record<string, string | undefined>)[os] ?? os).join(', ');
}

const lower = (text: string | null | undefined) => (text ?? '').toLowerCase();
/** ISO times order as text. */
const earliest = (dates: string[]) => [...dates].sort()[0] ?? '';
const latest = (dates: string[]) => [...dates].sort().at(-1) ?? '';
/** Per-OS items of one hash may differ in these; the row says each distinct one once. */
const distinct = (texts: Array<string | null | undefined>) =>
  [...new Set(texts.filter((text): text is string => Boolean(text)))].join('; ');

function hashRow(items: BlocklistItem[]): BlockRow {
  const first = items[0] as BlocklistItem;
  const sha256 = items.find((item) => item.sha256Value)?.sha256Value;
  const sha1 = items.find((item) => item.value)?.value;
  return {
    key: `x:${lower(first.value)}|${lower(first.sha256Value)}`,
    kind: 'blockExecution',
    value: sha256 ?? sha1 ?? '',
    valueType: sha256 ? 'SHA256' : 'SHA1',
    osTypes: sortOses(items.map((item) => item.osType)),
    description: distinct(items.map((item) => item.description)),
    source: distinct(items.map((item) => item.source)),
    user: distinct(items.map((item) => item.userName)),
    direction: '',
    until: null,
    status: '',
    createdAt: earliest(items.map((item) => item.createdAt)),
    updatedAt: latest(items.map((item) => item.updatedAt)),
    blocklistIds: items.map((item) => item.id),
    firewallRuleIds: [],
    items,
  };
}

function ruleRow(rule: FirewallRule): BlockRow {
  const target = ruleTarget(rule);
  // A rule without a target the extension reads (edited in the console, say) is still listed,
  // under its name, so that it can be seen and removed.
  const hosts = rule.remoteHosts?.flatMap((host) => host.values) ?? [];
  return {
    key: `f:${rule.id}`,
    kind: 'blockNetwork',
    value: target?.value ?? (hosts.join(', ') || rule.name),
    valueType: target?.type ?? rule.remoteHosts?.[0]?.type ?? '',
    osTypes: sortOses(rule.osTypes ?? []),
    description: rule.description ?? '',
    source: '',
    user: rule.creator ?? '',
    direction: rule.direction ?? '',
    until: ruleExpiry(rule),
    status: rule.status ?? '',
    createdAt: rule.createdAt ?? '',
    updatedAt: rule.updatedAt ?? rule.createdAt ?? '',
    blocklistIds: [],
    firewallRuleIds: [rule.id],
    items: [rule],
  };
}

/**
 * The rows of the cached blocks: Blocklist items grouped by hash (the SHA1 and SHA256 pair, case
 * folded), newest first, then the firewall rules, newest first.
 */
export function blockRows(blocklist: readonly BlocklistItem[], rules: readonly FirewallRule[]): BlockRow[] {
  const byHash = new Map<string, BlocklistItem[]>();
  for (const item of blocklist) {
    const key = `${lower(item.value)}|${lower(item.sha256Value)}`;
    const group = byHash.get(key);
    if (group) group.push(item);
    else byHash.set(key, [item]);
  }
  const newestFirst = (a: BlockRow, b: BlockRow) =>
    a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0;
  return [...Array.from(byHash.values(), hashRow).sort(newestFirst), ...rules.map(ruleRow).sort(newestFirst)];
}

export interface BlockFilter {
  /** Matches value, description, source and user anywhere, ignoring case. */
  text: string;
  kind: BlockKind | 'all';
}

export const EMPTY_BLOCK_FILTER: BlockFilter = { text: '', kind: 'all' };

export function filterBlockRows(rows: readonly BlockRow[], filter: BlockFilter): BlockRow[] {
  const needle = filter.text.trim().toLowerCase();
  return rows.filter(
    (row) =>
      (filter.kind === 'all' || row.kind === filter.kind) &&
      (needle === '' ||
        [row.value, row.description, row.source, row.user].some((text) =>
          text.toLowerCase().includes(needle),
        )),
  );
}

export const BLOCK_COLUMNS = {
  kind: 'Action',
  value: 'Value',
  valueType: 'Type',
  os: 'OS',
  direction: 'Direction',
  until: 'Until',
  status: 'Status',
  description: 'Description',
  source: 'Source',
  user: 'User',
  createdAt: 'Created',
  updatedAt: 'Updated',
} as const;
export type BlockColumnId = keyof typeof BLOCK_COLUMNS;
export interface BlockSort {
  id: BlockColumnId;
  desc: boolean;
}

/** The text a column shows and sorts by (ISO times sort as text). */
export function columnText(row: BlockRow, id: BlockColumnId): string {
  switch (id) {
    case 'kind':
      return ACTION_LABELS[row.kind];
    case 'os':
      return osText(row.osTypes);
    case 'until':
      return row.until ?? '';
    default:
      return row[id];
  }
}

/**
 * Rows in `sort` order; rows that tie keep their order. Empty cells go last either way: the
 * analyst who sorts by "Until" wants the dated rules first.
 */
export function sortBlockRows(rows: readonly BlockRow[], sort: BlockSort | null): BlockRow[] {
  if (!sort) return [...rows];
  const sign = sort.desc ? -1 : 1;
  const keyed = rows.map((row, at) => ({ row, at, text: columnText(row, sort.id).toLowerCase() }));
  keyed.sort((a, b) => {
    if (a.text === '' || b.text === '') return a.text === b.text ? a.at - b.at : a.text === '' ? 1 : -1;
    return (a.text < b.text ? -sign : a.text > b.text ? sign : 0) || a.at - b.at;
  });
  return keyed.map((entry) => entry.row);
}

/** The next sort after a click on `id`'s header: ascending, descending, then none. */
export function nextSort(current: BlockSort | null, id: BlockColumnId): BlockSort | null {
  if (current?.id !== id) return { id, desc: false };
  return current.desc ? null : { id, desc: true };
}

/** What an unblock of `rows` sends. */
export function unblockTargets(rows: readonly BlockRow[]): UnblockTargets {
  const blocklistIds = rows.flatMap((row) => row.blocklistIds);
  const firewallRuleIds = rows.flatMap((row) => row.firewallRuleIds);
  return {
    ...(blocklistIds.length > 0 ? { blocklistIds } : {}),
    ...(firewallRuleIds.length > 0 ? { firewallRuleIds } : {}),
  };
}

const plural = (count: number, one: string, many = `${one}s`) =>
  `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;

/**
 * The confirmation question for an unblock, naming what the console will stop doing. Values are
 * spelled out (display-text.ts) and cut, since a rule the console edited may name anything.
 */
export function unblockQuestion(rows: readonly BlockRow[]): string {
  const only = rows.length === 1 ? rows[0] : undefined;
  if (only?.kind === 'blockExecution')
    return `Lift Block execution of ${displayText(only.value, 200)} on ${osText(only.osTypes)}?`;
  if (only?.kind === 'blockNetwork')
    return `Remove the Block network rule for ${displayText(only.value, 200)}?`;
  const hashes = rows.filter((row) => row.kind === 'blockExecution');
  const rules = rows.filter((row) => row.kind === 'blockNetwork');
  const parts = [
    hashes.length > 0
      ? `lift Block execution of ${plural(hashes.length, 'hash', 'hashes')} (${plural(
          hashes.reduce((sum, row) => sum + row.blocklistIds.length, 0),
          'Blocklist item',
        )})`
      : '',
    rules.length > 0 ? `remove ${plural(rules.length, 'Block network rule')}` : '',
  ].filter(Boolean);
  return `${parts.join(' and ').replace(/^./, (first) => first.toUpperCase())} on SentinelOne?`;
}

/**
 * The IOC detail's line for a value it detects: "Detected · Blocked on Windows, macOS ·
 * Network-blocked". While the Blocklist is unreadable or not synced yet, "Not blocked" would be a
 * guess, so the line says why the Blocklist part is unknown instead.
 */
export function blockStateLine(value: string, found: BlocksFound, blocklist: FeatureAccess): string {
  const line = describeBlockStateAs(true, blockStateOf(value, found), blocklist.readable);
  // The detail has room for why the Blocklist could not be read.
  return blocklist.readable === false && blocklist.reason ? `${line}: ${blocklist.reason}` : line;
}
