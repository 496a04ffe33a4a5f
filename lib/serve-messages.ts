/** The service worker's side of lib/messages.ts: one line per message, the work lives elsewhere in lib/. */
import { checkConnection } from './connection-check';
import { onMessage } from './messages';
import { settingsItem } from './settings';

export function serveMessages(): void {
  onMessage('testConnection', async ({ data }) => checkConnection(data ?? (await savedConnection())));
}

async function savedConnection() {
  const { connection } = await settingsItem.getValue();
  if (!connection)
    throw new Error('The extension is not connected yet: open Settings and enter the console URL and token.');
  return connection;
}
