import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import { ConnectionFieldsSchema, type ConnectionInput, normalizeConsoleUrl } from '../../config/connection';
import { IOC_TYPES, type IocType, MAX_VALIDITY_DAYS } from '../../config/ioc-types';
import type { Settings, SettingsInput, StoredSettings } from '../../config/settings';
import type { ConsoleProbe } from '../../lib/messages';
import type { Account } from '../../lib/s1/schemas';
import { tokenChoice } from '../../lib/settings/connection-probe';
import { type ConnectionReport, describeConnectionReport } from '../../lib/settings/connection-report';
import type { SyncStatus } from '../../lib/sync/sync-status';
import { errorText } from '../../lib/text/error-text';
import { pluralize } from '../../lib/text/pluralize';
import { toneOf } from '../../lib/ui/tones';
import { ActionDefaultsFieldset } from './ActionDefaultsFieldset';
import { type NeverBlockDraft, NeverBlockFieldset, neverBlockDraft } from './NeverBlockFieldset';
import { SettingsFileFieldset } from './SettingsFileFieldset';

interface Props {
  /** As stored: without the token, which this page never holds (only its hint). */
  settings: StoredSettings;
  /** What the last sync learnt about the console's Blocklist and Firewall Control. */
  blocks?: SyncStatus['blocks'];
  /** A connection without `apiToken` keeps the saved token (for the saved console only). */
  onSave(settings: SettingsInput): Promise<void>;
  /** Without `apiToken`, the worker uses the saved token, and only for the saved console. */
  onTest(probe: ConsoleProbe & { accountId: string }): Promise<ConnectionReport>;
  onListAccounts(probe: ConsoleProbe): Promise<Account[]>;
}

type Status = { kind: 'idle' | 'busy' | 'ok' | 'warn' | 'error'; text: string };
type Draft = Record<
  'consoleUrl' | 'apiToken' | 'accountId' | 'accountName' | 'creatorEmail' | 'tagPrefix',
  string
> & {
  validityDays: Record<IocType, string>;
  score: string;
  quickBlockSingle: boolean;
  actionDefaults: Settings['actionDefaults'];
  neverBlock: NeverBlockDraft;
};

// The token field is never filled with the saved token: a URL changed in the form must not inherit it,
// and the page has no reason to show it. Left empty, it keeps the saved token for the saved console.
const toDraft = (settings: SettingsInput): Draft => ({
  consoleUrl: settings.connection?.consoleUrl ?? '',
  apiToken: '',
  accountId: settings.connection?.accountId ?? '',
  accountName: settings.connection?.accountName ?? '',
  creatorEmail: settings.connection?.creatorEmail ?? '',
  tagPrefix: settings.connection?.tagPrefix ?? '',
  validityDays: Object.fromEntries(
    IOC_TYPES.map((t) => [t, String(settings.iocDefaults.validityDays[t])]),
  ) as Record<IocType, string>,
  score: String(settings.iocDefaults.score),
  quickBlockSingle: settings.quickBlockSingle,
  actionDefaults: settings.actionDefaults,
  neverBlock: neverBlockDraft(settings.neverBlock),
});

type Saved = StoredSettings['connection'];

/** The hint in the empty token field: the saved token's last four characters only. */
const savedTokenHint = (saved: Saved) =>
  saved?.tokenHint ? `Saved token ${saved.tokenHint}: leave empty to keep it` : undefined;

/**
 * The token the draft's console may use: the one typed, or the saved one (`keep`) for the saved
 * console, which stays with the worker; or why neither.
 */
function readToken(
  draft: Draft,
  origin: string,
  saved: Saved,
): { ok: true; typed?: string } | { ok: false; reason: string } {
  try {
    const hint = saved && { consoleUrl: saved.consoleUrl, hasToken: saved.tokenHint !== '' };
    const choice = tokenChoice(origin, draft.apiToken, hint);
    return 'typed' in choice ? { ok: true, typed: choice.typed } : { ok: true };
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
}

/** What Test connection and Load accounts send: the token only when typed, never the saved one. */
const probeOf = (draft: Draft, consoleUrl: string): ConsoleProbe => {
  const typed = draft.apiToken.trim();
  return typed ? { consoleUrl, apiToken: typed } : { consoleUrl };
};

/** The draft as a connection, or the first reason it is not one. */
function readConnection(
  draft: Draft,
  saved: Saved,
): { ok: true; value: ConnectionInput } | { ok: false; reason: string } {
  const url = normalizeConsoleUrl(draft.consoleUrl);
  if (!url.ok) return { ok: false, reason: url.reason };
  const token = readToken(draft, url.origin, saved);
  if (!token.ok) return token;
  const parsed = ConnectionFieldsSchema.safeParse({
    ...draft,
    consoleUrl: url.origin,
    accountId: draft.accountId.trim(),
  });
  return parsed.success
    ? { ok: true, value: token.typed ? { ...parsed.data, apiToken: token.typed } : parsed.data }
    : { ok: false, reason: parsed.error.issues[0]?.message ?? 'Invalid connection.' };
}

/** The draft as complete settings, or the first reason it is not. */
function readSettings(
  draft: Draft,
  base: StoredSettings,
): { ok: true; value: SettingsInput } | { ok: false; reason: string } {
  const connection = readConnection(draft, base.connection);
  if (!connection.ok) return connection;
  const validityDays = { ...base.iocDefaults.validityDays };
  for (const type of IOC_TYPES) {
    const days = Number(draft.validityDays[type]);
    if (!Number.isInteger(days) || days < 1 || days > MAX_VALIDITY_DAYS[type]) {
      return {
        ok: false,
        reason: `Validity for ${type} must be a whole number of days from 1 to ${MAX_VALIDITY_DAYS[type]} (the API's maximum).`,
      };
    }
    validityDays[type] = days;
  }
  const score = Number(draft.score);
  if (!Number.isInteger(score) || score < 0 || score > 100)
    return { ok: false, reason: 'The default score must be a whole number from 0 to 100.' };
  const [neverBlockProblem] = draft.neverBlock.problems;
  if (neverBlockProblem) return { ok: false, reason: neverBlockProblem };
  return {
    ok: true,
    value: {
      ...base,
      connection: connection.value,
      iocDefaults: { ...base.iocDefaults, validityDays, score },
      quickBlockSingle: draft.quickBlockSingle,
      actionDefaults: draft.actionDefaults,
      neverBlock: draft.neverBlock.entries,
    },
  };
}

/** The connection screen: console, token, account, the analyst's defaults, and YAML import/export. */
export function SettingsView({ settings, blocks, onSave, onTest, onListAccounts }: Props) {
  const [draft, setDraft] = useState<Draft>(() => toDraft(settings));
  const [status, setStatus] = useState<Status>({ kind: 'idle', text: '' });
  const [accounts, setAccounts] = useState<Account[]>([]);
  const set =
    (key: keyof Omit<Draft, 'validityDays' | 'quickBlockSingle' | 'actionDefaults' | 'neverBlock'>) =>
    (event: Event) =>
      setDraft({ ...draft, [key]: (event.currentTarget as HTMLInputElement).value });

  async function run(label: string, action: () => Promise<Status>) {
    setStatus({ kind: 'busy', text: label });
    try {
      setStatus(await action());
    } catch (error) {
      setStatus({ kind: 'error', text: errorText(error) });
    }
  }

  const busy = status.kind === 'busy';
  return (
    <form
      class="settings"
      aria-label="Connection"
      // Our own checks give a message in place; the browser's bubbles would not say why.
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const read = readSettings(draft, settings);
        if (!read.ok) return setStatus({ kind: 'error', text: read.reason });
        void run('Saving…', async () => {
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
      }}
    >
      <fieldset>
        <legend>Console</legend>
        <label for="consoleUrl">Console URL</label>
        <input
          id="consoleUrl"
          type="url"
          required
          placeholder="https://usea1-acme.sentinelone.net"
          value={draft.consoleUrl}
          onInput={set('consoleUrl')}
        />
        <label for="apiToken">API token</label>
        <input
          id="apiToken"
          type="password"
          autocomplete="off"
          required={!settings.connection}
          placeholder={savedTokenHint(settings.connection)}
          title={savedTokenHint(settings.connection)}
          value={draft.apiToken}
          onInput={set('apiToken')}
        />
        <label for="accountId">Account id</label>
        <span class="with-button">
          <input
            id="accountId"
            inputMode="numeric"
            list="account-list"
            required
            value={draft.accountId}
            onInput={set('accountId')}
          />
          <datalist id="account-list">
            {accounts.map((account) => (
              <option key={account.id} value={account.id}>
                {account.name}
              </option>
            ))}
          </datalist>
          <button
            type="button"
            disabled={busy}
            onClick={() => {
              const url = normalizeConsoleUrl(draft.consoleUrl);
              if (!url.ok) return setStatus({ kind: 'error', text: url.reason });
              const token = readToken(draft, url.origin, settings.connection);
              if (!token.ok) return setStatus({ kind: 'error', text: token.reason });
              void run('Loading accounts…', async () => {
                const list = await onListAccounts(probeOf(draft, url.origin));
                setAccounts(list);
                const only = list.length === 1 ? list[0] : undefined;
                if (only) setDraft({ ...draft, accountId: only.id, accountName: only.name });
                return {
                  kind: 'ok',
                  text: `${pluralize(list.length, 'account')}: ${list.map((a) => `${a.name} (${a.id})`).join(', ')}`,
                };
              });
            }}
          >
            Load accounts
          </button>
        </span>
        <label for="creatorEmail">Creator email</label>
        <input id="creatorEmail" type="email" value={draft.creatorEmail} onInput={set('creatorEmail')} />
        <label for="tagPrefix">Tag prefix</label>
        <input id="tagPrefix" placeholder="[ACME SOC]" value={draft.tagPrefix} onInput={set('tagPrefix')} />
      </fieldset>
      <fieldset>
        <legend>Defaults for new IOCs</legend>
        {IOC_TYPES.map((type) => (
          <Fragment key={type}>
            <label for={`validity-${type}`}>Validity {type} (days)</label>
            <input
              id={`validity-${type}`}
              type="number"
              min={1}
              max={MAX_VALIDITY_DAYS[type]}
              value={draft.validityDays[type]}
              title={`At most ${MAX_VALIDITY_DAYS[type]} days: the API clamps anything longer.`}
              onInput={(event) =>
                setDraft({
                  ...draft,
                  validityDays: { ...draft.validityDays, [type]: event.currentTarget.value },
                })
              }
            />
          </Fragment>
        ))}
        <label for="score">Default score</label>
        <input id="score" type="number" min={0} max={100} value={draft.score} onInput={set('score')} />
        <label for="quickBlockSingle">Detect a single valid new IOC without the review</label>
        <span>
          <input
            id="quickBlockSingle"
            type="checkbox"
            checked={draft.quickBlockSingle}
            onChange={(event) => setDraft({ ...draft, quickBlockSingle: event.currentTarget.checked })}
          />{' '}
          <small>
            From the context menu, send it as a Threat Intelligence IOC (Detect) at once when the selection
            holds exactly one valid IOC that is not in SentinelOne yet and has no warning. Blocks always go
            through the review.
          </small>
        </span>
      </fieldset>
      <ActionDefaultsFieldset
        value={draft.actionDefaults}
        onChange={(actionDefaults) => setDraft({ ...draft, actionDefaults })}
        blocklistReason={blocks?.blocklist.readable === false ? blocks.blocklist.reason : null}
        firewallReason={blocks?.firewall.available === false ? blocks.firewall.reason : null}
      />
      <NeverBlockFieldset
        value={draft.neverBlock}
        onChange={(neverBlock) => setDraft((current) => ({ ...current, neverBlock }))}
      />
      <div class="actions">
        <button type="submit" disabled={busy}>
          Save
        </button>
        <button
          type="button"
          disabled={busy}
          onClick={() => {
            const read = readConnection(draft, settings.connection);
            if (!read.ok) return setStatus({ kind: 'error', text: read.reason });
            const probe = { ...probeOf(draft, read.value.consoleUrl), accountId: read.value.accountId };
            void run('Testing the connection…', async () =>
              describeConnectionReport(await onTest(probe), Date.now()),
            );
          }}
        >
          Test connection
        </button>
      </div>
      <p
        role="status"
        aria-label="Connection status"
        class={`status-${status.kind}`}
        data-tone={toneOf('status', status.kind)}
      >
        {status.text}
      </p>
      <SettingsFileFieldset
        settings={settings}
        onRefused={(text) => setStatus({ kind: 'error', text })}
        onImported={(next, fileName) =>
          void run('Importing…', async () => {
            await onSave(next);
            setDraft(toDraft(next));
            return { kind: 'ok', text: `Imported ${fileName}.` };
          })
        }
      />
    </form>
  );
}
