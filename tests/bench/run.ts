/**
 * `npm run bench`: the performance metrics on this machine, with the production build in headless
 * Chromium against the simulator. Prints one JSON line per metric and writes tests/bench/results.md
 * (the table is replaced; the notes under "## History" are kept).
 *
 *   npm run bench                 every metric, 5 runs each (about 25 minutes on 2 cores)
 *   npm run bench -- --runs 3     fewer runs
 *   npm run bench -- --skip-1m    without the 1,000,000-IOC metrics
 *   npm run bench -- --smoke      10,000 IOCs, one run, no targets checked, nothing written
 *   npm run bench -- --only sync  the sync metrics alone (1, 2, 2b, 3, 9a), nothing written
 *   npm run bench -- --only profiles   ten profiles against one (11a-11d), written to its own
 *                                      section of results.md, the rest of it kept
 */
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumExecutable } from '../e2e/chromium';
import { bundleSizesKb } from './bundle-sizes';
import { type ProfileFigures, profileRatios } from './profile-ratios';
import { MANAGER_PROFILE, measureProfiles, PROFILE_COUNT } from './profiles';
import { jsonLine, type MetricResult, markdownTable, meets, type Unit, withSection } from './report';
import {
  KEYSTROKES,
  measureFullSyncs,
  measureUi,
  sequentialSingleCursorMs,
  serverFilterMs,
  setLatency,
} from './scenarios';
import { startConsole } from './session';
import { medianPerPosition, type Summary, summarize } from './stats';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const option = (name: string, fallback: number) => {
  const at = args.indexOf(name);
  return at === -1 ? fallback : Number(args[at + 1]);
};
const SMOKE = flag('--smoke');
const ONLY = flag('--only') ? args[args.indexOf('--only') + 1] : undefined;
const SYNC_ONLY = ONLY === 'sync';
const PROFILES_ONLY = ONLY === 'profiles';
const SYNC_METRICS = new Set(['1', '2', '2b', '3', '9a']);
const RUNS = SMOKE ? 1 : option('--runs', 5);
const SIZE = SMOKE ? 10_000 : 100_000;
const RESULTS = path.resolve('tests/bench/results.md');
/** Openings of the popup and of each manager view per browser start in the profiles scenario (median). */
const PROFILE_OPENS = 3;

const results: MetricResult[] = [];
/** The ten-profile scenario's results: a section of their own in results.md. */
const profileResults: MetricResult[] = [];

function record(
  id: string,
  title: string,
  unit: Unit,
  samples: number[],
  statistic: keyof Omit<Summary, 'runs'>,
  target: string,
  bound: { max?: number; min?: number } | null,
  note?: string,
  into: MetricResult[] = results,
): void {
  if (SYNC_ONLY && !SYNC_METRICS.has(id)) return;
  const summary = summarize(samples);
  const result: MetricResult = {
    id,
    title,
    unit,
    statistic,
    summary,
    target,
    met: bound === null || SMOKE ? null : meets(summary[statistic], bound),
    ...(note ? { note } : {}),
  };
  into.push(result);
  process.stdout.write(`${jsonLine(result)}\n`);
}

/** Beside 7 and 9c: the part of the wait no code of the popup can shorten (page-probes.ts). */
const popupFloorTitle = (of: string) =>
  `popup opened to its document parsed and first script run (the floor of ${of})`;

const seconds = (ms: number[]) => ms.map((v) => v / 1000);

async function hundredThousand(): Promise<void> {
  const console = await startConsole(SIZE);
  try {
    const ui = await measureUi(console, RUNS, {
      incremental: true,
      sort: true,
      heap: true,
      syncTimeoutMs: 120_000,
      ui: !SYNC_ONLY,
    });
    const n = SIZE.toLocaleString('en-US');
    record('1', `full sync, ${n} IOCs, no latency`, 's', seconds(ui.fullSyncMs), 'median', '≤ 10 s', {
      max: 10,
    });
    record(
      '3',
      `incremental sync of 100 changes over ${n}`,
      's',
      seconds(ui.incrementalMs),
      'median',
      '≤ 1 s',
      {
        max: 1,
      },
    );
    record(
      '4',
      `manager opened to first rows painted, ${n} cached`,
      'ms',
      ui.firstRowsMs,
      'median',
      '≤ 1000 ms',
      {
        max: 1000,
      },
    );
    record(
      '4b',
      `manager opened to every IOC loaded, ${n} cached`,
      'ms',
      ui.allRowsMs,
      'median',
      'reported',
      null,
    );
    record('5', `filter keystroke to updated table, ${n} rows`, 'ms', ui.filterMs, 'p95', '≤ 50 ms', {
      max: 50,
    });
    record('6', `sort ${n} rows by value`, 'ms', ui.sortMs, 'median', '≤ 300 ms', { max: 300 });
    record('7', `popup opened to lookup answer, ${n} cached`, 'ms', ui.popupMs, 'median', '≤ 100 ms', {
      max: 100,
    });
    record('7b', popupFloorTitle('7'), 'ms', ui.popupParsedMs, 'median', 'reported', null);
    record('8', `manager page JS heap, ${n} cached`, 'MB', ui.heapMb, 'median', '≤ 150 MB', { max: 150 });

    setLatency(console.sim, 250);
    // Each filter text both ways: the server's time for it over the local keystroke's (median of
    // the runs). The strictest form, the server's median over the local p95, is printed beside it.
    const typed = KEYSTROKES.map(([, text], k) => ({ text, k })).filter(({ text }) => text !== '');
    const server = await serverFilterMs(
      console,
      typed.map(({ text }) => text),
    );
    const localByKeystroke = medianPerPosition(ui.filterMs, KEYSTROKES.length);
    const strictest = summarize(server).median / summarize(ui.filterMs).p95;
    record(
      '5b',
      'server-side name__contains (250 ms latency) ÷ local keystroke, same filter text',
      '×',
      typed.map(({ k }, i) => (server[i] as number) / (localByKeystroke[k] as number)),
      'median',
      '≥ 10×',
      { min: 10 },
      `server median ${Math.round(summarize(server).median)} ms; server median ÷ local p95 = ${strictest.toFixed(1)}×`,
    );
    const parallel: number[] = [];
    const ratios: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      // Side by side in the same run: the extension's sync, then the original tool's way.
      const [ours] = await measureFullSyncs(console, 1, 180_000);
      const sequential = await sequentialSingleCursorMs(console);
      parallel.push(ours as number);
      ratios.push(sequential / (ours as number));
    }
    record(
      '2',
      `full sync, ${n} IOCs, 250 ms latency per request`,
      's',
      seconds(parallel),
      'median',
      '≤ 12 s',
      {
        max: 12,
      },
    );
    record('2b', 'sequential single-cursor sync ÷ ours (250 ms latency)', '×', ratios, 'median', '≥ 3×', {
      min: 3,
    });
  } finally {
    await console.close();
  }
}

async function oneMillion(): Promise<void> {
  const console = await startConsole(1_000_000);
  try {
    const ui = await measureUi(console, RUNS, {
      incremental: false,
      sort: false,
      heap: false,
      syncTimeoutMs: 300_000,
      ui: !SYNC_ONLY,
    });
    record('9a', 'full sync, 1,000,000 IOCs, no latency', 's', seconds(ui.fullSyncMs), 'median', '≤ 120 s', {
      max: 120,
    });
    record('9b', 'filter keystroke, 1,000,000 rows', 'ms', ui.filterMs, 'p95', '≤ 150 ms', { max: 150 });
    record('9c', 'popup opened to lookup answer, 1,000,000 cached', 'ms', ui.popupMs, 'median', '≤ 100 ms', {
      max: 100,
    });
    record('9f', popupFloorTitle('9c'), 'ms', ui.popupParsedMs, 'median', 'reported', null);
    record(
      '9d',
      'manager opened to first rows painted, 1,000,000 cached',
      'ms',
      ui.firstRowsMs,
      'median',
      'reported',
      null,
    );
    record(
      '9e',
      'manager opened to every IOC loaded, 1,000,000 cached',
      'ms',
      ui.allRowsMs,
      'median',
      'reported',
      null,
    );
  } finally {
    await console.close();
  }
}

/** Each side's median in ms, for the note beside a ratio. */
const sides = (one: number[], ten: number[], of = 'medians') =>
  `1 profile ${Math.round(summarize(one).median)} ms, ${PROFILE_COUNT} profiles ${Math.round(summarize(ten).median)} ms: ${of}`;

async function tenProfiles(): Promise<void> {
  const runs = await measureProfiles(RUNS, SIZE, { opens: SMOKE ? 1 : PROFILE_OPENS, quick: SMOKE });
  const ratios = profileRatios(runs);
  const n = SIZE.toLocaleString('en-US');
  const total = (SIZE * PROFILE_COUNT).toLocaleString('en-US');
  const of = (pick: (f: ProfileFigures) => number | null) => ({
    one: runs.map((r) => pick(r.one)).filter((v): v is number => v !== null),
    ten: runs.map((r) => pick(r.ten)).filter((v): v is number => v !== null),
  });
  const target = '≤ 1.2×';
  const bound = { max: 1.2 };
  const popup = of((f) => f.popupMs);
  record(
    '11a',
    `popup opened to lookup answer, ${PROFILE_COUNT} profiles of ${n} ÷ 1`,
    '×',
    ratios.popup,
    'median',
    target,
    bound,
    sides(popup.one, popup.ten),
    profileResults,
  );
  const floor = of((f) => f.databasesFloorMs);
  record(
    '11e',
    `platform floor: every profile's database opened and one value read in each, ${PROFILE_COUNT} ÷ 1`,
    '×',
    ratios.floor,
    'median',
    'reported',
    null,
    sides(floor.one, floor.ten),
    profileResults,
  );
  record(
    '11f',
    `popup opened to lookup answer, ${PROFILE_COUNT} profiles less the floor's extra (11e), ÷ 1`,
    '×',
    ratios.popupOverFloor,
    'median',
    target,
    bound,
    'what the extension adds to the platform for ten profiles',
    profileResults,
  );
  const paste = of((f) => summarize(f.pasteMs).p95);
  const pasteMedian = of((f) => summarize(f.pasteMs).median);
  record(
    '11b',
    `value pasted to answer, p95 of each run's ${runs[0]?.one.pasteMs.length ?? 0} pastes, ${PROFILE_COUNT} profiles ÷ 1`,
    '×',
    ratios.paste,
    'median',
    target,
    bound,
    `${sides(paste.one, paste.ten, 'medians of the p95s')}; the median paste: ${sides(pasteMedian.one, pasteMedian.ten, 'medians')}`,
    profileResults,
  );
  const rows = of((f) => f.firstRowsMs);
  record(
    '11c',
    `manager opened to first rows, profile ${MANAGER_PROFILE} of ${PROFILE_COUNT} ÷ 1 profile`,
    '×',
    ratios.firstRows,
    'median',
    target,
    bound,
    sides(rows.one, rows.ten),
    profileResults,
  );
  const all = of((f) => f.allViewFirstRowsMs);
  record(
    '11d',
    `all-profiles view (?profile=all, ${total} rows) to first rows ÷ 1 profile's manager`,
    '×',
    ratios.allView,
    'median',
    target,
    bound,
    sides(rows.one, all.ten),
    profileResults,
  );
}

function bundles(): void {
  const sizes = bundleSizesKb(path.resolve('.output/chrome-mv3'));
  record('10a', 'bundle: background (gzip)', 'KB', [sizes.background], 'median', 'reported', null);
  record('10b', 'bundle: manager (gzip)', 'KB', [sizes.manager], 'median', '≤ 150 KB', { max: 150 });
  record('10c', 'bundle: popup (gzip)', 'KB', [sizes.popup], 'median', 'reported', null);
  record('10d', 'bundle: review sheet (gzip)', 'KB', [sizes.sheet], 'median', 'reported', null);
}

async function machine(): Promise<string> {
  const browser = await chromium.launch({ executablePath: chromiumExecutable(), headless: true });
  const version = browser.version();
  await browser.close();
  const cpus = os.cpus();
  return `${cpus.length} × ${cpus[0]?.model.trim() ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GB RAM, ${os.type()} ${os.release()}, Node ${process.version}, Chromium ${version} headless`;
}

function writeResults(machineText: string, load: string): void {
  let history = '## History\n\n';
  try {
    const previous = readFileSync(RESULTS, 'utf8');
    const at = previous.indexOf('## History');
    if (at !== -1) history = previous.slice(at);
  } catch {
    // First run: no history yet.
  }
  const allMet = results.every((r) => r.met !== false);
  const text = `# Benchmark results

Written by \`npm run bench\` (tests/bench/run.ts) on ${new Date().toISOString().slice(0, 10)}.
Machine: ${machineText}; load average (1 min) ${load}.
Each metric: ${RUNS} runs (the filter rows: every keystroke of every run); targets as set in
tests/bench/run.ts, checked on the statistic named in the target column. ${allMet ? 'Every target is met.' : 'Targets marked **no** are missed.'}

${markdownTable(results)}

${profilesSection(machineText, load)}
${history}`;
  writeFileSync(RESULTS, text.endsWith('\n') ? text : `${text}\n`);
  process.stdout.write(`Results written to ${path.relative(process.cwd(), RESULTS)}\n`);
}

const PROFILES_HEADING = '## Ten profiles against one';

function profilesSection(machineText: string, load: string): string {
  const n = SIZE.toLocaleString('en-US');
  const met = profileResults.every((r) => r.met !== false);
  return `${PROFILES_HEADING}

Written by \`npm run bench\` (or \`npm run bench -- --only profiles\`) on ${new Date().toISOString().slice(0, 10)}
(${machineText}; load average (1 min) ${load}). In each of ${RUNS} runs, a browser holding one profile of
${n} IOCs and one holding ${PROFILE_COUNT} profiles of ${n} IOCs each are started and measured the same way
(tests/bench/profiles.ts): the popup opened on a value of the first profile, ${PROFILE_OPENS} times (the median;
the pastes in the first), the manager's page of one profile and the all-profiles view, ${PROFILE_OPENS} times
each. Each cache was filled once, through the product's own full sync in an extension page fed the
simulator's IOCs (tests/bench/seed/). A row is the ${PROFILE_COUNT}-profile figure ÷ the one-profile figure of
the same run; min / median / max over the runs. ${met ? 'Every target is met.' : 'Targets marked **no** are missed.'}

${markdownTable(profileResults)}
`;
}

function writeProfilesSection(machineText: string, load: string): void {
  let previous = '# Benchmark results\n\n## History\n';
  try {
    previous = readFileSync(RESULTS, 'utf8');
  } catch {
    // First run: no file yet.
  }
  writeFileSync(RESULTS, withSection(previous, PROFILES_HEADING, profilesSection(machineText, load)));
  process.stdout.write(`Results written to ${path.relative(process.cwd(), RESULTS)}\n`);
}

const loadAverage = () => os.loadavg()[0]?.toFixed(1) ?? '?';

async function main(): Promise<void> {
  const machineText = await machine();
  process.stdout.write(`Benchmark on ${machineText}\n`);
  const loadBefore = loadAverage();
  process.stdout.write(`Load average (1 min): ${loadBefore}\n`);
  if (PROFILES_ONLY) {
    await tenProfiles();
    const load = `${loadBefore} at the start, ${loadAverage()} at the end`;
    process.stdout.write(`Load average (1 min): ${loadAverage()}\n`);
    if (!SMOKE) writeProfilesSection(machineText, load);
  } else {
    bundles();
    await hundredThousand();
    if (!SYNC_ONLY) await tenProfiles();
    if (!SMOKE && !flag('--skip-1m')) await oneMillion();
    const load = `${loadBefore} at the start, ${loadAverage()} at the end`;
    process.stdout.write(`Load average (1 min): ${loadAverage()}\n`);
    if (!SMOKE && !SYNC_ONLY) writeResults(machineText, load);
  }
  const missed = [...results, ...profileResults].filter((r) => r.met === false).map((r) => r.id);
  process.stdout.write(missed.length ? `Targets missed: ${missed.join(', ')}\n` : 'All targets met.\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
