/**
 * Which actions the review offers and ticks for a row, by IOC type (docs/blocking-api.md):
 * every type can be detected; only SHA1 and SHA256 can be put on the Blocklist (it has no MD5
 * field); only IPs and domains can be network-blocked, and only where the console has Firewall
 * Control. URLs and MD5 hashes can only be detected, and the row says so.
 */
import type { Defaults } from '../../config/defaults';
import type { IocType } from '../../config/ioc-types';
import type { OsType } from '../../config/os-types';
import type { IocDraft } from '../s1/schemas';
import type { BlockOutcome, RowActionReport, RowActionRequest } from './actions';
import { settled } from './row-reports';

export type ActionDefaults = Defaults['actions'];

/** A row's chosen actions; null where the type (or the console) has no such action. */
export interface RowActions {
  detect: boolean;
  blockExecution: OsType[] | null;
  blockNetwork: boolean | null;
  /** "Block anyway" after SentinelOne called the hash Not recommended. */
  allowNotRecommended: boolean;
}

/** Whether the console offers Firewall Control: null while not yet known. */
export type FirewallAvailability = boolean | null;

export const BLOCKLIST_TYPES: ReadonlySet<IocType> = new Set(['SHA1', 'SHA256']);
export const NETWORK_TYPES: ReadonlySet<IocType> = new Set(['IPV4', 'IPV6', 'DNS']);

/** Why a type can only be detected, in the row's words; null when it can be blocked somehow. */
export function detectOnlyReason(type: IocType): string | null {
  if (type === 'MD5') return 'SentinelOne can only detect MD5 hashes: the Blocklist takes SHA1 and SHA256.';
  if (type === 'URL') return 'SentinelOne can only detect URLs: block the domain or IP instead.';
  return null;
}

/** The actions a new row starts with: Detect, plus the blocks its type allows, as Settings say. */
export function defaultActions(
  type: IocType,
  defaults: ActionDefaults,
  firewall: FirewallAvailability,
): RowActions {
  return {
    detect: true,
    blockExecution: BLOCKLIST_TYPES.has(type)
      ? defaults.blockExecution
        ? [...defaults.blockExecutionOs]
        : []
      : null,
    // Unknown availability offers the action unticked: the worker says why if it cannot run.
    blockNetwork:
      NETWORK_TYPES.has(type) && firewall !== false ? defaults.blockNetwork && firewall === true : null,
    allowNotRecommended: false,
  };
}

/**
 * What is left to do of `actions` after `done` (the outcomes of earlier presses of Submit): a second
 * press sends only what has not succeeded, so nothing is written twice.
 */
export function remainingActions(actions: RowActions, done: RowActionReport | undefined): RowActions {
  if (!done) return actions;
  return {
    ...actions,
    detect: actions.detect && done.detect?.status !== 'stored',
    blockExecution:
      actions.blockExecution?.filter(
        (os) => !settled(done.blockExecution?.[os]) && !final(done.blockExecution?.[os]),
      ) ?? actions.blockExecution,
    blockNetwork:
      actions.blockNetwork === null
        ? null
        : actions.blockNetwork && !settled(done.blockNetwork) && !final(done.blockNetwork),
  };
}

/** A refusal that asking again cannot change. */
const final = (outcome: BlockOutcome | undefined) => outcome?.status === 'refused' && outcome.final === true;

/** Whether `actions` asks for anything at all. */
export const choosesAnything = (actions: RowActions): boolean =>
  actions.detect || (actions.blockExecution?.length ?? 0) > 0 || actions.blockNetwork === true;

/** The worker's request for one row, or null when nothing is chosen. */
export function actionRequest(draft: IocDraft, actions: RowActions): RowActionRequest | null {
  if (!choosesAnything(actions)) return null;
  return {
    draft,
    detect: actions.detect,
    ...(actions.blockExecution?.length
      ? {
          blockExecution: {
            osTypes: [...actions.blockExecution],
            allowNotRecommended: actions.allowNotRecommended,
          },
        }
      : {}),
    ...(actions.blockNetwork ? { blockNetwork: true } : {}),
  };
}
