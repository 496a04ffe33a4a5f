import { useState } from 'preact/hooks';
import type { Settings, SettingsInput, StoredSettings } from '../../config/settings';
import type { ConsoleProbe } from '../../lib/messages';
import type { Account, Site } from '../../lib/s1/schemas';
import { type ConnectionReport, describeConnectionReport } from '../../lib/settings/connection-report';
import type { ScopeChoices } from '../../lib/settings/scope-choices';
import {
  accountsProbe,
  draftSettings,
  type SettingsDraft,
  settingsDraft,
  testProbe,
} from '../../lib/settings/settings-draft';
import { pluralize } from '../../lib/text/pluralize';
import type { Status } from '../ui/StatusLine';
import { useAction } from '../ui/use-action';

export interface SettingsActions {
  settings: StoredSettings;
  /** A connection without `apiToken` keeps the saved token (for the saved console only). */
  onSave(settings: SettingsInput): Promise<void>;
  /** Without `apiToken`, the worker uses the saved token, and only for the saved console. */
  onTest(probe: ConsoleProbe & { accountId: string; siteId?: string }): Promise<ConnectionReport>;
  onListScopes(probe: ConsoleProbe): Promise<ScopeChoices>;
}

/**
 * The Settings form's draft and what its buttons do: Save, Test connection, Load accounts and an
 * applied import all report on the one "Connection status" line, each in its own words while busy.
 * A draft that cannot be sent says why there, and nothing is sent.
 */
export function useSettingsForm({ settings, onSave, onTest, onListScopes }: SettingsActions) {
  const [draft, setDraft] = useState<SettingsDraft>(() => settingsDraft(settings));
  const [accounts, setAccounts] = useState<Account[]>([]);
  const [sites, setSites] = useState<Site[]>([]);
  const action = useAction(
    (busyText: string, _work: () => Promise<Status>) => busyText,
    (_busyText, work) => work(),
  );
  const refuse = (text: string) => action.setStatus({ kind: 'error', text });

  function save() {
    // A site token with several sites holds no account of its own to fall back on: one must be picked.
    if (sites.length > 1 && !draft.siteId) return refuse('Pick the site to work in.');
    const read = draftSettings(draft, settings);
    if (!read.ok) return refuse(read.reason);
    void action.run('Saving…', async () => {
      const value = named(read.value, accounts, sites);
      await onSave(value);
      // The field goes back to the hint of the token now saved.
      setDraft((current) => ({ ...current, apiToken: '' }));
      return { kind: 'ok', text: 'Saved.' };
    });
  }

  function loadAccounts() {
    const probe = accountsProbe(draft, settings.connection);
    if (!probe.ok) return refuse(probe.reason);
    void action.run('Loading accounts…', async () => {
      const choices = await onListScopes(probe.value);
      if (choices.kind === 'site') return pickSites(choices.sites);
      const list = choices.accounts;
      setSites([]);
      setDraft((current) => ({ ...current, siteId: '', siteName: '' }));
      setAccounts(list);
      const only = list.length === 1 ? list[0] : undefined;
      if (only) setDraft((current) => ({ ...current, accountId: only.id, accountName: only.name }));
      return {
        kind: 'ok',
        text: `${pluralize(list.length, 'account')}: ${list.map((a) => `${a.name} (${a.id})`).join(', ')}`,
      };
    });
  }

  /** A site token: its sites replace the accounts; its one site is picked, with the site's account. */
  function pickSites(list: Site[]): Status {
    setSites(list);
    const only = list.length === 1 ? list[0] : undefined;
    if (only) setDraft((current) => ({ ...current, ...siteFields(only) }));
    return {
      kind: 'ok',
      text: `${pluralize(list.length, 'site')}: ${list.map((s) => `${s.name} (${s.id})`).join(', ')}`,
    };
  }

  function test() {
    const probe = testProbe(draft, settings.connection);
    if (!probe.ok) return refuse(probe.reason);
    void action.run('Testing the connection…', async () =>
      describeConnectionReport(await onTest(probe.value), Date.now()),
    );
  }

  function importSettings(next: Settings, fileName: string) {
    void action.run('Importing…', async () => {
      await onSave(next);
      setDraft(settingsDraft(next));
      return { kind: 'ok', text: `Imported ${fileName}.` };
    });
  }

  /** A file of several profiles, written by `apply`: the form then shows this profile as the file left it. */
  function importProfiles(apply: () => Promise<{ text: string; current: SettingsInput }>) {
    void action.run('Importing…', async () => {
      const { text, current } = await apply();
      setDraft(settingsDraft(current));
      return { kind: 'ok', text };
    });
  }

  return {
    draft,
    setDraft,
    accounts,
    sites,
    status: action.status,
    busy: action.busy,
    save,
    loadAccounts,
    test,
    importSettings,
    importProfiles,
    refuse,
  };
}

/** The draft fields a picked site sets: the site, and its account for words and the cache's key. */
export const siteFields = (site: Site) => ({
  siteId: site.id,
  siteName: site.name,
  accountId: site.accountId ?? '',
  accountName: site.accountName ?? '',
});

/** The names Load accounts (or sites) found, written into the settings to save. */
function named(value: SettingsInput, accounts: readonly Account[], sites: readonly Site[]): SettingsInput {
  const connection = value.connection;
  if (!connection) return value;
  const site = connection.scope && sites.find((s) => s.id === connection.scope?.siteId);
  if (site && connection.scope)
    return {
      ...value,
      connection: {
        ...connection,
        accountName: site.accountName ?? connection.accountName,
        scope: { ...connection.scope, siteName: site.name },
      },
    };
  const account = accounts.find((a) => a.id === connection.accountId);
  return account ? { ...value, connection: { ...connection, accountName: account.name } } : value;
}
