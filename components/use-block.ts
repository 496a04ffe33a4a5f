/** "Block" on a looked-up value: the defaults from settings, sent through the same submit path as the form. */
import { useState } from 'preact/hooks';
import type { Settings } from '../config/settings';
import { defaultFields, draftSettings, toDrafts } from '../lib/iocs/drafts';
import type { LookupAnswer } from '../lib/iocs/lookup';
import { sendMessage } from '../lib/messages';
import type { BlockState } from './LookupAnswers';

export function useBlock(settings: Settings | undefined) {
  const [blocks, setBlocks] = useState<ReadonlyMap<string, BlockState>>(new Map());
  const set = (value: string, state: BlockState) =>
    setBlocks((current) => new Map(current).set(value, state));

  async function block(answer: LookupAnswer) {
    if (!settings) return;
    set(answer.value, { kind: 'busy', text: 'Blocking…' });
    const drafts = toDrafts([answer], defaultFields(settings), draftSettings(settings), new Date());
    try {
      const report = await sendMessage('submitIocs', drafts);
      const outcome = report.outcomes[0];
      set(
        answer.value,
        outcome?.status === 'stored'
          ? { kind: 'ok', text: 'Blocked: sent to SentinelOne.' }
          : {
              kind: 'error',
              text:
                report.stoppedBecause ?? (outcome && 'message' in outcome ? outcome.message : 'Not stored.'),
            },
      );
    } catch (error) {
      set(answer.value, { kind: 'error', text: error instanceof Error ? error.message : String(error) });
    }
  }
  return { blocks, block };
}
