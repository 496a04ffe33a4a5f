/**
 * The service worker's side of lib/messages.ts: one line per message, the work lives elsewhere in lib/.
 * Every message goes through `serve`, which answers only the extension's own pages and only with a
 * payload its schema accepts (message-payloads.ts), before the handler runs.
 */
import type { GetDataType, GetReturnType, MaybePromise } from '@webext-core/messaging';
import { browser } from 'wxt/browser';
import { z } from 'zod';
import { logFor } from '../log/log';
import { onMessage, type Protocol } from '../messages';
import { createS1Client } from '../s1/client';
import { grantedOnly } from '../s1/granted-origin';
import { checkConnection } from '../settings/connection-check';
import { resolveProbe } from '../settings/connection-probe';
import { listScopeChoices } from '../settings/scope-choices';
import type { BackgroundServices } from './background-services';
import { PAYLOAD_SCHEMAS as P, ProfileIdSchema, parsePayload } from './message-payloads';
import type { ProfileServices } from './profile-services';
import { isTrustedSender, senderOrigin } from './trusted-sender';

const log = logFor('messages');

export function serveMessages(services: BackgroundServices): void {
  // A console typed into Settings gets the saved token only when it is the saved console (connection-probe.ts).
  const probe = (profile: ProfileServices) => ({
    savedConnection: async () => (await profile.readSettings()).connection,
  });
  serve('testConnection', P.testConnection, async (data, profile) =>
    checkConnection(
      data
        ? probedConnection(await resolveProbe(data, probe(profile)), data.siteId)
        : await profile.savedConnection(),
      grantedOnly,
    ),
  );
  serve('listScopes', P.listScopes, async (data, profile) =>
    listScopeChoices(
      createS1Client({ ...(await resolveProbe(data, probe(profile))), accountId: '0' }, grantedOnly),
    ),
  );
  serve('syncNow', P.syncNow, (options, profile) => profile.engine.sync('manual', { full: options?.full }));
  serve('deleteIocs', P.deleteIocs, (targets, profile) => profile.deleteIocs(targets));
  serve('submitIocs', P.submitIocs, (drafts, profile) => profile.submitIocs(drafts));
  serve('applyActions', P.applyActions, (requests, profile) => profile.applyActions(requests));
  serve('unblock', P.unblock, (targets, profile) => profile.unblock(targets));
  serve('renewFirewallRules', P.renewFirewallRules, (request, profile) =>
    profile.renewFirewallRules(request),
  );
  serve('updateIoc', P.updateIoc, ({ previous, draft }, profile) => profile.updateIoc(previous, draft));
  serve('wake', P.wake, () => undefined);
  serve('removeProfile', P.removeProfile, (_none, profile) => services.removeProfile(profile.profileId));

  /**
   * Registers `handler` for `name`: a message from anywhere but the extension's pages (a script in a
   * web page's isolated world, say), with a malformed payload, or about a profile that is not in the list
   * is refused with an error, and a warn line in the activity log that names the message and where it
   * came from, never the payload.
   */
  function serve<K extends keyof Protocol>(
    name: K,
    schema: z.ZodType<GetDataType<Protocol[K]>>,
    handler: (
      data: GetDataType<Protocol[K]>,
      profile: ProfileServices,
    ) => MaybePromise<GetReturnType<Protocol[K]>>,
  ): void {
    const addressed = z.object({ profileId: ProfileIdSchema, request: schema });
    const listen = onMessage as unknown as (
      type: K,
      listener: (message: { data: unknown; sender: Parameters<typeof isTrustedSender>[0] }) => unknown,
    ) => void;
    listen(name, async ({ data, sender }) => {
      if (!isTrustedSender(sender, browser.runtime.getURL('/'), browser.runtime.id)) {
        log.warn(
          `Refused the ${name} message from ${senderOrigin(sender)}: not one of the extension's pages.`,
        );
        throw new Error(UNTRUSTED_SENDER_MESSAGE);
      }
      let payload: z.infer<typeof addressed>;
      try {
        // A message without data (wake, removeProfile) arrives with no `request` key at all: JSON drops it.
        const framed = typeof data === 'object' && data !== null ? { request: undefined, ...data } : data;
        payload = parsePayload(name, addressed, framed);
      } catch (error) {
        log.warn((error as Error).message);
        throw error;
      }
      // Waking the worker is about no profile in particular, and must work whichever was removed.
      if (name === 'wake') return undefined;
      const profile = await services.profile(payload.profileId);
      return handler(payload.request as GetDataType<Protocol[K]>, profile);
    });
  }
}

/** The refusal a context other than the extension's pages gets; it names nothing of the request. */
export const UNTRUSTED_SENDER_MESSAGE = "Refused: only the extension's own pages may ask this.";

/** A probed connection with the site the form picked, so Test connection reads the site's IOCs. */
const probedConnection = <T extends { accountId: string }>(connection: T, siteId: string | undefined) =>
  siteId ? { ...connection, scope: { kind: 'site' as const, siteId } } : connection;
