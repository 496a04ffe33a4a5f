import { describe, expect, it } from 'vitest';
import {
  type BlockRow,
  type BlockSort,
  blockRows,
  blockStateLine,
  EMPTY_BLOCK_FILTER,
  filterBlockRows,
  nextSort,
  osText,
  sortBlockRows,
  unblockQuestion,
  unblockTargets,
} from '../../../lib/blocks/blocks-table';
import { firewallRuleDraft } from '../../../lib/blocks/firewall-rules';
import type { BlocklistItem, FirewallRule } from '../../../lib/s1/block-schemas';

const SHA256 = 'a'.repeat(64);
const SHA1 = 'b'.repeat(40);

function item(overrides: Partial<BlocklistItem> = {}): BlocklistItem {
  return {
    id: 'i-1',
    type: 'black_hash',
    osType: 'windows',
    value: null,
    sha256Value: SHA256,
    description: 'Ransomware dropper',
    source: 'S1 IOC Manager',
    userName: 'Analyst One',
    notRecommended: 'NONE',
    createdAt: '2026-04-01T10:00:00.000Z',
    updatedAt: '2026-04-01T10:00:00.000Z',
    ...overrides,
  };
}

/** A rule as the extension writes it, with the id and times the console adds. */
function rule(
  value: string,
  type: 'DNS' | 'IPV4' | 'IPV6',
  overrides: Partial<FirewallRule> = {},
): FirewallRule {
  return {
    ...firewallRuleDraft({ value, type, creator: 'Analyst Two', validUntil: '2026-07-01T00:00:00Z' }),
    id: `r-${value}`,
    creator: 'Analyst Two',
    createdAt: '2026-04-02T10:00:00.000Z',
    updatedAt: '2026-04-02T10:00:00.000Z',
    ...overrides,
  };
}

const pick = (row: BlockRow) => ({
  kind: row.kind,
  value: row.value,
  valueType: row.valueType,
  osTypes: row.osTypes,
  blocklistIds: row.blocklistIds,
  firewallRuleIds: row.firewallRuleIds,
});

describe('blockRows', () => {
  it.each<[string, BlocklistItem[], FirewallRule[], ReturnType<typeof pick>[]]>([
    ['nothing cached', [], [], []],
    [
      'the three per-OS items of one hash are one row, OSes in Windows, macOS, Linux order',
      [
        item({ id: 'l', osType: 'linux' }),
        item({ id: 'w', osType: 'windows' }),
        item({ id: 'm', osType: 'macos' }),
      ],
      [],
      [
        {
          kind: 'blockExecution',
          value: SHA256,
          valueType: 'SHA256',
          osTypes: ['windows', 'macos', 'linux'],
          blocklistIds: ['l', 'w', 'm'],
          firewallRuleIds: [],
        },
      ],
    ],
    [
      'a hash in another case is the same hash',
      [item({ id: 'w' }), item({ id: 'm', osType: 'macos', sha256Value: SHA256.toUpperCase() })],
      [],
      [
        {
          kind: 'blockExecution',
          value: SHA256,
          valueType: 'SHA256',
          osTypes: ['windows', 'macos'],
          blocklistIds: ['w', 'm'],
          firewallRuleIds: [],
        },
      ],
    ],
    [
      'a SHA1 is its own row; an OS the extension does not offer is kept, last',
      [item({ id: 's', sha256Value: null, value: SHA1, osType: 'windows_legacy' })],
      [],
      [
        {
          kind: 'blockExecution',
          value: SHA1,
          valueType: 'SHA1',
          osTypes: ['windows_legacy'],
          blocklistIds: ['s'],
          firewallRuleIds: [],
        },
      ],
    ],
    [
      'rules come after the hashes, one row each, with the value the rule blocks',
      [item({ id: 'w' })],
      [rule('evil.example', 'DNS'), rule('203.0.113.7', 'IPV4')],
      [
        {
          kind: 'blockExecution',
          value: SHA256,
          valueType: 'SHA256',
          osTypes: ['windows'],
          blocklistIds: ['w'],
          firewallRuleIds: [],
        },
        {
          kind: 'blockNetwork',
          value: 'evil.example',
          valueType: 'DNS',
          osTypes: ['windows', 'macos', 'linux'],
          blocklistIds: [],
          firewallRuleIds: ['r-evil.example'],
        },
        {
          kind: 'blockNetwork',
          value: '203.0.113.7',
          valueType: 'IPV4',
          osTypes: ['windows', 'macos', 'linux'],
          blocklistIds: [],
          firewallRuleIds: ['r-203.0.113.7'],
        },
      ],
    ],
    [
      'a rule not named by the extension is listed under its hosts, so it can still be removed',
      [],
      [
        rule('x', 'DNS', {
          id: 'r-other',
          name: 'Corp rule',
          remoteHosts: [{ type: 'fqdn', values: ['a.test', 'b.test'] }],
        }),
      ],
      [
        {
          kind: 'blockNetwork',
          value: 'a.test, b.test',
          valueType: 'fqdn',
          osTypes: ['windows', 'macos', 'linux'],
          blocklistIds: [],
          firewallRuleIds: ['r-other'],
        },
      ],
    ],
  ])('%s', (_, blocklist, rules, expected) => {
    expect(blockRows(blocklist, rules).map(pick)).toEqual(expected);
  });

  it('newest hash first; created is the earliest item, updated the latest', () => {
    const rows = blockRows(
      [
        item({ id: 'old', sha256Value: 'c'.repeat(64), updatedAt: '2026-01-01T00:00:00Z' }),
        item({ id: 'w', createdAt: '2026-03-01T00:00:00Z', updatedAt: '2026-03-02T00:00:00Z' }),
        item({
          id: 'm',
          osType: 'macos',
          createdAt: '2026-02-01T00:00:00Z',
          updatedAt: '2026-05-01T00:00:00Z',
        }),
      ],
      [],
    );
    expect(rows.map((row) => [row.blocklistIds, row.createdAt, row.updatedAt])).toEqual([
      [['w', 'm'], '2026-02-01T00:00:00Z', '2026-05-01T00:00:00Z'],
      [['old'], '2026-04-01T10:00:00.000Z', '2026-01-01T00:00:00Z'],
    ]);
  });

  it('says distinct descriptions of one hash once each', () => {
    const [row] = blockRows(
      [
        item({ id: 'w' }),
        item({ id: 'm', osType: 'macos' }),
        item({ id: 'l', osType: 'linux', description: 'Other' }),
      ],
      [],
    );
    expect(row?.description).toBe('Ransomware dropper; Other');
  });

  it('reads the rule fields the view shows: direction, expiry, status, creator', () => {
    const [row] = blockRows([], [rule('evil.example', 'DNS')]);
    expect(row).toMatchObject({
      direction: 'outbound',
      until: '2026-07-01T00:00:00.000Z',
      status: 'Enabled',
      user: 'Analyst Two',
    });
  });
});

describe('osText', () => {
  it.each<[string[], string]>([
    [['windows', 'macos', 'linux'], 'Windows, macOS, Linux'],
    [['linux'], 'Linux'],
    [['windows_legacy'], 'windows_legacy'],
    [[], ''],
  ])('%j → %s', (oses, text) => {
    expect(osText(oses)).toBe(text);
  });
});

describe('filterBlockRows', () => {
  const rows = blockRows(
    [
      item({ id: 'w' }),
      item({
        id: 's',
        value: SHA1,
        sha256Value: null,
        description: 'From EDR',
        source: 'Feed_X',
        userName: 'Zed',
      }),
    ],
    [rule('evil.example', 'DNS')],
  );
  it.each<[string, Partial<typeof EMPTY_BLOCK_FILTER>, string[]]>([
    ['no filter: every row', {}, [SHA256, SHA1, 'evil.example']],
    ['value, ignoring case', { text: 'EVIL' }, ['evil.example']],
    ['part of a hash', { text: 'bbbb' }, [SHA1]],
    ['description', { text: 'dropper' }, [SHA256]],
    ['source', { text: 'feed_x' }, [SHA1]],
    ['user', { text: 'analyst two' }, ['evil.example']],
    ['surrounding spaces ignored', { text: '  zed ' }, [SHA1]],
    ['kind: Block execution', { kind: 'blockExecution' }, [SHA256, SHA1]],
    ['kind: Block network', { kind: 'blockNetwork' }, ['evil.example']],
    ['kind and text combine', { kind: 'blockNetwork', text: 'dropper' }, []],
    ['nothing matches', { text: 'nope' }, []],
  ])('%s', (_, filter, values) => {
    expect(filterBlockRows(rows, { ...EMPTY_BLOCK_FILTER, ...filter }).map((row) => row.value)).toEqual(
      values,
    );
  });
});

describe('sortBlockRows', () => {
  const rows = blockRows(
    [
      item({ id: 'a', sha256Value: 'a'.repeat(64), description: 'beta', updatedAt: '2026-04-03T00:00:00Z' }),
      item({ id: 'c', sha256Value: 'c'.repeat(64), description: 'Alpha', updatedAt: '2026-04-02T00:00:00Z' }),
    ],
    [rule('b.example', 'DNS', { updatedAt: '2026-04-04T00:00:00Z' })],
  );
  const values = (sort: BlockSort | null) => sortBlockRows(rows, sort).map((row) => row.value[0]);
  it.each<[BlockSort | null, string[]]>([
    [null, ['a', 'c', 'b']],
    [{ id: 'value', desc: false }, ['a', 'b', 'c']],
    [{ id: 'value', desc: true }, ['c', 'b', 'a']],
    // Case is ignored ("Alpha" < "beta" < the rule's "Blocked by …").
    [{ id: 'description', desc: false }, ['c', 'a', 'b']],
    [{ id: 'updatedAt', desc: true }, ['b', 'a', 'c']],
    [{ id: 'kind', desc: false }, ['a', 'c', 'b']],
    [{ id: 'kind', desc: true }, ['b', 'a', 'c']],
    // Empty cells last in both directions: only the rule has an expiry.
    [{ id: 'until', desc: false }, ['b', 'a', 'c']],
    [{ id: 'until', desc: true }, ['b', 'a', 'c']],
  ])('%j', (sort, expected) => {
    expect(values(sort)).toEqual(expected);
  });

  it('does not reorder its input', () => {
    const before = rows.map((row) => row.key);
    sortBlockRows(rows, { id: 'value', desc: true });
    expect(rows.map((row) => row.key)).toEqual(before);
  });
});

describe('nextSort', () => {
  it.each<[BlockSort | null, BlockSort | null]>([
    [null, { id: 'value', desc: false }],
    [
      { id: 'value', desc: false },
      { id: 'value', desc: true },
    ],
    [{ id: 'value', desc: true }, null],
    [
      { id: 'user', desc: true },
      { id: 'value', desc: false },
    ],
  ])('%j → %j', (current, next) => {
    expect(nextSort(current, 'value')).toEqual(next);
  });
});

describe('unblockTargets and unblockQuestion', () => {
  const hash = blockRows(
    [item({ id: 'w' }), item({ id: 'm', osType: 'macos' }), item({ id: 'l', osType: 'linux' })],
    [],
  )[0] as BlockRow;
  const sha1 = blockRows([item({ id: 's', value: SHA1, sha256Value: null })], [])[0] as BlockRow;
  const domain = blockRows([], [rule('evil.example', 'DNS')])[0] as BlockRow;
  const ip = blockRows([], [rule('203.0.113.7', 'IPV4')])[0] as BlockRow;
  it.each<[string, BlockRow[], object, string]>([
    [
      'one hash',
      [hash],
      { blocklistIds: ['w', 'm', 'l'] },
      `Lift Block execution of ${SHA256} on Windows, macOS, Linux?`,
    ],
    [
      'one rule',
      [domain],
      { firewallRuleIds: ['r-evil.example'] },
      'Remove the Block network rule for evil.example?',
    ],
    [
      'several hashes',
      [hash, sha1],
      { blocklistIds: ['w', 'm', 'l', 's'] },
      'Lift Block execution of 2 hashes (4 Blocklist items) on SentinelOne?',
    ],
    [
      'several rules',
      [domain, ip],
      { firewallRuleIds: ['r-evil.example', 'r-203.0.113.7'] },
      'Remove 2 Block network rules on SentinelOne?',
    ],
    [
      'both kinds',
      [sha1, domain],
      { blocklistIds: ['s'], firewallRuleIds: ['r-evil.example'] },
      'Lift Block execution of 1 hash (1 Blocklist item) and remove 1 Block network rule on SentinelOne?',
    ],
  ])('%s', (_, rows, targets, question) => {
    expect(unblockTargets(rows)).toEqual(targets);
    expect(unblockQuestion(rows)).toBe(question);
  });

  it('spells out hidden characters in the value it names', () => {
    const odd = blockRows([], [rule('evil\u202Eexample', 'DNS')])[0] as BlockRow;
    expect(unblockQuestion([odd])).toBe('Remove the Block network rule for evil⟨U+202E⟩example?');
  });
});

describe('blockStateLine', () => {
  const found = {
    blocklist: [item({ id: 'w' }), item({ id: 'm', osType: 'macos' })],
    firewall: [rule('evil.example', 'DNS')],
  };
  const readable = { readable: true, reason: null };
  it.each<[string, string, { readable: boolean | null; reason: string | null }, string]>([
    ['a hash blocked on two OSes', SHA256.toUpperCase(), readable, 'Detected · Blocked on Windows, macOS'],
    ['a domain with a rule', 'Evil.Example', readable, 'Detected · Network-blocked'],
    ['a value with neither', 'other.example', readable, 'Detected · Not blocked'],
    [
      'Blocklist unreadable: no "Not blocked" guess',
      'other.example',
      { readable: false, reason: 'Missing Blacklist.view' },
      'Detected · Blocklist not readable: Missing Blacklist.view',
    ],
    [
      'Blocklist not synced yet, but a rule is known',
      'evil.example',
      { readable: null, reason: null },
      'Detected · Network-blocked · Blocklist not synced yet',
    ],
  ])('%s', (_, value, access, line) => {
    expect(blockStateLine(value, found, access)).toBe(line);
  });
});
