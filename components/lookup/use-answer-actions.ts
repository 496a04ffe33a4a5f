/**
 * The buttons of a look-up answer (Detect, Block execution, Block network): the request from
 * answer-actions.ts, sent through the same worker message as the review, to the profile the answer
 * came from, and what became of it.
 */
import { useState } from 'preact/hooks';
import type { StoredSettings } from '../../config/settings';
import { ACTION_LABELS, type ActionKind } from '../../lib/blocks/actions';
import { type AnsweredValue, answerActionRequest } from '../../lib/blocks/answer-actions';
import { rowReportLines } from '../../lib/blocks/outcome-text';
import { needsAttention } from '../../lib/blocks/row-reports';
import { sendMessage } from '../../lib/messages';
import { errorText } from '../../lib/text/error-text';
import { pageProfileId } from '../page/page-profile';
import type { Status } from '../ui/StatusLine';

export const progressKey = (value: string, kind: ActionKind) => `${value}|${kind}`;
/** The key of one tenant's button for one value, when several profiles answer side by side. */
export const tenantProgressKey = (profileId: string, value: string, kind: ActionKind) =>
  `${profileId}|${value}|${kind}`;

/** Sends one button's request to `profileId`; what to show under the answer afterwards. */
async function sendAction(
  settings: StoredSettings,
  profileId: string,
  answer: AnsweredValue,
  kind: ActionKind,
): Promise<Status> {
  try {
    const request = answerActionRequest(answer, kind, settings, new Date());
    const report = await sendMessage('applyActions', [request], profileId);
    const row = report.rows[0];
    const text = [...rowReportLines(row), ...report.notes].join(' ');
    return { kind: needsAttention(request, row) ? 'error' : 'ok', text };
  } catch (error) {
    return { kind: 'error', text: errorText(error) };
  }
}

/** What happened to each button pressed, by key; buttons of several answers may run side by side. */
function useProgress() {
  const [progress, setProgress] = useState<ReadonlyMap<string, Status>>(new Map());
  const set = (key: string, state: Status) => setProgress((current) => new Map(current).set(key, state));
  return { progress, set };
}

/** The buttons of answers about one profile: the page's (the sheet) unless `profileId` names another. */
export function useAnswerActions(settings: StoredSettings | undefined, profileId = pageProfileId) {
  const { progress, set } = useProgress();
  // Not useAction: each answer's each button has its own line, and they may run side by side.
  async function run(answer: AnsweredValue, kind: ActionKind) {
    if (!settings) return;
    const key = progressKey(answer.value, kind);
    set(key, { kind: 'busy', text: `${ACTION_LABELS[kind]}: sending…` });
    set(key, await sendAction(settings, profileId, answer, kind));
  }
  return { progress, run };
}

/** The buttons of answers from several profiles: each goes to the profile of its tenant. */
export function useTenantActions(settingsOf: (profileId: string) => StoredSettings | undefined) {
  const { progress, set } = useProgress();
  async function run(profileId: string, answer: AnsweredValue, kind: ActionKind) {
    const settings = settingsOf(profileId);
    if (!settings) return;
    const key = tenantProgressKey(profileId, answer.value, kind);
    set(key, { kind: 'busy', text: `${ACTION_LABELS[kind]}: sending…` });
    set(key, await sendAction(settings, profileId, answer, kind));
  }
  return { progress, run };
}
