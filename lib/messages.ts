/**
 * The whole API between the extension's pages and its service worker. UI bundles import only this
 * file; the handlers live in serve-messages.ts. Errors thrown by a handler reach the caller with
 * their message and own fields (such as S1Error's `kind`), not their class.
 *
 * Every message is about one profile (lib/profiles/profile-list.ts) and names it: the page says which
 * tenant it means, and the worker refuses a profile that is no longer in the list rather than guess.
 */
import { defineExtensionMessaging, type GetDataType, type GetReturnType } from '@webext-core/messaging';
import type { ActionsReport, RowActionRequest, UnblockReport, UnblockTargets } from './blocks/actions';
import type { RenewRulesReport } from './blocks/renew-rules';
import type { Ioc, IocDraft, IocRef } from './s1/schemas';
import type { ConnectionReport } from './settings/connection-report';
import type { ScopeChoices } from './settings/scope-choices';
import type { SyncOutcome } from './sync/sync-engine';
import type { DeleteReport } from './writes/delete-iocs';
import type { SubmitReport } from './writes/submit-iocs';
import type { UpdateReport } from './writes/update-ioc';

/**
 * A console to talk to before it is saved, from the Settings form. Without `apiToken` the worker uses
 * the saved token, and only when `consoleUrl` is the saved console's origin: a token is bound to its
 * console, so a URL typed into the form never receives the saved token.
 */
export interface ConsoleProbe {
  consoleUrl: string;
  apiToken?: string;
}

export interface Protocol {
  /** Checks a connection (the saved one when none is given): who the token is, its role and expiry, the IOC count. */
  testConnection(probe?: ConsoleProbe & { accountId: string; siteId?: string }): ConnectionReport;
  /** The accounts a token can see, or a site token's sites, for the picker. */
  listScopes(probe: ConsoleProbe): ScopeChoices;
  /** Deletes IOCs by uuid on the console and from the cache; a lost answer is re-read, never re-sent. */
  deleteIocs(targets: IocRef[]): DeleteReport;
  /** Sends reviewed IOCs in batches of 1,000; the outcome per row; never re-sent blindly. */
  submitIocs(drafts: IocDraft[]): SubmitReport;
  /**
   * Runs each reviewed row's chosen actions: Detect (a TI IOC), Block execution (Blocklist, per OS),
   * Block network (a Firewall Control rule). The outcome per row and action; nothing re-sent blindly.
   */
  applyActions(requests: RowActionRequest[]): ActionsReport;
  /** Removes Blocklist items and the extension's firewall rules by id; a lost answer is re-read. */
  unblock(targets: UnblockTargets): UnblockReport;
  /**
   * Moves the expiry of the extension's Block network rules (by id, as cached) to `days` from now,
   * clamped per type (IPs 30 days, domains 180); a lost answer is re-read, never re-sent.
   */
  renewFirewallRules(request: { ruleIds: string[]; days: number }): RenewRulesReport;
  /** Re-POSTs one IOC with the same type, value and source, and checks what the console made of it. */
  updateIoc(change: { previous: Ioc; draft: IocDraft }): UpdateReport;
  /** Syncs the cache now ("Grab the IOC ✊"); joins a sync that is already running. */
  syncNow(options?: { full?: boolean }): SyncOutcome;
  /** Does nothing: the message wakes a stopped worker, which then finishes what its predecessor left. */
  wake(): void;
  /**
   * Removes the profile: out of the list, then its cache, token, settings, status and alarm. The last
   * profile is refused (there is always one to connect).
   */
  removeProfile(): void;
}

/** What travels: the profile the message is about, and the message's own data. */
export interface Addressed<T> {
  profileId: string;
  request: T;
}

export type AddressedProtocol = {
  [K in keyof Protocol]: (data: Addressed<GetDataType<Protocol[K]>>) => GetReturnType<Protocol[K]>;
};

const messaging = defineExtensionMessaging<AddressedProtocol>();
export const onMessage = messaging.onMessage;

/** Sends `name` with `request` about the profile `profileId`; resolves to the handler's answer. */
export function sendMessage<K extends keyof Protocol>(
  name: K,
  request: GetDataType<Protocol[K]>,
  profileId: string,
): Promise<GetReturnType<Protocol[K]>> {
  // The mapped type is exact per message; TypeScript cannot follow K through it, hence the one cast.
  const send = messaging.sendMessage as (
    type: K,
    data: Addressed<unknown>,
  ) => Promise<GetReturnType<Protocol[K]>>;
  return send(name, { profileId, request });
}
