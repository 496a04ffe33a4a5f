/**
 * Runs what the analyst chose per reviewed row (lib/blocks/actions.ts): Detect first, as one
 * submission through submitIocs (batches of 1000, its own lost-answer rule), then Block execution and
 * Block network per row, a few rows at a time. The three kinds are independent: a token that may not
 * use the Blocklist, or a console without Firewall Control, stops that kind only (its remaining rows
 * are not sent, and `notes` says why once), while Detect and the other kind go through.
 */
import pMap from 'p-map';
import { API_DEFAULT_VALIDITY_DAYS } from '../../config/ioc-types';
import { logFor } from '../log/log';
import { OS_LABELS, OS_TYPES, type OsType } from '../s1/block-schemas';
import type { S1Client } from '../s1/client';
import type { S1Error } from '../s1/errors';
import type { IocDraft } from '../s1/schemas';
import { pluralize } from '../text/pluralize';
import { submitIocs } from '../writes/submit-iocs';
import {
  ACTION_LABELS,
  type ActionKind,
  type ActionsReport,
  type BlockOutcome,
  type RowActionReport,
  type RowActionRequest,
} from './actions';
import { type BlockExecutionRequest, runBlockExecution } from './block-execution';
import { runBlockNetwork } from './block-network';
import type { NetworkTargetType } from './firewall-rules';

export interface ApplyActionsDeps {
  client: Pick<
    S1Client,
    | 'createIocs'
    | 'listIocsPage'
    | 'validateHash'
    | 'createBlocklistItem'
    | 'listBlocklistPage'
    | 'listFirewallRulesPage'
    | 'createFirewallRule'
    | 'updateFirewallRule'
    | 'deleteFirewallRules'
  >;
  /** Syncs the cache after a write, and tells the sync engine; called once per run at most. */
  afterWrite: () => void;
}

type BlockKind = Exclude<ActionKind, 'detect'>;

const log = logFor('submit');
/** Block writes run a few rows at a time, as re-reads and full syncs do. */
const BLOCK_CONCURRENCY = 4;
const NETWORK_TYPES: readonly string[] = ['IPV4', 'IPV6', 'DNS'] satisfies NetworkTargetType[];
const DAY_MS = 86_400_000;

/** What the analyst wrote about the row, or a plain sentence naming the tool and the person. */
function blockDescription(draft: IocDraft): string {
  const own = draft.description?.trim() || draft.name?.trim();
  if (own) return own;
  return `Blocked with ${draft.source}${draft.creator ? ` by ${draft.creator}` : ''}`;
}

/** The draft's validity, or the console's default for its type when the draft has none. */
function validUntilOf(draft: IocDraft, now: number): string {
  return draft.validUntil ?? new Date(now + API_DEFAULT_VALIDITY_DAYS[draft.type] * DAY_MS).toISOString();
}

export async function applyActions(
  deps: ApplyActionsDeps,
  requests: readonly RowActionRequest[],
): Promise<ActionsReport> {
  const rows: RowActionReport[] = requests.map(() => ({}));
  const notes: string[] = [];
  let wrote = false;

  // Detect: one submission for every row that asked for it, so the 1000-per-POST batching holds.
  const detectRows = requests.flatMap((request, index) => (request.detect ? [index] : []));
  if (detectRows.length > 0) {
    const drafts = detectRows.map((index) => (requests[index] as RowActionRequest).draft);
    // Its own summary line would repeat the one below, which names the action.
    const report = await submitIocs(
      { client: deps.client, afterWrite: () => undefined, quiet: true },
      drafts,
    );
    detectRows.forEach((row, i) => {
      (rows[row] as RowActionReport).detect = report.outcomes[i];
    });
    if (report.stored > 0) wrote = true;
    const reason = report.stoppedBecause?.replace(/\.$/, '');
    const line = `${ACTION_LABELS.detect}: ${report.stored} of ${drafts.length} stored as Threat Intelligence IOCs${reason ? `; stopped: ${reason}` : ''}.`;
    if (reason) log.warn(line);
    else log.info(line);
    // The analyst reads why it stopped beside the summary.
    if (report.stoppedBecause) notes.push(report.stoppedBecause);
  }

  // Blocks: a 403 on one kind stops that kind; rows not yet started are not sent.
  const denied: Partial<Record<BlockKind, S1Error>> = {};
  const jobs = requests.flatMap((request, index) => {
    const list: { kind: BlockKind; index: number }[] = [];
    if (request.blockExecution && request.blockExecution.osTypes.length > 0)
      list.push({ kind: 'blockExecution', index });
    if (request.blockNetwork) list.push({ kind: 'blockNetwork', index });
    return list;
  });
  const now = Date.now();
  await pMap(
    jobs,
    async ({ kind, index }) => {
      const request = requests[index] as RowActionRequest;
      const row = rows[index] as RowActionReport;
      if (kind === 'blockExecution') {
        const choice = request.blockExecution as NonNullable<RowActionRequest['blockExecution']>;
        const stop = denied.blockExecution;
        if (stop) {
          row.blockExecution = Object.fromEntries(
            choice.osTypes.map((os) => [os, { status: 'not-sent', message: `Not sent: ${stop.message}` }]),
          );
          return;
        }
        const run = await runBlockExecution(deps, {
          hash: request.draft.value,
          type: request.draft.type as BlockExecutionRequest['type'],
          osTypes: choice.osTypes,
          allowNotRecommended: choice.allowNotRecommended,
          description: blockDescription(request.draft),
          source: request.draft.source,
        });
        row.blockExecution = run.outcomes;
        if (Object.values(run.outcomes).some((o) => o?.status === 'created')) wrote = true;
        if (run.denied) denied.blockExecution ??= run.denied;
        return;
      }
      const stop = denied.blockNetwork;
      if (stop) {
        row.blockNetwork = { status: 'not-sent', message: `Not sent: ${stop.message}` };
        return;
      }
      if (!NETWORK_TYPES.includes(request.draft.type)) {
        row.blockNetwork = {
          status: 'refused',
          message: `SentinelOne cannot block ${request.draft.type === 'URL' ? 'a URL' : `an ${request.draft.type} hash`} on the network; it can only detect it.`,
          final: true,
        };
        return;
      }
      const run = await runBlockNetwork(deps, {
        value: request.draft.value,
        type: request.draft.type as NetworkTargetType,
        creator: request.draft.creator ?? request.draft.source,
        validUntil: validUntilOf(request.draft, now),
      });
      row.blockNetwork = run.outcome;
      if (run.wrote) wrote = true;
      if (run.denied) denied.blockNetwork ??= run.denied;
    },
    { concurrency: BLOCK_CONCURRENCY },
  );

  for (const kind of ['blockExecution', 'blockNetwork'] as const) {
    const stop = denied[kind];
    if (stop)
      notes.push(
        `${ACTION_LABELS[kind]} did not run: ${stop.message}${detectRows.length > 0 ? ' Detect was not affected.' : ''}`,
      );
  }
  logBlocks(requests, rows);
  if (wrote) deps.afterWrite();
  return { rows, notes };
}

const STATUS_WORDS: Readonly<Record<BlockOutcome['status'], string>> = {
  created: 'created',
  already: 'already there',
  'not-recommended': 'held back as not recommended',
  refused: 'refused',
  'not-sent': 'not sent',
  unknown: 'unknown',
};

/** "4 created, 2 already there" */
function tally(outcomes: readonly BlockOutcome[]): string {
  const counts = new Map<BlockOutcome['status'], number>();
  for (const o of outcomes) counts.set(o.status, (counts.get(o.status) ?? 0) + 1);
  return [...counts].map(([status, n]) => `${n} ${STATUS_WORDS[status]}`).join(', ');
}

const sample = (values: string[]) => `${values.slice(0, 5).join(', ')}${values.length > 5 ? ', …' : ''}`;
const troubled = (outcomes: readonly BlockOutcome[]) =>
  outcomes.some((o) => o.status === 'refused' || o.status === 'not-sent' || o.status === 'unknown');

/** One activity-log line per block kind that ran, in the words the review uses. */
function logBlocks(requests: readonly RowActionRequest[], rows: readonly RowActionReport[]): void {
  const hashes: string[] = [];
  const osSeen = new Set<OsType>();
  const execution: BlockOutcome[] = [];
  const targets: string[] = [];
  const network: BlockOutcome[] = [];
  rows.forEach((row, i) => {
    const value = (requests[i] as RowActionRequest).draft.value;
    if (row.blockExecution) {
      hashes.push(value);
      for (const [os, outcome] of Object.entries(row.blockExecution)) {
        osSeen.add(os as OsType);
        if (outcome) execution.push(outcome);
      }
    }
    if (row.blockNetwork) {
      targets.push(value);
      network.push(row.blockNetwork);
    }
  });
  if (hashes.length > 0) {
    const on = OS_TYPES.filter((os) => osSeen.has(os))
      .map((os) => OS_LABELS[os])
      .join(', ');
    const line = `${ACTION_LABELS.blockExecution} on ${on}: ${pluralize(hashes.length, 'hash', 'hashes')}, ${tally(execution)}. ${sample(hashes)}`;
    if (troubled(execution)) log.warn(line);
    else log.info(line);
  }
  if (targets.length > 0) {
    const line = `${ACTION_LABELS.blockNetwork}: ${pluralize(targets.length, 'value')}, ${tally(network)}. ${sample(targets)}`;
    if (troubled(network)) log.warn(line);
    else log.info(line);
  }
}
