/** One benchmark result as a JSON line (for machines) and as a Markdown table row (for people). */
import { round, type Summary } from './stats';

/** `n`: a count, printed without a unit. */
export type Unit = 'ms' | 's' | 'MB' | 'KB' | '×' | 'n';

export interface MetricResult {
  /** The metric's number in tests/bench/results.md and a short name, e.g. `1 full-sync-100k`. */
  id: string;
  title: string;
  unit: Unit;
  /** Which statistic the target applies to. */
  statistic: keyof Omit<Summary, 'runs'>;
  summary: Summary;
  /** Human text, e.g. `≤ 10 s`. */
  target: string;
  /** null when the metric is reported without a target. */
  met: boolean | null;
  /** The floor the figure is set against, as measured in the same run (e.g. `ingest 2.1 s (median)`). */
  floor?: string;
  note?: string;
}

/** Checks `value` against an upper (`max`) or lower (`min`) bound. */
export function meets(value: number, bound: { max?: number; min?: number }): boolean {
  if (!Number.isFinite(value)) return false;
  if (bound.max !== undefined && value > bound.max) return false;
  if (bound.min !== undefined && value < bound.min) return false;
  return true;
}

export function jsonLine(result: MetricResult): string {
  const { summary } = result;
  return JSON.stringify({
    metric: result.id,
    title: result.title,
    unit: result.unit,
    runs: summary.runs,
    min: round(summary.min),
    median: round(summary.median),
    max: round(summary.max),
    p95: round(summary.p95),
    statistic: result.statistic,
    target: result.target,
    met: result.met,
    ...(result.floor ? { floor: result.floor } : {}),
    ...(result.note ? { note: result.note } : {}),
  });
}

/**
 * The results a run printed (its JSON lines, among other output), back as results: a run cut short is
 * resumed from its log (run.ts --resume) instead of measured again. Figures keep jsonLine's rounding.
 */
export function resultsFromLog(log: string): MetricResult[] {
  return log
    .split('\n')
    .filter((line) => line.startsWith('{"metric":'))
    .map((line) => {
      const r = JSON.parse(line) as Record<string, unknown>;
      const num = (key: string) => (typeof r[key] === 'number' ? (r[key] as number) : Number.NaN);
      return {
        id: String(r.metric),
        title: String(r.title),
        unit: r.unit as Unit,
        statistic: r.statistic as MetricResult['statistic'],
        summary: {
          runs: num('runs'),
          min: num('min'),
          median: num('median'),
          max: num('max'),
          p95: num('p95'),
        },
        target: String(r.target),
        met: typeof r.met === 'boolean' ? r.met : null,
        ...(typeof r.floor === 'string' ? { floor: r.floor } : {}),
        ...(typeof r.note === 'string' ? { note: r.note } : {}),
      };
    });
}

/** A figure and its unit; a dash for a metric not run. */
export const cell = (value: number, unit: Unit): string =>
  Number.isFinite(value) ? `${round(value).toLocaleString('en-US')}${unit === 'n' ? '' : ` ${unit}`}` : '—';
const escapePipes = (text: string) => text.replaceAll('|', '\\|');

export function markdownTable(results: readonly MetricResult[]): string {
  const lines = [
    '| # | metric | runs | min | median | max | p95 | floor | target | met |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of results) {
    const s = r.summary;
    lines.push(
      `| ${escapePipes(r.id)} | ${escapePipes(r.title)}${r.note ? ` (${escapePipes(r.note)})` : ''} | ${s.runs} | ${cell(s.min, r.unit)} | ${cell(s.median, r.unit)} | ${cell(s.max, r.unit)} | ${cell(s.p95, r.unit)} | ${r.floor ? escapePipes(r.floor) : '—'} | ${escapePipes(r.target)} (${r.statistic}) | ${r.met === null ? '—' : r.met ? 'yes' : '**no**'} |`,
    );
  }
  return lines.join('\n');
}

/**
 * `document` with the section headed `heading` (a `## ` line, up to the next `## ` line) replaced by
 * `section`, or inserted before `before` (or at the end) when it has none: a scenario run on its own
 * rewrites its section of tests/bench/results.md and leaves the rest as it was.
 */
export function withSection(
  document: string,
  heading: string,
  section: string,
  before = '## History',
): string {
  const body = section.endsWith('\n') ? section : `${section}\n`;
  const start = document.indexOf(`${heading}\n`);
  if (start !== -1) {
    const next = document.indexOf('\n## ', start + heading.length);
    return `${document.slice(0, start)}${body}${next === -1 ? '' : `\n${document.slice(next + 1)}`}`;
  }
  const at = document.indexOf(before);
  if (at === -1) return `${document}${document.endsWith('\n') ? '' : '\n'}\n${body}`;
  return `${document.slice(0, at)}${body}\n${document.slice(at)}`;
}
