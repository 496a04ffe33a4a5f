import { useState } from 'preact/hooks';
import { type ConnectionFields, ConnectionForm } from '../../components/ConnectionForm';
import { SyncHeader } from '../../components/SyncHeader';
import { useStorageItem } from '../../components/use-storage-item';
import { ConnectionSchema } from '../../config/connection';
import { sendMessage } from '../../lib/messages';
import { settingsItem, updateSettings } from '../../lib/settings';
import { IDLE_STATUS, syncStatusItem } from '../../lib/sync/sync-status';

export function App() {
  const settings = useStorageItem(settingsItem);
  const status = useStorageItem(syncStatusItem) ?? IDLE_STATUS;
  const [grabError, setGrabError] = useState<string | null>(null);
  if (settings === undefined) return <p>Loading…</p>;
  const connection = settings.connection;
  const withFields = (fields: ConnectionFields) => ConnectionSchema.parse({ ...connection, ...fields });
  return (
    <main>
      <h1>S1 IOC Manager</h1>
      {connection && (
        <SyncHeader
          status={status}
          accountLabel={connection.accountName || `Account ${connection.accountId}`}
          actionError={grabError}
          onGrab={() => {
            setGrabError(null);
            // A failed sync is reported through the status; this catches a worker that did not answer.
            sendMessage('syncNow', {}).catch((error: unknown) =>
              setGrabError(error instanceof Error ? error.message : String(error)),
            );
          }}
        />
      )}
      <ConnectionForm
        saved={connection}
        onSave={async (fields) => {
          await updateSettings({ connection: withFields(fields) });
        }}
        onTest={(fields) => sendMessage('testConnection', withFields(fields))}
      />
    </main>
  );
}
