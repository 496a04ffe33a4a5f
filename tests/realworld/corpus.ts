/**
 * Reading a corpus folder: one sub-folder per report with report.txt and truth.tsv, optionally
 * excluded.tsv. A sub-folder without both required files is skipped (SOURCES.md and notes may sit
 * beside them); a folder with no report at all is an error the runner reports.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { type ExcludedItem, parseExcluded, parseTruth, type TruthItem } from './tsv';

export interface CorpusReport {
  id: string;
  text: string;
  truth: TruthItem[];
  excluded: ExcludedItem[];
}

export class CorpusError extends Error {}

export function readCorpus(folder: string): CorpusReport[] {
  let names: string[];
  try {
    names = readdirSync(folder).sort();
  } catch (error) {
    throw new CorpusError(`cannot read ${folder}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const reports: CorpusReport[] = [];
  for (const id of names) {
    const dir = path.join(folder, id);
    if (!statSync(dir).isDirectory()) continue;
    const report = path.join(dir, 'report.txt');
    const truth = path.join(dir, 'truth.tsv');
    if (!existsSync(report) || !existsSync(truth)) continue;
    const excluded = path.join(dir, 'excluded.tsv');
    reports.push({
      id,
      text: readFileSync(report, 'utf8'),
      truth: parseTruth(readFileSync(truth, 'utf8'), truth),
      excluded: existsSync(excluded) ? parseExcluded(readFileSync(excluded, 'utf8'), excluded) : [],
    });
  }
  if (reports.length === 0)
    throw new CorpusError(`no report in ${folder}: expected sub-folders with report.txt and truth.tsv`);
  return reports;
}
