/**
 * The actions a look-up answer (the popup, the sheet's look-up) offers for one value, and the request
 * each sends: the same actions and defaults as the review, one button each, so a hash that is
 * neither detected nor blocked offers both Detect and Block execution.
 */

import { OS_TYPES } from '../../config/os-types';
import type { SettingsWithoutToken } from '../../config/settings';
import { defaultFields, draftSettings, toDrafts } from '../iocs/drafts';
import type { IocType } from '../s1/schemas';
import type { ActionKind, RowActionRequest } from './actions';
import type { BlockState } from './block-state';
import { BLOCKLIST_TYPES, type FirewallAvailability, NETWORK_TYPES } from './review-actions';

export interface AnsweredValue {
  value: string;
  type: IocType;
  /** A Threat Intelligence IOC holds the value already. */
  detected: boolean;
}

/** The buttons for one valid value, in the order shown; what is already in place is not offered. */
export function offeredAnswerActions(
  answer: AnsweredValue,
  state: BlockState | undefined,
  firewall: FirewallAvailability,
): ActionKind[] {
  const offered: ActionKind[] = [];
  if (!answer.detected) offered.push('detect');
  // Offered when not blocked on every OS: the button adds the OSes Settings name.
  if (BLOCKLIST_TYPES.has(answer.type) && (state?.execution.length ?? 0) < OS_TYPES.length)
    offered.push('blockExecution');
  if (NETWORK_TYPES.has(answer.type) && firewall !== false && !state?.network) offered.push('blockNetwork');
  return offered;
}

/** What one button sends: the value with the defaults from Settings, and only that action. */
export function answerActionRequest(
  answer: AnsweredValue,
  kind: ActionKind,
  settings: SettingsWithoutToken,
  now: Date,
): RowActionRequest {
  const [draft] = toDrafts([answer], defaultFields(settings), draftSettings(settings), now);
  if (!draft) throw new Error('No draft for the value.');
  if (kind === 'detect') return { draft, detect: true };
  if (kind === 'blockNetwork') return { draft, detect: false, blockNetwork: true };
  const chosen = settings.actionDefaults.blockExecutionOs;
  // An empty default list would make the button do nothing: then every OS.
  const osTypes = chosen.length > 0 ? [...chosen] : [...OS_TYPES];
  return { draft, detect: false, blockExecution: { osTypes, allowNotRecommended: false } };
}
