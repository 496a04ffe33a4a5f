/**
 * The Blocks view's export: CSV for people (one line per row, as the grid shows it) and JSON for
 * tools (the Blocklist items and firewall rules as the console returned them).
 */
import Papa from 'papaparse';
import { exportFileName } from '../iocs/export';
import { ACTION_LABELS } from './actions';
import type { BlockRow } from './blocks-table';

/** Columns of the CSV export, in order. */
export const BLOCK_CSV_COLUMNS = [
  'action',
  'value',
  'type',
  'osTypes',
  'direction',
  'until',
  'status',
  'description',
  'source',
  'user',
  'createdAt',
  'updatedAt',
  'blocklistIds',
  'firewallRuleIds',
] as const;

/** Excel runs a cell that starts with one of these as a formula; the same rule as lib/iocs/export.ts. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** RFC 4180 CSV of `rows`, one line per row; lists inside a cell are joined with a space. */
export function blocksToCsv(rows: readonly BlockRow[]): string {
  const csv = Papa.unparse(
    {
      fields: [...BLOCK_CSV_COLUMNS],
      data: rows.map((row) => [
        ACTION_LABELS[row.kind],
        row.value,
        row.valueType,
        row.osTypes.join(' '),
        row.direction,
        row.until ?? '',
        row.status,
        row.description,
        row.source,
        row.user,
        row.createdAt,
        row.updatedAt,
        row.blocklistIds.join(' '),
        row.firewallRuleIds.join(' '),
      ]),
    },
    { newline: '\r\n', escapeFormulae: FORMULA_START },
  );
  return csv.endsWith('\r\n') ? csv : `${csv}\r\n`;
}

/** JSON for tools: the Blocklist items and firewall rules of `rows`, as the console returned them. */
export function blocksToJson(rows: readonly BlockRow[]): string {
  const blocklist = rows.filter((row) => row.kind === 'blockExecution').flatMap((row) => row.items);
  const firewallRules = rows.filter((row) => row.kind === 'blockNetwork').flatMap((row) => row.items);
  return JSON.stringify({ blocklist, firewallRules }, null, 2);
}

/** `s1-blocks-2026-11-27T1200Z-12.csv`, named like the IOC export. */
export function blocksExportFileName(kind: 'csv' | 'json', now: Date, count: number): string {
  return exportFileName(kind, now, count).replace(/^s1-iocs-/, 's1-blocks-');
}
