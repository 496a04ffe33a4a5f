import type { SyncStatus } from '../../lib/sync/sync-status';
import { StatusLine } from '../ui/StatusLine';
import { ActionDefaultsFieldset } from './ActionDefaultsFieldset';
import { ConnectionFieldset } from './ConnectionFieldset';
import { IocDefaultsFieldset } from './IocDefaultsFieldset';
import { NeverBlockFieldset } from './NeverBlockFieldset';
import { PivotsFieldset } from './PivotsFieldset';
import { SettingsFileFieldset } from './SettingsFileFieldset';
import { type SettingsActions, useSettingsForm } from './use-settings-form';

interface Props extends SettingsActions {
  /** What the last sync learnt about the console's Blocklist and Firewall Control. */
  blocks?: SyncStatus['blocks'];
}

/** The connection screen: console, token, account, the analyst's defaults, and YAML import/export. */
export function SettingsView({ blocks, ...actions }: Props) {
  const { settings } = actions;
  const form = useSettingsForm(actions);
  const { draft, busy } = form;
  const patch = (change: Partial<typeof draft>) => form.setDraft((current) => ({ ...current, ...change }));
  return (
    <form
      class="settings"
      aria-label="Connection"
      // Our own checks give a message in place; the browser's bubbles would not say why.
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        form.save();
      }}
    >
      <ConnectionFieldset
        draft={draft}
        onChange={patch}
        saved={settings.connection}
        accounts={form.accounts}
        sites={form.sites}
        busy={busy}
        onLoadAccounts={form.loadAccounts}
      />
      <IocDefaultsFieldset draft={draft} onChange={patch} />
      <ActionDefaultsFieldset
        value={draft.actionDefaults}
        onChange={(actionDefaults) => patch({ actionDefaults })}
        blocklistReason={blocks?.blocklist.readable === false ? blocks.blocklist.reason : null}
        firewallReason={blocks?.firewall.available === false ? blocks.firewall.reason : null}
      />
      <NeverBlockFieldset value={draft.neverBlock} onChange={(neverBlock) => patch({ neverBlock })} />
      <PivotsFieldset value={draft.pivots} onChange={(pivots) => patch({ pivots })} />
      <div class="actions">
        <button type="submit" disabled={busy}>
          Save
        </button>
        <button type="button" disabled={busy} onClick={form.test}>
          Test connection
        </button>
      </div>
      <StatusLine label="Connection status" status={form.status} />
      <SettingsFileFieldset
        settings={settings}
        busy={busy}
        onRefused={form.refuse}
        onImported={form.importSettings}
        onProfilesImported={form.importProfiles}
      />
    </form>
  );
}
