/**
 * One review sent to several profiles (tenants): what each profile still has to do per row, what
 * became of each row on each profile, and what a press of Retry sends. Every profile is addressed on
 * its own, so a tenant that fails keeps its own outcomes while the others complete; a row that a
 * profile holds is never sent to it again, whichever other profile failed.
 */
import type { DraftSettings } from '../iocs/drafts';
import type { ReviewRow } from '../iocs/review';
import type { ActionsReport, RowActionReport } from './actions';
import { rowReportLines } from './outcome-text';
import {
  choosesAnything,
  type FirewallAvailability,
  type RowActions,
  remainingActions,
} from './review-actions';
import { type KeyedRequest, type SubmitNote, submitNote } from './review-submit';
import { mergeReports, reportHasProblem } from './row-reports';

/** A profile the review can send to, as the page knows it. */
export interface Target {
  id: string;
  /** The profile's name on screen (profile-list.ts profileLabel). */
  label: string;
  /** Whether its console has Firewall Control, from its own last sync. */
  firewall: FirewallAvailability;
  firewallReason: string | null;
  /**
   * Its own tag prefix and default validity per type: an IOC sent to a tenant carries that tenant's
   * tag, so that its console's IOCs are found by it. The page's own when absent.
   */
  draftSettings?: DraftSettings;
}

/** What became of one row on one profile, across presses. */
export interface TargetRowOutcome {
  report: RowActionReport;
  /** Why the last call to this profile failed as a whole (no answer from its worker, a profile removed). */
  failure?: string;
}

/** Profile id → row key → outcome. */
export type TargetOutcomes = ReadonlyMap<string, ReadonlyMap<string, TargetRowOutcome>>;

/** What one press sends to one profile. */
export interface TargetPlan {
  target: Target;
  /** The rows that still have something to do there. */
  rows: ReviewRow[];
  /** Rows that ask for Block network where this profile has no Firewall Control: said, never sent. */
  withheld: string[];
}

/** What one profile answered to a press. */
export type TargetResult = { target: Target; requests: KeyedRequest[]; withheld: string[] } & (
  | { report: ActionsReport }
  | { error: string }
);

/** The actions a row can run on `target`: Block network only where its console has Firewall Control. */
export function actionsOnTarget(actions: RowActions, target: Target): RowActions {
  return target.firewall === false && actions.blockNetwork !== null
    ? { ...actions, blockNetwork: null }
    : actions;
}

/**
 * What availability to offer Block network with: offered when any target has Firewall Control, not
 * offered when none has, unknown otherwise (one target: exactly its own).
 */
export function combinedFirewall(targets: readonly Target[]): FirewallAvailability {
  if (targets.some((target) => target.firewall === true)) return true;
  if (targets.length > 0 && targets.every((target) => target.firewall === false)) return false;
  return null;
}

/** What the row still has to do on `target`: its actions there, less what already went through. */
export function toDoOnTarget(
  row: ReviewRow,
  actions: RowActions,
  target: Target,
  outcomes: TargetOutcomes,
): RowActions {
  return remainingActions(actionsOnTarget(actions, target), outcomes.get(target.id)?.get(row.key)?.report);
}

/** Whether `target` refused the row's IOC (a bad value, its never-block list): sending again cannot help. */
const rejectedOn = (outcomes: TargetOutcomes, targetId: string, key: string) =>
  outcomes.get(targetId)?.get(key)?.report.detect?.status === 'rejected';

/**
 * Each target's rows for the next press: the ticked rows with something left to do there. A row a
 * profile refused is left out for that profile unless the analyst ticked it again since (`vouched`),
 * so a Retry after a partial failure goes only where it can change something.
 */
export function planTargets(
  rows: readonly ReviewRow[],
  targets: readonly Target[],
  outcomes: TargetOutcomes,
  actionsOf: (row: ReviewRow) => RowActions,
  vouched: ReadonlySet<string> = new Set(),
): TargetPlan[] {
  return targets.map((target) => {
    const sent: ReviewRow[] = [];
    const withheld: string[] = [];
    for (const row of rows) {
      if (rejectedOn(outcomes, target.id, row.key) && !vouched.has(row.key)) continue;
      const chosen = actionsOf(row);
      const toDo = toDoOnTarget(row, chosen, target, outcomes);
      if (choosesAnything(toDo)) sent.push(row);
      const said = outcomes.get(target.id)?.get(row.key)?.report.blockNetwork;
      if (chosen.blockNetwork === true && target.firewall === false && !said) withheld.push(row.key);
    }
    return { target, rows: sent, withheld };
  });
}

/** The keys of the rows some plan sends, in row order. */
export function plannedKeys(plans: readonly TargetPlan[]): Set<string> {
  return new Set(plans.flatMap((plan) => plan.rows.map((row) => row.key)));
}

/**
 * Whether every row a plan sends has been sent to that profile before: the press is then a retry of
 * what failed, not a first send.
 */
export function isRetry(plans: readonly TargetPlan[], outcomes: TargetOutcomes): boolean {
  const pairs = plans.flatMap((plan) => plan.rows.map((row) => outcomes.get(plan.target.id)?.has(row.key)));
  return pairs.length > 0 && pairs.every(Boolean);
}

/** Why Block network is not sent to `target`, in a sentence. */
export function withheldText(target: Target): string {
  const why = target.firewallReason ? `: ${target.firewallReason.replace(/\.$/, '')}` : '';
  return `${target.label} has no Firewall Control${why}.`;
}

const withheldReport = (target: Target): RowActionReport => ({
  blockNetwork: { status: 'refused', message: withheldText(target), final: true },
});

/** A report for each action `request` asked for, none of which is known to have run. */
function failedReport(request: KeyedRequest['request'], message: string): RowActionReport {
  const outcome = { status: 'unknown', message } as const;
  return {
    ...(request.detect ? { detect: outcome } : {}),
    ...(request.blockExecution
      ? { blockExecution: Object.fromEntries(request.blockExecution.osTypes.map((os) => [os, outcome])) }
      : {}),
    ...(request.blockNetwork ? { blockNetwork: outcome } : {}),
  };
}

/**
 * The outcomes after a press: each profile's answer laid over its earlier ones, row by row and action
 * by action. A profile whose call failed as a whole has each action it was asked for marked as not
 * known to have run (so the next press asks again, and the worker re-reads before it writes); the
 * other profiles' rows are untouched by it.
 */
export function mergeTargetResults(
  outcomes: TargetOutcomes,
  results: readonly TargetResult[],
): TargetOutcomes {
  const next = new Map(outcomes);
  for (const result of results) {
    const rows = new Map(next.get(result.target.id));
    for (const [i, { key, request }] of result.requests.entries()) {
      const earlier = rows.get(key)?.report;
      if ('error' in result)
        rows.set(key, {
          report: mergeReports(earlier, failedReport(request, result.error)),
          failure: result.error,
        });
      else rows.set(key, { report: mergeReports(earlier, result.report.rows[i]) });
    }
    for (const key of result.withheld) {
      const earlier = rows.get(key);
      rows.set(key, { ...earlier, report: mergeReports(earlier?.report, withheldReport(result.target)) });
    }
    next.set(result.target.id, rows);
  }
  return next;
}

/**
 * Rows to untick after a press: those a profile refused and that have nothing left to do on any
 * target. With one profile, exactly the refused rows, as before profiles.
 */
export function rowsToUntick(
  rows: readonly ReviewRow[],
  targets: readonly Target[],
  outcomes: TargetOutcomes,
  actionsOf: (row: ReviewRow) => RowActions,
): Set<string> {
  const left = plannedKeys(planTargets(rows, targets, outcomes, actionsOf));
  return new Set(
    rows
      .filter((row) => !left.has(row.key) && targets.some((t) => rejectedOn(outcomes, t.id, row.key)))
      .map((row) => row.key),
  );
}

/** What the Result cell shows for a row: its lines, whether any needs a look, and the reports merged. */
export interface RowResult {
  lines: string[];
  problem: boolean;
  /** Every profile's report merged (the actions cell reads "not recommended" from it). */
  report: RowActionReport;
}

/**
 * Each row's result. With one profile, the lines are the row's own (outcome-text.ts), as before
 * profiles; with several, one line per profile the row went to, led by its name: "Acme: Detect:
 * Stored", "Globex: failed — …".
 */
export function rowResults(
  outcomes: TargetOutcomes,
  labels: ReadonlyMap<string, string>,
  named: boolean,
): Map<string, RowResult> {
  const results = new Map<string, RowResult>();
  for (const [profileId, rows] of outcomes) {
    const label = labels.get(profileId) ?? profileId;
    for (const [key, outcome] of rows) {
      const own = outcome.failure ? [`failed — ${outcome.failure}`] : rowReportLines(outcome.report);
      const lines = named ? [`${label}: ${own.join('; ')}`] : own;
      const earlier = results.get(key);
      results.set(key, {
        lines: [...(earlier?.lines ?? []), ...lines],
        problem:
          (earlier?.problem ?? false) || outcome.failure !== undefined || reportHasProblem(outcome.report),
        report: mergeReports(earlier?.report, outcome.report),
      });
    }
  }
  return results;
}

/**
 * The status after a press. One profile: the sentence it always was (review-submit.ts submitNote);
 * several: that sentence per profile, led by its name, and "failed — why" for a profile that did not
 * answer. A warning unless every profile took everything.
 */
export function targetsNote(results: readonly TargetResult[], named: boolean): SubmitNote {
  const notes = results.map((result): SubmitNote => {
    if ('error' in result) return { kind: 'error', text: `failed — ${result.error}` };
    const withheld =
      result.withheld.length > 0 ? ` Block network not sent: ${withheldText(result.target)}` : '';
    const note: SubmitNote =
      result.requests.length > 0 ? submitNote(result.requests, result.report) : { kind: 'ok', text: '' };
    return { kind: withheld ? 'warn' : note.kind, text: `${note.text}${withheld}`.trim() };
  });
  const kind = notes.some((n) => n.kind === 'error')
    ? notes.every((n) => n.kind === 'error')
      ? 'error'
      : 'warn'
    : notes.some((n) => n.kind === 'warn')
      ? 'warn'
      : 'ok';
  if (!named) return { kind: notes[0]?.kind ?? 'ok', text: notes.map((n) => n.text).join(' ') };
  return {
    kind,
    text: results.map((result, i) => `${result.target.label}: ${notes[i]?.text ?? ''}`).join(' · '),
  };
}

/** The names of the profiles a press sends something to: "Acme, Globex". */
export const sendingTo = (plans: readonly TargetPlan[]): string =>
  plans
    .filter((plan) => plan.rows.length > 0)
    .map((plan) => plan.target.label)
    .join(', ');

/**
 * The Submit button's words. One profile: "Submit 3", or "Send the other 2" after a refusal, as
 * before profiles. Several: the profiles named ("Submit 3 to Acme, Globex"), and "Retry 1 on
 * Globex" when the press only asks again what failed.
 */
export function submitLabel(
  plans: readonly TargetPlan[],
  outcomes: TargetOutcomes,
  { several, hadRejections }: { several: boolean; hadRejections: boolean },
): string {
  const count = plannedKeys(plans).size;
  if (!several) return hadRejections ? `Send the other ${count}` : `Submit ${count}`;
  const names = sendingTo(plans);
  if (isRetry(plans, outcomes)) return `Retry ${count} on ${names}`;
  const to = names ? ` to ${names}` : '';
  return hadRejections ? `Send the other ${count}${to}` : `Submit ${count}${to}`;
}
