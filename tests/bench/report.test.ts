import { describe, expect, it } from 'vitest';
import {
  cell,
  jsonLine,
  type MetricResult,
  markdownTable,
  resultsFromLog,
  type Unit,
  withSection,
} from './report';

const SECTION = '## Ten\n\nnew table\n';

describe('withSection', () => {
  it.each<[string, string, string]>([
    [
      'replaces the section up to the next heading',
      '# R\n\nmain\n\n## Ten\n\nold table\n\n## History\n\nnotes\n',
      '# R\n\nmain\n\n## Ten\n\nnew table\n\n## History\n\nnotes\n',
    ],
    [
      'replaces a last section',
      '# R\n\nmain\n\n## Ten\n\nold table\n',
      '# R\n\nmain\n\n## Ten\n\nnew table\n',
    ],
    [
      'inserts it before the history when there is none',
      '# R\n\nmain\n\n## History\n\nnotes\n',
      '# R\n\nmain\n\n## Ten\n\nnew table\n\n## History\n\nnotes\n',
    ],
    ['appends it when there is no history', '# R\n\nmain\n', '# R\n\nmain\n\n## Ten\n\nnew table\n'],
    [
      'leaves a heading that only starts the same alone',
      '# R\n\n## Tenants\n\nx\n\n## History\n',
      '# R\n\n## Tenants\n\nx\n\n## Ten\n\nnew table\n\n## History\n',
    ],
  ])('%s', (_name, document, expected) => {
    expect(withSection(document, '## Ten', SECTION)).toBe(expected);
  });
});

describe('cell', () => {
  it.each<[string, number, Unit, string]>([
    ['a figure and its unit', 1234.4, 'ms', '1,234 ms'],
    ['a ratio', 1.234, '×', '1.23 ×'],
    ['a count without a unit', 3, 'n', '3'],
    ['a metric not run', Number.NaN, '×', '—'],
  ])('%s', (_name, value, unit, expected) => {
    expect(cell(value, unit)).toBe(expected);
  });
});

describe('markdownTable', () => {
  const summary = { runs: 2, min: 1.1, median: 1.2, max: 1.3, p95: 1.3 };
  it.each<[string, string | undefined, string]>([
    [
      'prints the floor a ratio is set against',
      'ingest 2.1 s (median of 2)',
      '| ingest 2.1 s (median of 2) |',
    ],
    ['a dash for a figure without one', undefined, '| 1.3 × | — | ≤ 1.5× (median) |'],
  ])('%s', (_name, floor, expected) => {
    const table = markdownTable([
      { id: '1', title: 'sync', unit: '×', statistic: 'median', summary, target: '≤ 1.5×', met: true, floor },
    ]);
    expect(table.split('\n')[2]).toContain(expected);
  });
});

describe('resultsFromLog', () => {
  const result = (id: string, extra: Partial<MetricResult> = {}): MetricResult => ({
    id,
    title: `metric ${id}`,
    unit: '×',
    statistic: 'median',
    summary: { runs: 3, min: 1.1, median: 1.25, max: 1.5, p95: 1.5 },
    target: '≤ 1.5×',
    met: true,
    ...extra,
  });
  it.each<[string, MetricResult[]]>([
    ['one result', [result('1')]],
    ['with a floor and a note', [result('1', { floor: 'ingest 6.1 s', note: 'sync 10 s' })]],
    ['reported without a target', [result('10a', { met: null, target: 'reported', unit: 'KB' })]],
    ['several, in order', [result('1'), result('3', { met: false })]],
  ])('%s: what jsonLine printed comes back', (_label, results) => {
    const log = ['Benchmark on a machine', ...results.map(jsonLine), 'Targets missed: 3', ''].join('\n');
    expect(resultsFromLog(log)).toEqual(results);
  });

  it('reads nothing from a log without results', () => {
    expect(resultsFromLog('vite v6 building…\nBenchmark on a machine\n')).toEqual([]);
  });
});
