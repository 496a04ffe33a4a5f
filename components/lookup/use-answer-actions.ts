/**
 * The buttons of a look-up answer (Detect, Block execution, Block network): the request from
 * answer-actions.ts, sent through the same worker message as the review, and what became of it.
 */
import { useState } from 'preact/hooks';
import type { StoredSettings } from '../../config/settings';
import { ACTION_LABELS, type ActionKind } from '../../lib/blocks/actions';
import { type AnsweredValue, answerActionRequest } from '../../lib/blocks/answer-actions';
import { rowReportLines } from '../../lib/blocks/outcome-text';
import { needsAttention } from '../../lib/blocks/row-reports';
import { sendMessage } from '../../lib/messages';
import { errorText } from '../../lib/text/error-text';

/** What happened to one button pressed on one answer. */
export type ActionProgress = { kind: 'busy' | 'ok' | 'error'; text: string };

export const progressKey = (value: string, kind: ActionKind) => `${value}|${kind}`;

export function useAnswerActions(settings: StoredSettings | undefined) {
  const [progress, setProgress] = useState<ReadonlyMap<string, ActionProgress>>(new Map());
  const set = (key: string, state: ActionProgress) =>
    setProgress((current) => new Map(current).set(key, state));

  async function run(answer: AnsweredValue, kind: ActionKind) {
    if (!settings) return;
    const key = progressKey(answer.value, kind);
    set(key, { kind: 'busy', text: `${ACTION_LABELS[kind]}: sending…` });
    try {
      const request = answerActionRequest(answer, kind, settings, new Date());
      const report = await sendMessage('applyActions', [request]);
      const row = report.rows[0];
      const text = [...rowReportLines(row), ...report.notes].join(' ');
      set(key, { kind: needsAttention(request, row) ? 'error' : 'ok', text });
    } catch (error) {
      set(key, { kind: 'error', text: errorText(error) });
    }
  }
  return { progress, run };
}
