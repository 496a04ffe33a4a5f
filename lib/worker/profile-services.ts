/**
 * One profile's services in the worker: its cache, its sync engine and status, and every write to its
 * console. Each profile has its own of each (lib/profiles/profile-storage-names.ts says where they
 * live), so a tenant's sync, failure or removal never touches another's.
 */
import type { RowActionRequest, UnblockTargets } from '../blocks/actions';
import { applyActions } from '../blocks/apply-actions';
import { renewRulesById } from '../blocks/renew-rules';
import { unblock } from '../blocks/unblock';
import { checkedDrafts } from '../iocs/checked-drafts';
import { neverBlockList } from '../iocs/never-block-list';
import { logFor } from '../log/log';
import { registerSecret } from '../log/redact';
import { storageNamesOf } from '../profiles/profile-storage-names';
import { createS1Client } from '../s1/client';
import { grantedOnly } from '../s1/granted-origin';
import type { Ioc, IocDraft, IocRef } from '../s1/schemas';
import { readSettings } from '../settings/settings';
import { createBlockRepo } from '../store/block-repo';
import type { IocDatabase } from '../store/db';
import { createIocRepo } from '../store/ioc-repo';
import { createStatusPublisher } from '../sync/status-publisher';
import { scheduleSyncAlarm } from '../sync/sync-alarm';
import { createSyncEngine } from '../sync/sync-engine';
import { INTERRUPTED_MESSAGE, syncStatusItemOf } from '../sync/sync-status';
import { deleteIocs } from '../writes/delete-iocs';
import { guardActions, guardSubmit, guardUpdate, ruleRefusal } from '../writes/never-block-guard';
import { submitIocs } from '../writes/submit-iocs';
import { updateIoc } from '../writes/update-ioc';

export interface ProfileServicesDeps {
  profileId: string;
  /** The profile's cache, opened by the caller (the first profile's is shared with the activity log). */
  db: Promise<IocDatabase>;
  /** The toolbar badge is one for all profiles: the caller merges what each profile's sync shows. */
  setBadge: (text: string) => void | Promise<void>;
}

export function createProfileServices({ profileId, db, setBadge }: ProfileServicesDeps) {
  const names = storageNamesOf(profileId);
  const statusItem = syncStatusItemOf(profileId);
  const settingsOfProfile = () => readSettings(profileId);
  const repo = createIocRepo(db);
  const blockRepo = createBlockRepo(db);
  // Once the profile is removed, a sync still finishing must not write its status back.
  let retired = false;
  const publisher = createStatusPublisher({
    load: () => statusItem.getValue(),
    save: (status) => statusItem.setValue(status),
    setBadge,
    // The cache may be behind the console by whatever the stopped sync was fetching.
    onInterrupted: () => {
      logFor('sync').warn(`The last sync was interrupted: ${INTERRUPTED_MESSAGE}`);
      void engine.sync('startup');
    },
  });
  const engine = createSyncEngine({
    repo,
    blockRepo,
    readSettings: settingsOfProfile,
    createClient: (connection, onSlowDown) => createS1Client(connection, { ...grantedOnly, onSlowDown }),
    publish: (change) => (retired ? Promise.resolve() : publisher(change)),
  });
  const afterWrite = () => void engine.sync('write');

  /** The saved connection, or a clear error when there is none yet. */
  async function savedConnection() {
    const { connection } = await settingsOfProfile();
    if (!connection)
      throw new Error(
        'This profile is not connected yet: open Settings and enter the console URL and token.',
      );
    if (!connection.apiToken)
      throw new Error(`No API token is saved for ${connection.consoleUrl}: enter it in Settings.`);
    registerSecret(connection.apiToken);
    return connection;
  }
  const connectedClient = async () => createS1Client(await savedConnection(), grantedOnly);
  /** config/defaults.yml's never-block entries and the analyst's, read afresh for every write. */
  const neverBlock = async () => neverBlockList((await settingsOfProfile()).neverBlock);

  return {
    profileId,
    db,
    repo,
    blockRepo,
    engine,
    readSettings: settingsOfProfile,
    savedConnection,
    /** Stops publishing: the profile is being removed. */
    retire(): void {
      retired = true;
    },
    /** Re-applies what the worker does on its own for this profile: the periodic sync's alarm. */
    async applySettings(): Promise<void> {
      await scheduleSyncAlarm((await settingsOfProfile()).sync.intervalMinutes, names.alarm);
    },
    submitIocs: async (drafts: readonly IocDraft[]) =>
      guardSubmit(await neverBlock(), checkedDrafts(drafts), async (allowed) =>
        submitIocs({ client: await connectedClient(), afterWrite }, allowed),
      ),
    /** The review's rows, each with its actions (Detect, Block execution, Block network). */
    applyActions: async (requests: readonly RowActionRequest[]) => {
      // Every value is checked before anything is sent, as for a plain submission.
      const drafts = checkedDrafts(requests.map((request) => request.draft));
      return guardActions(
        await neverBlock(),
        requests.map((request, i) => ({ ...request, draft: drafts[i] as IocDraft })),
        async (allowed) => applyActions({ client: await connectedClient(), afterWrite }, allowed),
      );
    },
    unblock: async (targets: UnblockTargets) =>
      unblock({ client: await connectedClient(), afterWrite }, targets),
    /** The payload is checked there: it comes from a page, and the rules are read from the cache by id. */
    renewFirewallRules: async (request: unknown) =>
      renewRulesById(
        {
          client: await connectedClient(),
          afterWrite,
          cachedRules: () => blockRepo.allFirewallRules(),
          refuse: ruleRefusal(await neverBlock()),
        },
        request,
      ),
    updateIoc: async (previous: Ioc, draft: IocDraft) => {
      const checked = checkedDrafts([draft])[0] as IocDraft;
      guardUpdate(await neverBlock(), checked);
      return updateIoc({ client: await connectedClient(), afterWrite }, previous, checked);
    },
    deleteIocs: async (targets: readonly IocRef[]) =>
      deleteIocs(
        {
          client: await connectedClient(),
          repo,
          afterDelete: (gone) => {
            engine.noteLocalDeletes(gone);
            void engine.sync('write');
          },
        },
        targets,
      ),
  };
}

export type ProfileServices = ReturnType<typeof createProfileServices>;
