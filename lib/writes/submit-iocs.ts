/**
 * Sending reviewed IOCs: one POST per batch of at most 1,000 with filter.accountIds (through the
 * client), the outcome per row, and no blind retry. A 400 names its bad rows and stops: nothing of
 * that batch was stored, and the rest waits for the analyst. After a timeout, 5xx or reset the POST
 * may have committed, so the console is asked what it now holds before anything is said.
 */
import pMap from 'p-map';
import { holdsContext } from '../iocs/context-fields';
import { logFor } from '../log/log';
import { chunk, MAX_BATCH_SIZE, type S1Client } from '../s1/client';
import { S1Error } from '../s1/errors';
import type { Ioc, IocDraft } from '../s1/schemas';
import { isoToMicros } from '../s1/timestamps';
import { errorText } from '../text/error-text';

export type RowOutcome =
  | { status: 'stored'; uuid: string }
  | { status: 'rejected'; message: string }
  | { status: 'not-sent'; message: string }
  | { status: 'unknown'; message: string };

export interface SubmitReport {
  outcomes: RowOutcome[];
  stored: number;
  /** Why the submission stopped early, when it did. */
  stoppedBecause: string | null;
}

export interface SubmitDeps {
  client: Pick<S1Client, 'createIocs' | 'listIocsPage'>;
  /** Syncs the cache after a write, and tells the sync engine. */
  afterWrite: () => void;
  /** The caller logs the outcome in its own words (apply-actions.ts); failures are still logged. */
  quiet?: boolean;
}

const log = logFor('submit');
const LOST_ANSWER: ReadonlyArray<S1Error['kind']> = ['server', 'timeout', 'network', 'truncated'];
const NOT_SENT: RowOutcome = { status: 'not-sent', message: 'Not sent.' };
/** Re-reads run a few at a time, as a full sync does. */
const READ_CONCURRENCY = 4;

/**
 * Whether the console holds what this draft asked for. An IOC that existed before matches only if
 * the fields the draft set have the draft's values, so an update that did not commit is not
 * mistaken for one that did.
 */
export function holdsDraft(draft: IocDraft, ioc: Ioc): boolean {
  if (
    draft.type !== ioc.type ||
    draft.source !== ioc.source ||
    draft.value.toLowerCase() !== ioc.value.toLowerCase()
  )
    return false;
  if (draft.validUntil && (!ioc.validUntil || isoToMicros(draft.validUntil) !== isoToMicros(ioc.validUntil)))
    return false;
  if (draft.name !== undefined && draft.name !== ioc.name) return false;
  if (draft.description !== undefined && draft.description !== ioc.description) return false;
  if (draft.externalId !== undefined && draft.externalId !== ioc.externalId) return false;
  // The context the draft set must be held as sent: the same IOC with other context is an update
  // that did not commit.
  return holdsContext(draft, ioc);
}

export async function submitIocs(deps: SubmitDeps, drafts: readonly IocDraft[]): Promise<SubmitReport> {
  const outcomes: RowOutcome[] = drafts.map(() => NOT_SENT);
  let stoppedBecause: string | null = null;
  for (const [batchIndex, batch] of chunk(drafts, MAX_BATCH_SIZE).entries()) {
    const offset = batchIndex * MAX_BATCH_SIZE;
    try {
      const stored = await deps.client.createIocs(batch);
      stored.forEach((ioc, i) => {
        outcomes[offset + i] = { status: 'stored', uuid: ioc.uuid };
      });
    } catch (error) {
      if (!(error instanceof S1Error)) throw error;
      stoppedBecause = await explainFailure(deps, error, batch, offset, outcomes);
      break;
    }
  }
  // Rows after the one that stopped the submission were never sent: say why.
  for (let i = 0; i < outcomes.length; i++) {
    if (stoppedBecause && outcomes[i] === NOT_SENT)
      outcomes[i] = { status: 'not-sent', message: `Not sent: ${stoppedBecause}` };
  }
  const stored = outcomes.filter((o) => o.status === 'stored').length;
  if (stored > 0) deps.afterWrite();
  const sample = drafts
    .slice(0, 5)
    .map((d) => `${d.value} (${d.type})`)
    .join(', ');
  // The reason is a sentence of its own; its full stop would double the one after it.
  const reason = stoppedBecause?.replace(/\.$/, '');
  const summary = `Submitted ${drafts.length} IOCs: ${stored} stored${reason ? `; stopped: ${reason}` : ''}. ${sample}${drafts.length > 5 ? ', …' : ''}`;
  if (stoppedBecause) log.warn(summary);
  else if (!deps.quiet) log.info(summary);
  return { outcomes, stored, stoppedBecause };
}

/** Fills in the failed batch's outcomes and says why the submission stopped. */
async function explainFailure(
  deps: SubmitDeps,
  error: S1Error,
  batch: IocDraft[],
  offset: number,
  outcomes: RowOutcome[],
): Promise<string> {
  if (error.kind === 'bad-request' && error.badItems?.length) {
    for (const bad of error.badItems) {
      const index = offset + bad.index;
      if (index < outcomes.length)
        outcomes[index] = { status: 'rejected', message: `${bad.field}: ${bad.message}` };
    }
    return `SentinelOne refused ${error.badItems.length} of the rows, so it stored none of their batch. Untick or fix them, then send the rest.`;
  }
  if (!LOST_ANSWER.includes(error.kind)) return error.message;

  // The POST may have committed: ask for each row by value and type (exact, and free of any
  // difference between our clock and the console's), never re-send.
  try {
    const found = await pMap(
      batch,
      async (draft) =>
        (await deps.client.listIocsPage({ value: draft.value, type: draft.type, limit: 100 })).data,
      { concurrency: READ_CONCURRENCY },
    );
    batch.forEach((draft, i) => {
      const match = found[i]?.find((ioc) => holdsDraft(draft, ioc));
      outcomes[offset + i] = match
        ? { status: 'stored', uuid: match.uuid }
        : {
            status: 'not-sent',
            message: 'Not stored: the console did not answer, and re-reading shows it does not hold it.',
          };
    });
    const held = batch.filter((_, i) => outcomes[offset + i]?.status === 'stored').length;
    return `The console did not answer (${error.message}); re-reading shows ${held} of this batch's ${batch.length} stored. Nothing was re-sent.`;
  } catch (readError) {
    batch.forEach((_, i) => {
      outcomes[offset + i] = {
        status: 'unknown',
        message: 'Unknown: the console did not answer and could not be re-read.',
      };
    });
    return `The console did not answer (${error.message}) and could not be re-read (${errorText(readError)}). Nothing was re-sent; press "Grab the IOC ✊" to see what it holds.`;
  }
}
