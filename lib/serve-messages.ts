/** The service worker's side of lib/messages.ts: one line per message, the work lives elsewhere in lib/. */
import type { BackgroundServices } from './background-services';
import { checkConnection } from './connection-check';
import { onMessage } from './messages';
import { createS1Client } from './s1/client';

export function serveMessages(services: BackgroundServices): void {
  onMessage('testConnection', async ({ data }) =>
    checkConnection(data ?? (await services.savedConnection())),
  );
  onMessage('listAccounts', ({ data }) => createS1Client({ ...data, accountId: '0' }).listAccounts());
  onMessage('syncNow', ({ data }) => services.engine.sync('manual', { full: data?.full }));
  onMessage('deleteIocs', ({ data }) => services.deleteIocs(data));
  onMessage('submitIocs', ({ data }) => services.submitIocs(data));
  onMessage('applyActions', ({ data }) => services.applyActions(data));
  onMessage('unblock', ({ data }) => services.unblock(data));
  onMessage('renewFirewallRules', ({ data }) => services.renewFirewallRules(data));
  onMessage('updateIoc', ({ data }) => services.updateIoc(data.previous, data.draft));
  onMessage('wake', () => undefined);
}
