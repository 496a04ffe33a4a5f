import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  BLOCK_CSV_COLUMNS,
  blocksExportFileName,
  blocksToCsv,
  blocksToJson,
} from '../../../lib/blocks/blocks-export';
import { type BlockRow, blockRows } from '../../../lib/blocks/blocks-table';
import { firewallRuleDraft } from '../../../lib/blocks/firewall-rules';
import type { BlocklistItem, FirewallRule } from '../../../lib/s1/block-schemas';

const SHA256 = 'a'.repeat(64);

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

describe('export', () => {
  const rows = blockRows(
    [item({ id: 'w' }), item({ id: 'm', osType: 'macos', description: '=HYPERLINK("x")' })],
    [rule('evil.example', 'DNS')],
  );

  it('writes one CSV line per row under the header, formulas neutralised', () => {
    const csv = blocksToCsv(rows);
    expect(csv.endsWith('\r\n')).toBe(true);
    const parsed = Papa.parse<string[]>(csv.trimEnd(), { newline: '\r\n' }).data;
    expect(parsed[0]).toEqual([...BLOCK_CSV_COLUMNS]);
    expect(parsed[1]).toEqual([
      'Block execution',
      SHA256,
      'SHA256',
      'windows macos',
      '',
      '',
      '',
      'Ransomware dropper; =HYPERLINK("x")',
      'S1 IOC Manager',
      'Analyst One',
      '2026-04-01T10:00:00.000Z',
      '2026-04-01T10:00:00.000Z',
      'w m',
      '',
    ]);
    expect(parsed[2]?.slice(0, 7)).toEqual([
      'Block network',
      'evil.example',
      'DNS',
      'windows macos linux',
      'outbound',
      '2026-07-01T00:00:00.000Z',
      'Enabled',
    ]);
    expect(parsed[2]?.[13]).toBe('r-evil.example');
    expect(parsed).toHaveLength(3);
  });

  it('quotes a description cell that starts a formula', () => {
    const [row] = blockRows([item({ description: '=1+1' })], []);
    expect(blocksToCsv([row as BlockRow])).toContain(`,"'=1+1",`);
  });

  it('writes the header alone for no rows', () => {
    expect(blocksToCsv([])).toBe(`${BLOCK_CSV_COLUMNS.join(',')}\r\n`);
  });

  it('JSON holds the items and rules as the console returned them', () => {
    expect(JSON.parse(blocksToJson(rows))).toEqual({
      blocklist: [rows[0]?.items[0], rows[0]?.items[1]],
      firewallRules: [rows[1]?.items[0]],
    });
    expect(JSON.parse(blocksToJson([]))).toEqual({ blocklist: [], firewallRules: [] });
  });

  it('names the file like the IOC export', () => {
    expect(blocksExportFileName('csv', new Date('2026-11-27T12:00:30Z'), 12)).toBe(
      's1-blocks-2026-11-27T1200Z-12.csv',
    );
  });
});
