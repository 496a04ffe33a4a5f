/**
 * The runner's output: the totals over all reports (micro: items summed, not percentages averaged,
 * since the reports differ a lot in size), and the readable text report.
 */
import { KINDS } from './kinds';
import type { MissReason, ReportScore } from './score';

export interface Totals {
  reports: number;
  truth: number;
  found: number;
  recallPct: number;
  rows: number;
  validRows: number;
  tickedRows: number;
  tickedNotInTruth: number;
  /** The same without the hosts of listed URLs, which the corpus README keeps apart from junk. */
  tickedJunk: number;
  /** Truth items that cost recall: no row of the right type and value. */
  notFound: number;
  missesByReason: Record<MissReason, number>;
  wrongTypes: number;
  silentDrops: number;
  ms: number;
}

const REASONS: readonly MissReason[] = [
  'silent drop',
  'wrong type',
  'wrong value',
  'invalid',
  'found, not ticked',
];

/** Percentage with one decimal; 100 for an empty truth list (nothing to find, nothing missed). */
export const pct = (part: number, whole: number) =>
  whole === 0 ? 100 : Math.round((part / whole) * 1000) / 10;

export function totals(scores: readonly ReportScore[]): Totals {
  const sum = (f: (s: ReportScore) => number) => scores.reduce((n, s) => n + f(s), 0);
  const missesByReason = Object.fromEntries(
    REASONS.map((reason) => [reason, sum((s) => s.misses.filter((m) => m.reason === reason).length)]),
  ) as Record<MissReason, number>;
  const truth = sum((s) => s.truth);
  const found = sum((s) => s.found);
  return {
    reports: scores.length,
    truth,
    found,
    recallPct: pct(found, truth),
    rows: sum((s) => s.rows),
    validRows: sum((s) => s.validRows),
    tickedRows: sum((s) => s.tickedRows),
    tickedNotInTruth: sum((s) => s.tickedNotInTruth.length),
    tickedJunk: sum((s) => s.tickedNotInTruth.filter((x) => x.kind !== 'host of a listed URL').length),
    notFound: truth - found,
    missesByReason,
    wrongTypes: sum((s) => s.wrongTypes.length),
    silentDrops: missesByReason['silent drop'],
    ms: Math.round(sum((s) => s.ms)),
  };
}

function reportBlock(s: ReportScore): string[] {
  const out = [
    `== ${s.id}`,
    `  recall ${s.found}/${s.truth} (${pct(s.found, s.truth)} %)   rows ${s.rows}   valid ${s.validRows}   ticked ${s.tickedRows}   ticked not in truth ${s.tickedNotInTruth.length}   wrong types ${s.wrongTypes.length}   ${Math.round(s.ms)} ms`,
  ];
  if (s.tickedNotInTruth.length > 0) {
    out.push(`  ticked, not in truth (${s.tickedNotInTruth.length}):`);
    for (const t of s.tickedNotInTruth)
      out.push(
        `    [${t.kind}] ${t.type} ${t.value}${t.excluded ? `  (excluded: ${t.excluded})` : ''}`,
        `        L${t.line}: ${t.text}`,
      );
  }
  if (s.misses.length > 0) {
    out.push(`  misses (${s.misses.length}):`);
    for (const m of s.misses)
      out.push(`    ${m.type} ${m.value}: ${m.reason}${m.detail ? ` - ${m.detail}` : ''}`);
  }
  if (s.wrongTypes.length > 0) {
    out.push(`  wrong types (${s.wrongTypes.length}):`);
    for (const w of s.wrongTypes) out.push(`    ${w.type} ${w.value} read as ${w.asType} ${w.asValue}`);
  }
  return out;
}

/** Ticked non-truth rows of every report grouped by kind, for aiming at them. */
export function byKind(scores: readonly ReportScore[]): string[] {
  const out: string[] = [];
  for (const kind of KINDS) {
    const items = scores.flatMap((s) =>
      s.tickedNotInTruth.filter((t) => t.kind === kind).map((t) => ({ ...t, id: s.id })),
    );
    if (items.length === 0) continue;
    out.push(`-- ${kind} (${items.length})`);
    for (const t of items)
      out.push(
        `   ${t.id}  ${t.type} ${t.value}${t.excluded ? `  (excluded: ${t.excluded})` : ''}`,
        `        L${t.line}: ${t.text}`,
      );
  }
  return out;
}

export function formatText(folder: string, scores: readonly ReportScore[]): string {
  const t = totals(scores);
  const reasons = REASONS.map((r) => `${r} ${t.missesByReason[r]}`).join(', ');
  return [
    `Real-world IOC measurement: ${folder}`,
    '',
    ...scores.flatMap((s) => [...reportBlock(s), '']),
    `== TOTAL (${t.reports} reports)`,
    `  recall ${t.found}/${t.truth} (${t.recallPct} %)   rows ${t.rows}   valid ${t.validRows}   ticked ${t.tickedRows}`,
    `  ticked not in truth ${t.tickedNotInTruth} (${t.tickedJunk} without hosts of listed URLs)   wrong types ${t.wrongTypes}   silent drops ${t.silentDrops}`,
    `  truth items not sent: ${reasons}`,
    `  time ${t.ms} ms`,
    '',
    'Ticked, not in truth, by kind (a guess from the value and its line; read it by hand):',
    ...byKind(scores),
    '',
  ].join('\n');
}

export function formatJson(folder: string, scores: readonly ReportScore[]): string {
  const reports = scores.map((s) => ({ ...s, recallPct: pct(s.found, s.truth), ms: Math.round(s.ms) }));
  return `${JSON.stringify({ folder, total: totals(scores), reports }, null, 2)}\n`;
}
