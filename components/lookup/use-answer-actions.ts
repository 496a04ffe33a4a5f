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
import { errorText } from '../../lib/text/error-text';
import { sendAboutPage } from '../page/page-profile';
import type { Status } from '../ui/StatusLine';

export const progressKey = (value: string, kind: ActionKind) => `${value}|${kind}`;

export function useAnswerActions(settings: StoredSettings | undefined) {
  // What happened to each button pressed on each answer.
  const [progress, setProgress] = useState<ReadonlyMap<string, Status>>(new Map());
  const set = (key: string, state: Status) => setProgress((current) => new Map(current).set(key, state));

  // Not useAction: each answer's each button has its own line, and they may run side by side.
  async function run(answer: AnsweredValue, kind: ActionKind) {
    if (!settings) return;
    const key = progressKey(answer.value, kind);
    set(key, { kind: 'busy', text: `${ACTION_LABELS[kind]}: sending…` });
    try {
      const request = answerActionRequest(answer, kind, settings, new Date());
      const report = await sendAboutPage('applyActions', [request]);
      const row = report.rows[0];
      const text = [...rowReportLines(row), ...report.notes].join(' ');
      set(key, { kind: needsAttention(request, row) ? 'error' : 'ok', text });
    } catch (error) {
      set(key, { kind: 'error', text: errorText(error) });
    }
  }
  return { progress, run };
}
