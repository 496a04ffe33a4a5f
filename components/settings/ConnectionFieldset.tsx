import type { Account } from '../../lib/s1/schemas';
import {
  type ConnectionDraft,
  type SavedConnection,
  savedTokenHint,
} from '../../lib/settings/settings-draft';
import { Field } from '../ui/Field';

interface Props {
  draft: ConnectionDraft;
  onChange(patch: Partial<ConnectionDraft>): void;
  /** The saved connection: the token field's hint, and whether a token must be typed. */
  saved: SavedConnection;
  /** The accounts Load accounts found, offered in the Account id box. */
  accounts: readonly Account[];
  busy: boolean;
  onLoadAccounts(): void;
}

/** The console, its token and account, and who the new IOCs name as their creator. */
export function ConnectionFieldset({ draft, onChange, saved, accounts, busy, onLoadAccounts }: Props) {
  const text = (key: keyof ConnectionDraft) => ({
    value: draft[key],
    onInput: (event: Event) => onChange({ [key]: (event.currentTarget as HTMLInputElement).value }),
  });
  return (
    <fieldset>
      <legend>Console</legend>
      <Field label="Console URL">
        {({ id }) => (
          <input
            id={id}
            type="url"
            required
            placeholder="https://usea1-acme.sentinelone.net"
            {...text('consoleUrl')}
          />
        )}
      </Field>
      <Field label="API token">
        {({ id }) => (
          <input
            id={id}
            type="password"
            autocomplete="off"
            required={!saved}
            placeholder={savedTokenHint(saved)}
            title={savedTokenHint(saved)}
            {...text('apiToken')}
          />
        )}
      </Field>
      <Field label="Account id">
        {({ id }) => (
          <span class="with-button">
            <input id={id} inputMode="numeric" list="account-list" required {...text('accountId')} />
            <datalist id="account-list">
              {accounts.map((account) => (
                <option key={account.id} value={account.id}>
                  {account.name}
                </option>
              ))}
            </datalist>
            <button type="button" disabled={busy} onClick={onLoadAccounts}>
              Load accounts
            </button>
          </span>
        )}
      </Field>
      <Field label="Creator email">
        {({ id }) => <input id={id} type="email" {...text('creatorEmail')} />}
      </Field>
      <Field label="Tag prefix">
        {({ id }) => <input id={id} placeholder="[ACME SOC]" {...text('tagPrefix')} />}
      </Field>
    </fieldset>
  );
}
