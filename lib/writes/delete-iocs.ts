/**
 * Deleting IOCs: by uuid within the account (never by value, docs/sentinelone-api.md#deleting-iocs), then the
 * cache at once and the activity log. A DELETE is never re-sent blindly: when its answer is lost (5xx,
 * timeout, reset) the console is asked which of the IOCs are still there, and the analyst is told exactly.
 */
import { logFor } from '../log/log';
import { chunk, type S1Client } from '../s1/client';
import { S1Error } from '../s1/errors';
import type { IocRef } from '../s1/schemas';
import type { IocRepo } from '../store/ioc-repo';
import { errorText } from '../text/error-text';

export interface DeleteReport {
  requested: number;
  /** Removed from the console by this request (or found gone when its answer was lost). */
  deleted: number;
}

export interface DeleteDeps {
  client: Pick<S1Client, 'deleteIocs' | 'listIocsPage'>;
  repo: IocRepo;
  /** Keeps a full sync running meanwhile from bringing them back, and syncs afterwards. */
  afterDelete: (gone: readonly IocRef[]) => void;
}

const log = logFor('delete');
/** uuids per GET when re-reading: 100 uuids keep the URL near 3.5 kB. */
const UUIDS_PER_READ = 100;

const summarize = (values: string[]) =>
  values.length > 5 ? `${values.slice(0, 5).join(', ')} and ${values.length - 5} more` : values.join(', ');

export async function deleteIocs(deps: DeleteDeps, targets: readonly IocRef[]): Promise<DeleteReport> {
  const unique = [...new Map(targets.map((target) => [target.uuid, target])).values()];
  const generation = (await deps.repo.meta()).generation;
  const labels = unique.map((target) => `${target.value} (${target.type})`);
  try {
    const affected = await deps.client.deleteIocs(unique.map((target) => target.uuid));
    await deps.repo.remove(generation, unique);
    deps.afterDelete(unique);
    log.info(`Deleted ${affected} of ${unique.length} IOCs: ${summarize(labels)}`);
    return { requested: unique.length, deleted: affected };
  } catch (error) {
    if (!(error instanceof S1Error) || !['server', 'timeout', 'network', 'truncated'].includes(error.kind)) {
      log.error(`Delete of ${unique.length} IOCs failed: ${errorText(error)}`);
      throw error;
    }
    return reconcileLostDelete(deps, generation, unique, labels, error);
  }
}

/** The DELETE's answer was lost: find out what the console holds rather than guess or re-send. */
async function reconcileLostDelete(
  deps: DeleteDeps,
  generation: number,
  targets: IocRef[],
  labels: string[],
  cause: S1Error,
): Promise<DeleteReport> {
  const uuids = targets.map((target) => target.uuid);
  let remaining: Set<string>;
  try {
    remaining = new Set<string>();
    for (const batch of chunk(uuids, UUIDS_PER_READ)) {
      const page = await deps.client.listIocsPage({ uuids: batch, limit: UUIDS_PER_READ });
      for (const ioc of page.data) remaining.add(ioc.uuid);
    }
  } catch (readError) {
    const message = `The console did not confirm the delete (${cause.message}) and could not be asked what it holds (${errorText(readError)}). Nothing was re-sent; press "Grab the IOC ✊" to see the current state.`;
    log.error(message);
    throw new S1Error(cause.kind, message, { status: cause.status });
  }
  const gone = targets.filter((target) => !remaining.has(target.uuid));
  await deps.repo.remove(generation, gone);
  deps.afterDelete(gone);
  if (remaining.size === 0) {
    log.warn(
      `The console's answer to a delete was lost (${cause.message}); re-reading shows all ${uuids.length} deleted: ${summarize(labels)}`,
    );
    return { requested: uuids.length, deleted: uuids.length };
  }
  const message = `The console did not confirm the delete (${cause.message}). Re-reading shows ${gone.length} of ${uuids.length} deleted and ${remaining.size} still there; nothing was re-sent. Delete them again to retry.`;
  log.error(message);
  throw new S1Error(cause.kind, message, { status: cause.status });
}
