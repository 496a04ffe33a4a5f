import type { Account, Site } from '../../lib/s1/schemas';
import { scopeInWords } from '../../lib/settings/scope-words';
import {
  type ConnectionDraft,
  type SavedConnection,
  savedTokenHint,
} from '../../lib/settings/settings-draft';
import { Field } from '../ui/Field';
import { siteFields } from './use-settings-form';

interface Props {
  draft: ConnectionDraft;
  onChange(patch: Partial<ConnectionDraft>): void;
  /** The saved connection: the token field's hint, and whether a token must be typed. */
  saved: SavedConnection;
  /** The accounts Load accounts found, offered in the Account id box. */
  accounts: readonly Account[];
  /** A site token's sites, found by Load accounts: they replace the Account id box. */
  sites: readonly Site[];
  busy: boolean;
  onLoadAccounts(): void;
}

/** The console, its token and account (or site), and who the new IOCs name as their creator. */
export function ConnectionFieldset({ draft, onChange, saved, accounts, sites, busy, onLoadAccounts }: Props) {
  // A site token (its site saved, or sites just loaded) is pointed at a site: no account to type.
  const siteToken = Boolean(draft.siteId) || sites.length > 0;
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
      {siteToken ? (
        <Field label="Site">
          {({ id }) => (
            <span class="with-button">
              {sites.length > 1 ? (
                <select
                  id={id}
                  value={draft.siteId}
                  onChange={(event) => {
                    const site = sites.find((s) => s.id === (event.currentTarget as HTMLSelectElement).value);
                    if (site) onChange(siteFields(site));
                  }}
                >
                  <option value="" disabled>
                    Pick a site
                  </option>
                  {sites.map((site) => (
                    <option key={site.id} value={site.id}>
                      {site.name} ({site.id})
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  id={id}
                  readOnly
                  value={draft.siteName ? `${draft.siteName} (${draft.siteId})` : draft.siteId}
                />
              )}
              <button type="button" disabled={busy} onClick={onLoadAccounts}>
                Load sites
              </button>
            </span>
          )}
        </Field>
      ) : (
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
      )}
      {draft.accountId && (
        <p>
          Working in <output aria-label="Scope">{scopeInWords(draftScope(draft))}</output>
        </p>
      )}
      <Field label="Creator email">
        {({ id }) => <input id={id} type="email" {...text('creatorEmail')} />}
      </Field>
      <Field label="Tag prefix">
        {({ id }) => <input id={id} placeholder="[ACME SOC]" {...text('tagPrefix')} />}
      </Field>
    </fieldset>
  );
}

const draftScope = (draft: ConnectionDraft) => ({
  accountId: draft.accountId,
  accountName: draft.accountName,
  scope: draft.siteId
    ? { kind: 'site' as const, siteId: draft.siteId, siteName: draft.siteName ?? '' }
    : null,
});
