import { useEffect, useState } from 'preact/hooks';
import { ConnectionForm, type ConnectionFormState } from '../../components/ConnectionForm';
import { ConnectionSchema } from '../../config/connection';
import { sendMessage } from '../../lib/messages';
import { settingsItem } from '../../lib/settings';

export function App() {
  const [saved, setSaved] = useState<ConnectionFormState['saved']>();
  useEffect(() => {
    void settingsItem.getValue().then((settings) => setSaved(settings.connection ?? null));
  }, []);
  if (saved === undefined) return <p>Loading…</p>;
  return (
    <main>
      <h1>S1 IOC Manager</h1>
      <ConnectionForm
        saved={saved}
        onSave={async (connection) => {
          const parsed = ConnectionSchema.parse(connection);
          await settingsItem.setValue({ ...(await settingsItem.getValue()), connection: parsed });
        }}
        onTest={(connection) => sendMessage('testConnection', connection)}
      />
    </main>
  );
}
