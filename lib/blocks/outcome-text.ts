/**
 * Outcomes of the review's actions in the analyst's words: each line names the action by what the
 * console does (Detect, Block execution, Block network), so no line can read as a block that did
 * not happen.
 */
import { OS_LABELS, OS_TYPES } from '../../config/os-types';
import type { RowOutcome } from '../writes/submit-iocs';
import {
  ACTION_LABELS,
  type ActionKind,
  type BlockOutcome,
  type RowActionReport,
  type RowActionRequest,
} from './actions';

/** A Detect (TI IOC) outcome; "Stored" is the console holding the IOC. */
export function detectOutcomeText(outcome: RowOutcome): string {
  switch (outcome.status) {
    case 'stored':
      return 'Stored';
    case 'rejected':
      return `Rejected: ${outcome.message}`;
    case 'unknown':
      return `Unknown: ${outcome.message}`;
    default:
      return `Not sent: ${outcome.message.replace(/^Not sent:\s*/, '')}`;
  }
}

export function blockOutcomeText(outcome: BlockOutcome): string {
  switch (outcome.status) {
    case 'created':
      return 'blocked';
    case 'already':
      return 'already blocked';
    case 'not-recommended':
      // The message says what to do ("Tick "Block anyway" …"); the tick box appears on the row.
      return `held back: ${outcome.message}`;
    case 'refused':
      return `refused: ${outcome.message}`;
    case 'unknown':
      return `unknown: ${outcome.message}`;
    default:
      return `not sent: ${outcome.message}`;
  }
}

/** One line per action the row ran, e.g. "Block execution: Windows blocked; macOS already blocked". */
export function rowReportLines(report: RowActionReport | undefined): string[] {
  if (!report) return [];
  const lines: string[] = [];
  if (report.detect) lines.push(`${ACTION_LABELS.detect}: ${detectOutcomeText(report.detect)}`);
  const perOs = OS_TYPES.flatMap((os) => {
    const outcome = report.blockExecution?.[os];
    return outcome ? [`${OS_LABELS[os]} ${blockOutcomeText(outcome)}`] : [];
  });
  if (perOs.length) lines.push(`${ACTION_LABELS.blockExecution}: ${perOs.join('; ')}`);
  if (report.blockNetwork)
    lines.push(`${ACTION_LABELS.blockNetwork}: ${capitalise(blockOutcomeText(report.blockNetwork))}`);
  return lines;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

interface Tally {
  done: number;
  already: number;
  failed: number;
  sent: number;
}

/**
 * The submission in one or a few sentences, per action: "Detect: 3 of 3 stored. Block execution: 3 of
 * 3 blocked. Block network: 1 of 2 blocked, 1 already blocked." Counts are items (one per hash and OS
 * for Block execution), so the figures match what the console then holds.
 */
export function summarizeActions(
  requests: readonly RowActionRequest[],
  reports: readonly RowActionReport[],
): string {
  const tallies = new Map<ActionKind, Tally>();
  const count = (kind: ActionKind, state: 'done' | 'already' | 'failed') => {
    const tally = tallies.get(kind) ?? { done: 0, already: 0, failed: 0, sent: 0 };
    tally[state]++;
    tally.sent++;
    tallies.set(kind, tally);
  };
  requests.forEach((request, i) => {
    const report = reports[i];
    if (request.detect) count('detect', report?.detect?.status === 'stored' ? 'done' : 'failed');
    for (const os of request.blockExecution?.osTypes ?? [])
      count('blockExecution', stateOf(report?.blockExecution?.[os]));
    if (request.blockNetwork) count('blockNetwork', stateOf(report?.blockNetwork));
  });
  const sentences: string[] = [];
  for (const kind of ['detect', 'blockExecution', 'blockNetwork'] as const) {
    const tally = tallies.get(kind);
    if (!tally) continue;
    const verb = kind === 'detect' ? 'stored' : 'blocked';
    const already = tally.already ? `, ${tally.already} already blocked` : '';
    sentences.push(`${ACTION_LABELS[kind]}: ${tally.done} of ${tally.sent} ${verb}${already}.`);
  }
  return sentences.join(' ');
}

function stateOf(outcome: BlockOutcome | undefined): 'done' | 'already' | 'failed' {
  if (outcome?.status === 'created') return 'done';
  return outcome?.status === 'already' ? 'already' : 'failed';
}
