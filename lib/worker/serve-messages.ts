/**
 * The service worker's side of lib/messages.ts: one line per message, the work lives elsewhere in lib/.
 * Every message goes through `serve`, which answers only the extension's own pages and only with a
 * payload its schema accepts (message-payloads.ts), before the handler runs.
 */
import type { GetDataType, GetReturnType, MaybePromise } from '@webext-core/messaging';
import { browser } from 'wxt/browser';
import type { z } from 'zod';
import { logFor } from '../log/log';
import { onMessage, type Protocol } from '../messages';
import { createS1Client } from '../s1/client';
import { grantedOnly } from '../s1/granted-origin';
import { checkConnection } from '../settings/connection-check';
import { resolveProbe } from '../settings/connection-probe';
import { listScopeChoices } from '../settings/scope-choices';
import { readSettings } from '../settings/settings';
import type { BackgroundServices } from './background-services';
import { PAYLOAD_SCHEMAS as P, parsePayload } from './message-payloads';
import { isTrustedSender, senderOrigin } from './trusted-sender';

const log = logFor('messages');

export function serveMessages(services: BackgroundServices): void {
  // A console typed into Settings gets the saved token only when it is the saved console (connection-probe.ts).
  const probe = { savedConnection: async () => (await readSettings()).connection };
  serve('testConnection', P.testConnection, async (data) =>
    checkConnection(
      data
        ? probedConnection(await resolveProbe(data, probe), data.siteId)
        : await services.savedConnection(),
      grantedOnly,
    ),
  );
  serve('listScopes', P.listScopes, async (data) =>
    listScopeChoices(createS1Client({ ...(await resolveProbe(data, probe)), accountId: '0' }, grantedOnly)),
  );
  serve('syncNow', P.syncNow, (options) => services.engine.sync('manual', { full: options?.full }));
  serve('deleteIocs', P.deleteIocs, (targets) => services.deleteIocs(targets));
  serve('submitIocs', P.submitIocs, (drafts) => services.submitIocs(drafts));
  serve('applyActions', P.applyActions, (requests) => services.applyActions(requests));
  serve('unblock', P.unblock, (targets) => services.unblock(targets));
  serve('renewFirewallRules', P.renewFirewallRules, (request) => services.renewFirewallRules(request));
  serve('updateIoc', P.updateIoc, ({ previous, draft }) => services.updateIoc(previous, draft));
  serve('wake', P.wake, () => undefined);
}

/** A probed connection with the site the form picked, so Test connection reads the site's IOCs. */
const probedConnection = <T extends { accountId: string }>(connection: T, siteId: string | undefined) =>
  siteId ? { ...connection, scope: { kind: 'site' as const, siteId } } : connection;

/** The refusal a context other than the extension's pages gets; it names nothing of the request. */
export const UNTRUSTED_SENDER_MESSAGE = "Refused: only the extension's own pages may ask this.";

/**
 * Registers `handler` for `name`: a message from anywhere but the extension's pages (a script in a
 * web page's isolated world, say) or with a malformed payload is refused with an error, and a warn
 * line in the activity log that names the message and where it came from, never the payload.
 */
function serve<K extends keyof Protocol>(
  name: K,
  schema: z.ZodType<GetDataType<Protocol[K]>>,
  handler: (data: GetDataType<Protocol[K]>) => MaybePromise<GetReturnType<Protocol[K]>>,
): void {
  onMessage(name, ({ data, sender }) => {
    if (!isTrustedSender(sender, browser.runtime.getURL('/'), browser.runtime.id)) {
      log.warn(`Refused the ${name} message from ${senderOrigin(sender)}: not one of the extension's pages.`);
      throw new Error(UNTRUSTED_SENDER_MESSAGE);
    }
    let payload: GetDataType<Protocol[K]>;
    try {
      payload = parsePayload(name, schema, data);
    } catch (error) {
      log.warn((error as Error).message);
      throw error;
    }
    return handler(payload);
  });
}
