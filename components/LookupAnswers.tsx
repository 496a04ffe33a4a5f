import { displayText } from '../lib/iocs/display-text';
import { describeMatch, type LookupAnswer } from '../lib/iocs/lookup-text';
import { WARNING_TEXT } from '../lib/iocs/warnings';

/** Matching IOCs listed per value; an account may hold thousands sharing one value. */
const MATCHES_SHOWN = 5;

/** What happened to a Block pressed on one answer. */
export type BlockState = { kind: 'busy' | 'ok' | 'error'; text: string };

interface Props {
  answers: readonly LookupAnswer[];
  now: number;
  blocks: ReadonlyMap<string, BlockState>;
  /** Absent from the prop: no Block buttons (not connected). */
  onBlock?: (answer: LookupAnswer) => void;
  onOpen(answer: LookupAnswer): void;
}

const STATE_TEXT: Readonly<Record<LookupAnswer['state'], string>> = {
  'in-s1': 'In SentinelOne',
  absent: 'Not in SentinelOne',
  invalid: 'Not an IOC',
};

/** One entry per value looked up: the cache's answer and what can be done about it. */
export function LookupAnswers({ answers, now, blocks, onBlock, onOpen }: Props) {
  return (
    <ul class="answers" aria-label="Answers">
      {answers.map((answer) => {
        const block = blocks.get(answer.value);
        return (
          <li key={`${answer.type}|${answer.value}`} class={`answer answer-${answer.state}`}>
            <div class="answer-head">
              <span class="mono answer-value">{displayText(answer.value)}</span>
              <strong class="answer-state">{STATE_TEXT[answer.state]}</strong>
            </div>
            {answer.state === 'invalid' && <p class="answer-detail">{displayText(answer.reason ?? '')}</p>}
            {answer.matches.slice(0, MATCHES_SHOWN).map((ioc) => (
              <p key={ioc.uuid} class="answer-detail">
                {describeMatch(ioc, now)}
              </p>
            ))}
            {answer.matches.length > MATCHES_SHOWN && (
              <p class="answer-detail">
                and {(answer.matches.length - MATCHES_SHOWN).toLocaleString('en-US')} more IOCs with this
                value: open them in the manager
              </p>
            )}
            {answer.state === 'absent' && answer.warnings.length > 0 && (
              <p class="answer-detail status-warn">
                Warning: {answer.warnings.map((w) => WARNING_TEXT[w]).join('; ')}
              </p>
            )}
            <div class="answer-actions">
              {answer.state === 'absent' && onBlock && block?.kind !== 'ok' && (
                <button
                  type="button"
                  class="primary"
                  aria-label={`Block ${answer.value}`}
                  disabled={block?.kind === 'busy'}
                  onClick={() => onBlock(answer)}
                >
                  Block
                </button>
              )}
              {answer.state !== 'invalid' && (
                <button
                  type="button"
                  aria-label={`Open ${answer.value} in manager`}
                  onClick={() => onOpen(answer)}
                >
                  Open in manager
                </button>
              )}
              {block && (
                <span
                  role="status"
                  aria-label={`Block status of ${answer.value}`}
                  class={`status-${block.kind}`}
                >
                  {block.text}
                </span>
              )}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
