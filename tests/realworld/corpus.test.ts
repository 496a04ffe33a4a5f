import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CorpusError, readCorpus } from './corpus';

let dir = '';
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function folder(files: Record<string, string>): string {
  dir = mkdtempSync(path.join(tmpdir(), 'realworld-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

describe('readCorpus', () => {
  it('reads each sub-folder with a report and a truth list, in name order, skipping the rest', () => {
    const root = folder({
      'b/report.txt': 'C2 relay[.]example[.]net',
      'b/truth.tsv': '# h\nDNS\trelay.example.net\tnotes',
      'a/report.txt': 'nothing',
      'a/truth.tsv': '# h',
      'a/excluded.tsv': '# h\nDNS\tnews.example\tnotes\tlegitimate',
      'notes/README.md': 'not a report',
      'SOURCES.md': 'x',
    });
    const reports = readCorpus(root);
    expect(reports.map((r) => [r.id, r.truth.length, r.excluded.length])).toEqual([
      ['a', 0, 1],
      ['b', 1, 0],
    ]);
  });

  it.each<[string, () => string, RegExp]>([
    ['a missing folder', () => path.join(tmpdir(), 'no-such-realworld-folder'), /cannot read/],
    ['a folder without reports', () => folder({ 'x/report.txt': 'only a report' }), /no report in/],
  ])('refuses %s with a CorpusError', (_name, make, message) => {
    const root = make();
    expect(() => readCorpus(root)).toThrow(CorpusError);
    expect(() => readCorpus(root)).toThrow(message);
  });
});
