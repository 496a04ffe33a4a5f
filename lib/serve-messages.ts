/** The service worker's side of lib/messages.ts: one line per message, the work lives elsewhere in lib/. */
import type { BackgroundServices } from './background-services';
import { checkConnection } from './connection-check';
import { onMessage } from './messages';
import { readSettings } from './settings';

export function serveMessages(services: BackgroundServices): void {
  onMessage('testConnection', async ({ data }) => checkConnection(data ?? (await savedConnection())));
  onMessage('syncNow', ({ data }) => services.engine.sync('manual', { full: data?.full }));
}

async function savedConnection() {
  const { connection } = await readSettings();
  if (!connection)
    throw new Error('The extension is not connected yet: open Settings and enter the console URL and token.');
  return connection;
}
