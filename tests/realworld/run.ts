/**
 * `npm run realworld -- <folder> [--json <file>]`: pastes each report of a corpus
 * folder whole into the New IOCs pipeline and scores the review against the report's ground truth.
 * A measuring tool, not a test: it exits 0 whatever the figures, and 2 only when the folder cannot
 * be read. Needs nothing outside the repository but the folder.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { extractCandidatesChunked } from '../../lib/iocs/extract';
import { buildReview } from '../../lib/iocs/review';
import { readCorpus } from './corpus';
import { formatJson, formatText } from './format';
import { reportLines } from './locate';
import { type ReportScore, scoreReport } from './score';

/**
 * What the New IOCs textarea holds after a paste: a textarea's value has LF line breaks only, and a
 * byte-order mark is a file's encoding marker that a browser never shows, so it is never pasted.
 */
const asPasted = (text: string) => text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');

const say = (text: string) => process.stdout.write(text);

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { json: { type: 'string' } },
  });
  const folder = positionals[0];
  if (folder === undefined) {
    process.stderr.write('usage: npm run realworld -- <corpus folder> [--json <file>]\n');
    return 2;
  }
  let corpus: ReturnType<typeof readCorpus>;
  try {
    corpus = readCorpus(folder);
  } catch (error) {
    // A missing folder (CorpusError) or a malformed truth.tsv: nothing can be measured.
    process.stderr.write(`realworld: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  const scores: ReportScore[] = [];
  for (const report of corpus) {
    const text = asPasted(report.text);
    // Exactly the view's pipeline (components/new-iocs/NewIocsView.tsx), with no IOC already in the console.
    const start = performance.now();
    const candidates = await extractCandidatesChunked(text);
    const rows = buildReview(candidates, () => undefined);
    const ms = performance.now() - start;
    scores.push(scoreReport(report.id, report.truth, report.excluded, rows, reportLines(text), ms));
  }
  say(formatText(folder, scores));
  if (values.json !== undefined) {
    writeFileSync(values.json, formatJson(folder, scores));
    say(`JSON written to ${values.json}\n`);
  }
  return 0;
}

process.exitCode = await main();
