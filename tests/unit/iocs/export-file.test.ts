import { describe, expect, it } from 'vitest';
import { importStixBundle } from '../../../lib/formats/stix-import';
import { type ExportKind, exportFile } from '../../../lib/iocs/export-file';
import { makeIoc } from './fixtures';

const NOW = new Date(Date.UTC(2026, 10, 27, 12));
const iocs = [
  makeIoc({ threatActors: ['APT28'], malwareNames: ['X-Agent'], labels: ['apt'], severity: 4 }),
  makeIoc({ uuid: 'u-2', value: '1.2.3.4', type: 'IPV4' }),
];

describe('exportFile', () => {
  it.each<[ExportKind, string, string]>([
    ['csv', 's1-iocs-2026-11-27T1200Z-2.csv', 'text/csv'],
    ['json', 's1-iocs-2026-11-27T1200Z-2.json', 'application/json'],
    ['stix', 's1-iocs-2026-11-27T1200Z-2.stix.json', 'application/json'],
  ])('names a %s export %j of type %s', (kind, fileName, type) => {
    const file = exportFile(kind, iocs, NOW);
    expect(file.fileName).toBe(fileName);
    expect(file.type).toBe(type);
  });

  it.each<[ExportKind, (text: string) => boolean]>([
    ['csv', (text) => text.startsWith('uuid,') && text.includes('APT28')],
    ['json', (text) => (JSON.parse(text) as unknown[]).length === 2],
    ['stix', (text) => (JSON.parse(text) as { type: string }).type === 'bundle'],
  ])('writes %s', (kind, check) => {
    expect(check(exportFile(kind, iocs, NOW).text)).toBe(true);
  });

  it('puts the tenant in CSV and JSON', () => {
    expect(exportFile('csv', iocs, NOW, ['A', 'B']).text.startsWith('tenant,uuid,')).toBe(true);
    expect(JSON.parse(exportFile('json', iocs, NOW, ['A', 'B']).text)[1].tenant).toBe('B');
  });

  it('writes a STIX bundle the STIX import reads back with its context', () => {
    const result = importStixBundle(exportFile('stix', iocs, NOW).text, NOW);
    expect(JSON.stringify(result)).toContain('APT28');
    expect(JSON.stringify(result)).toContain('X-Agent');
  });
});
