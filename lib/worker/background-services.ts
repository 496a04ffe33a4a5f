/**
 * The service worker's composition root: opens the cache, builds the sync engine and its status
 * publisher, and persists log entries. Created once per worker start by entrypoints/background.ts.
 */
import { browser } from 'wxt/browser';
import type { RowActionRequest, UnblockTargets } from '../blocks/actions';
import { applyActions } from '../blocks/apply-actions';
import { renewRulesById } from '../blocks/renew-rules';
import { unblock } from '../blocks/unblock';
import { checkedDrafts } from '../iocs/checked-drafts';
import { neverBlockList } from '../iocs/never-block-list';
import { logFor, setLogLevel, setLogSink } from '../log/log';
import { registerSecret } from '../log/redact';
import { browserMenuDeps } from '../menu/browser-menu-deps';
import { handleMenuClick } from '../menu/handle-menu-click';
import type { MenuClick } from '../menu/menu-text';
import { createS1Client } from '../s1/client';
import { grantedOnly } from '../s1/granted-origin';
import type { Ioc, IocDraft, IocRef } from '../s1/schemas';
import { readSettings, readStoredSettings, settingsItem } from '../settings/settings';
import { createBlockRepo } from '../store/block-repo';
import { openIocDb } from '../store/db';
import { createIocRepo } from '../store/ioc-repo';
import { createLogRepo } from '../store/log-repo';
import { createStatusPublisher } from '../sync/status-publisher';
import { scheduleSyncAlarm } from '../sync/sync-alarm';
import { createSyncEngine } from '../sync/sync-engine';
import { INTERRUPTED_MESSAGE, syncStatusItem } from '../sync/sync-status';
import { errorText } from '../text/error-text';
import { deleteIocs } from '../writes/delete-iocs';
import { guardActions, guardSubmit, guardUpdate, ruleRefusal } from '../writes/never-block-guard';
import { submitIocs } from '../writes/submit-iocs';
import { updateIoc } from '../writes/update-ioc';

export function createBackgroundServices() {
  const db = openIocDb();
  const repo = createIocRepo(db);
  const blockRepo = createBlockRepo(db);
  const logRepo = createLogRepo(db);
  setLogSink((entry) => void logRepo.append(entry).catch(() => undefined));
  const publish = createStatusPublisher({
    load: () => syncStatusItem.getValue(),
    save: (status) => syncStatusItem.setValue(status),
    setBadge: (text) => browser.action.setBadgeText({ text }),
    // The cache may be behind the console by whatever the stopped sync was fetching.
    onInterrupted: () => {
      logFor('sync').warn(`The last sync was interrupted: ${INTERRUPTED_MESSAGE}`);
      void engine.sync('startup');
    },
  });
  const engine = createSyncEngine({
    repo,
    blockRepo,
    readSettings,
    createClient: (connection) => createS1Client(connection, grantedOnly),
    publish,
  });

  /** Applies the settings the worker depends on: log level and the alarm's interval. */
  async function applySettings(): Promise<void> {
    const settings = await readSettings();
    setLogLevel(settings.logLevel);
    await scheduleSyncAlarm(settings.sync.intervalMinutes);
  }

  /**
   * A new console, account or token starts a sync at once; other changes only re-apply. The token
   * itself is in the vault: saving one also stamps `tokenSavedAt` in the item, which is seen here.
   */
  settingsItem.watch((next, previous) => {
    void applySettings();
    const a = next?.connection;
    const b = previous?.connection;
    if (
      a &&
      (a.consoleUrl !== b?.consoleUrl ||
        a.accountId !== b?.accountId ||
        a.scope?.siteId !== b?.scope?.siteId ||
        a.tokenSavedAt !== b?.tokenSavedAt)
    ) {
      void engine.sync('settings');
    }
  });
  // At every start: a token an older version left in storage.local goes into the vault.
  void readStoredSettings().catch((error: unknown) =>
    logFor('settings').error(`Could not move the API token out of storage: ${(error as Error).message}`),
  );

  /** The saved connection, or a clear error when there is none yet. */
  async function savedConnection() {
    const { connection } = await readSettings();
    if (!connection)
      throw new Error(
        'The extension is not connected yet: open Settings and enter the console URL and token.',
      );
    if (!connection.apiToken)
      throw new Error(`No API token is saved for ${connection.consoleUrl}: enter it in Settings.`);
    registerSecret(connection.apiToken);
    return connection;
  }
  const connectedClient = async () => createS1Client(await savedConnection(), grantedOnly);
  /** config/defaults.yml's never-block entries and the analyst's, read afresh for every write. */
  const neverBlock = async () => neverBlockList((await readSettings()).neverBlock);
  const submit = async (drafts: readonly IocDraft[]) =>
    guardSubmit(await neverBlock(), checkedDrafts(drafts), async (allowed) =>
      submitIocs({ client: await connectedClient(), afterWrite: () => void engine.sync('write') }, allowed),
    );
  const menu = browserMenuDeps({
    readSettings,
    cachedWithValues: (values) => repo.byValues(values),
    submit,
  });

  const afterWrite = () => void engine.sync('write');

  return {
    db,
    repo,
    blockRepo,
    logRepo,
    engine,
    applySettings,
    savedConnection,
    submitIocs: submit,
    /** A context-menu click; a failure is told in a notification, never lost in the console. */
    onMenuClick: (click: MenuClick) =>
      handleMenuClick(menu, click).catch(async (error: unknown) => {
        const message = errorText(error);
        logFor('menu').error(`Context menu failed: ${message}`);
        await menu.notify('S1 IOC Manager', `That did not work: ${message}`).catch(() => undefined);
      }),
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
      return updateIoc(
        { client: await connectedClient(), afterWrite: () => void engine.sync('write') },
        previous,
        checked,
      );
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

export type BackgroundServices = ReturnType<typeof createBackgroundServices>;
