/**
 * Editing one IOC. The API has no update call: re-POSTing the same type, value, source and externalId upserts
 * (docs/sentinelone-api.md#upsert-semantics, match key UNCONFIRMED). So the result is re-read and checked,
 * and if the console made a second IOC instead, the old uuid is deleted and the analyst is told.
 */
import { logFor } from '../log/log';
import type { S1Client } from '../s1/client';
import type { Ioc, IocDraft } from '../s1/schemas';
import { holdsDraft, submitIocs } from './submit-iocs';

export interface UpdateDeps {
  client: Pick<S1Client, 'createIocs' | 'listIocsPage' | 'deleteIocs'>;
  afterWrite: () => void;
}

export interface UpdateReport {
  uuid: string;
  /** Said to the analyst when the console did not simply update in place. */
  note: string | null;
}

const log = logFor('update');

export async function updateIoc(deps: UpdateDeps, previous: Ioc, draft: IocDraft): Promise<UpdateReport> {
  if (draft.type !== previous.type || draft.value !== previous.value || draft.source !== previous.source) {
    throw new Error('An edit keeps the type, value and source: those identify the IOC on the console.');
  }
  const report = await submitIocs(deps, [draft]);
  const outcome = report.outcomes[0];
  if (outcome?.status !== 'stored')
    throw new Error(outcome && 'message' in outcome ? outcome.message : 'The change was not stored.');

  const holding = (
    await deps.client.listIocsPage({ value: draft.value, type: draft.type, limit: 100 })
  ).data.filter((ioc) => ioc.source === draft.source);
  const current = holding.find((ioc) => ioc.uuid === outcome.uuid);
  // The context fields too: an edit may change only those, and a console that dropped them has not
  // made the change.
  if (!current || !holdsDraft(draft, current)) {
    throw new Error(
      `The console answered, but re-reading ${draft.value} does not show the change. Press "Grab the IOC ✊" and check it.`,
    );
  }
  if (current.uuid === previous.uuid || !holding.some((ioc) => ioc.uuid === previous.uuid)) {
    log.info(`Updated ${draft.value} (${draft.type})`);
    return { uuid: current.uuid, note: null };
  }
  await deps.client.deleteIocs([previous.uuid]);
  deps.afterWrite();
  const note = `The console created a new IOC for ${draft.value} instead of updating it; the old one (${previous.uuid}) was deleted.`;
  log.warn(note);
  return { uuid: current.uuid, note };
}
