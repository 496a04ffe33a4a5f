import { useState } from 'preact/hooks';
import { type Connection, ConnectionSchema, normalizeConsoleUrl } from '../config/connection';
import type { ConnectionReport } from '../lib/connection-check';

export interface ConnectionFormState {
  saved: Connection | null;
}

/** The fields this form edits; the rest of the connection is kept by the caller. */
export type ConnectionFields = Pick<Connection, 'consoleUrl' | 'apiToken' | 'accountId'>;

interface Props extends ConnectionFormState {
  onSave(fields: ConnectionFields): Promise<void>;
  onTest(fields: ConnectionFields): Promise<ConnectionReport>;
}

type Status = { kind: 'idle' } | { kind: 'busy'; text: string } | { kind: 'ok' | 'error'; text: string };

/** Reads the form into a Connection, or the first reason it is not one. */
function readForm(
  form: HTMLFormElement,
): { ok: true; value: ConnectionFields } | { ok: false; reason: string } {
  const fields = new FormData(form);
  const url = normalizeConsoleUrl(String(fields.get('consoleUrl') ?? ''));
  if (!url.ok) return { ok: false, reason: url.reason };
  const parsed = ConnectionSchema.safeParse({
    consoleUrl: url.origin,
    apiToken: String(fields.get('apiToken') ?? '').trim(),
    accountId: String(fields.get('accountId') ?? '').trim(),
  });
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, reason: parsed.error.issues[0]?.message ?? '' };
}

function summarize(report: ConnectionReport): string {
  const who = report.userEmail ?? report.userName ?? 'the token user';
  const expiry = report.tokenExpiresAt ? `, token expires ${report.tokenExpiresAt}` : '';
  return `Connected as ${who} (${report.scope ?? 'unknown'} scope${expiry}). Account ${report.accountId} holds ${report.iocCount} IOCs.`;
}

/** Console URL, token and account; Save stores them, Test connection asks the console. */
export function ConnectionForm({ saved, onSave, onTest }: Props) {
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  async function run(form: HTMLFormElement, action: 'save' | 'test') {
    const read = readForm(form);
    if (!read.ok) return setStatus({ kind: 'error', text: read.reason });
    setStatus({ kind: 'busy', text: action === 'save' ? 'Saving…' : 'Testing the connection…' });
    try {
      if (action === 'save') {
        await onSave(read.value);
        setStatus({ kind: 'ok', text: 'Saved.' });
      } else {
        setStatus({ kind: 'ok', text: summarize(await onTest(read.value)) });
      }
    } catch (error) {
      setStatus({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
    }
  }

  return (
    <form
      class="connection"
      aria-label="Connection"
      onSubmit={(event) => {
        event.preventDefault();
        void run(event.currentTarget, 'save');
      }}
    >
      <label for="consoleUrl">Console URL</label>
      <input id="consoleUrl" name="consoleUrl" type="url" required defaultValue={saved?.consoleUrl ?? ''} />
      <label for="apiToken">API token</label>
      <input
        id="apiToken"
        name="apiToken"
        type="password"
        autocomplete="off"
        required
        defaultValue={saved?.apiToken ?? ''}
      />
      <label for="accountId">Account id</label>
      <input
        id="accountId"
        name="accountId"
        inputMode="numeric"
        required
        defaultValue={saved?.accountId ?? ''}
      />
      <div class="actions">
        <button type="submit" disabled={status.kind === 'busy'}>
          Save
        </button>
        <button
          type="button"
          disabled={status.kind === 'busy'}
          onClick={(event) => {
            const form = event.currentTarget.form;
            if (form) void run(form, 'test');
          }}
        >
          Test connection
        </button>
      </div>
      <p role="status" aria-label="Connection status" class={status.kind === 'error' ? 'error' : undefined}>
        {status.kind === 'idle' ? '' : status.text}
      </p>
    </form>
  );
}
