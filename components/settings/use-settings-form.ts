import { useState } from 'preact/hooks';
import type { Settings, SettingsInput, StoredSettings } from '../../config/settings';
import type { ConsoleProbe } from '../../lib/messages';
import type { Account } from '../../lib/s1/schemas';
import { type ConnectionReport, describeConnectionReport } from '../../lib/settings/connection-report';
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
  onTest(probe: ConsoleProbe & { accountId: string }): Promise<ConnectionReport>;
  onListAccounts(probe: ConsoleProbe): Promise<Account[]>;
}

/**
 * The Settings form's draft and what its buttons do: Save, Test connection, Load accounts and an
 * applied import all report on the one "Connection status" line, each in its own words while busy.
 * A draft that cannot be sent says why there, and nothing is sent.
 */
export function useSettingsForm({ settings, onSave, onTest, onListAccounts }: SettingsActions) {
  const [draft, setDraft] = useState<SettingsDraft>(() => settingsDraft(settings));
  const [accounts, setAccounts] = useState<Account[]>([]);
  const action = useAction(
    (busyText: string, _work: () => Promise<Status>) => busyText,
    (_busyText, work) => work(),
  );
  const refuse = (text: string) => action.setStatus({ kind: 'error', text });

  function save() {
    const read = draftSettings(draft, settings);
    if (!read.ok) return refuse(read.reason);
    void action.run('Saving…', async () => {
      const account = accounts.find((a) => a.id === read.value.connection?.accountId);
      const value =
        account && read.value.connection
          ? { ...read.value, connection: { ...read.value.connection, accountName: account.name } }
          : read.value;
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
      const list = await onListAccounts(probe.value);
      setAccounts(list);
      const only = list.length === 1 ? list[0] : undefined;
      if (only) setDraft((current) => ({ ...current, accountId: only.id, accountName: only.name }));
      return {
        kind: 'ok',
        text: `${pluralize(list.length, 'account')}: ${list.map((a) => `${a.name} (${a.id})`).join(', ')}`,
      };
    });
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

  return {
    draft,
    setDraft,
    accounts,
    status: action.status,
    busy: action.busy,
    save,
    loadAccounts,
    test,
    importSettings,
    refuse,
  };
}
