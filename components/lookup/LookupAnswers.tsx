import type { ComponentChildren } from 'preact';
import { ACTION_LABELS, type ActionKind } from '../../lib/blocks/actions';
import { type AnsweredValue, offeredAnswerActions } from '../../lib/blocks/answer-actions';
import { type BlockState, describeBlockStateAs } from '../../lib/blocks/block-state';
import { detectOnlyReason, type FirewallAvailability } from '../../lib/blocks/review-actions';
import { displayText } from '../../lib/iocs/display-text';
import { fireFlagger } from '../../lib/iocs/fire-notes';
import { describeMatch, type LookupAnswer } from '../../lib/iocs/lookup-text';
import { WARNING_TEXT } from '../../lib/iocs/warnings';
import type { FireStatus } from '../../lib/sync/fire-status';
import { toneOf } from '../../lib/ui/tones';
import { FireFlag } from '../fire/FireNotes';
import { PivotLinks } from '../pivots/PivotLinks';
import { type Status, StatusLine } from '../ui/StatusLine';
import { progressKey } from './use-answer-actions';

const ACTION_KINDS: readonly ActionKind[] = ['detect', 'blockExecution', 'blockNetwork'];
/** Matching IOCs listed per value; an account may hold thousands sharing one value. */
const MATCHES_SHOWN = 5;

interface Props {
  answers: readonly LookupAnswer[];
  now: number;
  /** Each value's Blocklist and network block, from the block cache; absent until read. */
  blockStates: ReadonlyMap<string, BlockState>;
  firewall: FirewallAvailability;
  /** Whether the last sync could read the Blocklist: null before the first. */
  blocklistReadable: boolean | null;
  progress: ReadonlyMap<string, Status>;
  /** Absent from the prop: no action buttons (not connected). */
  onAction?: (answer: AnsweredValue, kind: ActionKind) => void;
  onOpen(answer: LookupAnswer): void;
  /** The scope's TI settings from the last sync: a value that will not raise a threat is flagged. */
  fire?: FireStatus | null;
}

/** "In SentinelOne", "Not in SentinelOne", or "Blocked, not detected" when only the Blocklist or a rule holds it. */
export const stateText = (answer: LookupAnswer, blocks: BlockState | undefined): string => {
  if (answer.state === 'invalid') return 'Not an IOC';
  if (answer.state === 'in-s1') return 'In SentinelOne';
  return blocks && (blocks.execution.length > 0 || blocks.network)
    ? 'Blocked, not detected'
    : 'Not in SentinelOne';
};

export const answeredValue = (answer: LookupAnswer): AnsweredValue => ({
  value: answer.value,
  type: answer.type,
  detected: answer.state === 'in-s1',
});

/** Why an answer's value cannot be an IOC, be blocked, or why sending it deserves a second look. */
export function ValueNotes({ answer, warn }: { answer: LookupAnswer; warn: boolean }) {
  const onlyDetect = answer.state === 'invalid' ? null : detectOnlyReason(answer.type);
  return (
    <>
      {answer.state === 'invalid' && <p class="answer-detail">{displayText(answer.reason ?? '')}</p>}
      {warn && answer.warnings.length > 0 && (
        <p class="answer-detail status-warn">
          Warning: {answer.warnings.map((w) => WARNING_TEXT[w]).join('; ')}
        </p>
      )}
      {onlyDetect && <p class="answer-detail">{onlyDetect}</p>}
    </>
  );
}

interface FactsProps {
  answer: LookupAnswer;
  blocks: BlockState | undefined;
  blocklistReadable: boolean | null;
  now: number;
  /** How the live regions name the answer: the value, or the value in a tenant. */
  name: string;
}

/** What the console does with the value, and the cached IOCs that hold it. */
export function AnswerFacts({ answer, blocks, blocklistReadable, now, name }: FactsProps) {
  return (
    <>
      {blocks && answer.state !== 'invalid' && (
        // Named, as the detail dialog's block state is, and live: a sync after a block rewrites it.
        <p class="answer-detail answer-blocks" role="status" aria-label={`Block state of ${name}`}>
          {describeBlockStateAs(answer.state === 'in-s1', blocks, blocklistReadable)}
        </p>
      )}
      {answer.matches.slice(0, MATCHES_SHOWN).map((ioc) => (
        <p key={ioc.uuid} class="answer-detail">
          {describeMatch(ioc, now)}
        </p>
      ))}
      {answer.matches.length > MATCHES_SHOWN && (
        <p class="answer-detail">
          and {(answer.matches.length - MATCHES_SHOWN).toLocaleString('en-US')} more IOCs with this value:
          open them in the manager
        </p>
      )}
    </>
  );
}

interface ButtonsProps {
  answer: LookupAnswer;
  offered: readonly ActionKind[];
  /** What became of each button pressed (undefined: not pressed). */
  progressOf(kind: ActionKind): Status | undefined;
  name: string;
  onAction?: (kind: ActionKind) => void;
  onOpen(): void;
  /** Shown at the end of the buttons' line (the "Open in…" links), so an answer stays one line shorter. */
  more?: ComponentChildren;
}

/** The answer's buttons, and a line per button pressed saying what happened. */
export function AnswerButtons({ answer, offered, progressOf, name, onAction, onOpen, more }: ButtonsProps) {
  return (
    <>
      <div class="answer-actions">
        {onAction &&
          offered.map((kind) => {
            const state = progressOf(kind);
            return state?.kind === 'ok' ? null : (
              <button
                key={kind}
                type="button"
                class={kind === 'detect' ? 'primary' : undefined}
                aria-label={`${ACTION_LABELS[kind]} ${name}`}
                disabled={state?.kind === 'busy'}
                onClick={() => onAction(kind)}
              >
                {ACTION_LABELS[kind]}
              </button>
            );
          })}
        {answer.state !== 'invalid' && (
          <button type="button" aria-label={`Open in manager ${name}`} onClick={onOpen}>
            Open in manager
          </button>
        )}
        {more}
      </div>
      {ACTION_KINDS.map((kind) => {
        // Kept after the action is in place and no longer offered: the analyst reads what happened.
        const state = progressOf(kind);
        return (
          state && (
            <StatusLine
              key={kind}
              label={`${ACTION_LABELS[kind]} status of ${name}`}
              status={{ ...state, text: displayText(state.text) }}
              class="answer-detail"
            />
          )
        );
      })}
    </>
  );
}

/** One entry per value looked up: the cache's answer, what the console does with it, and what can be done. */
export function LookupAnswers({
  answers,
  now,
  blockStates,
  firewall,
  blocklistReadable,
  progress,
  onAction,
  onOpen,
  fire,
}: Props) {
  const flagOf = fireFlagger(fire);
  return (
    <ul class="answers" aria-label="Answers">
      {answers.map((answer) => {
        const blocks = blockStates.get(answer.value);
        const answered = answeredValue(answer);
        const offered = answer.state === 'invalid' ? [] : offeredAnswerActions(answered, blocks, firewall);
        return (
          <li key={`${answer.type}|${answer.value}`} class={`answer answer-${answer.state}`}>
            <div class="answer-head">
              <span class="mono answer-value">{displayText(answer.value)}</span>
              <strong class="answer-state" data-tone={toneOf('answer', answer.state)}>
                {stateText(answer, blocks)}
              </strong>
            </div>
            <AnswerFacts
              answer={answer}
              blocks={blocks}
              blocklistReadable={blocklistReadable}
              now={now}
              name={answer.value}
            />
            {answer.state !== 'invalid' && <FireFlag flag={flagOf(answer)} block />}
            {/* After the facts: an invalid value has none, so its reason comes straight under the head. */}
            <ValueNotes answer={answer} warn={answer.state === 'absent'} />
            <AnswerButtons
              answer={answer}
              offered={offered}
              progressOf={(kind) => progress.get(progressKey(answer.value, kind))}
              name={answer.value}
              onAction={onAction && ((kind) => onAction(answered, kind))}
              onOpen={() => onOpen(answer)}
              more={answer.state !== 'invalid' && <PivotLinks value={answer.value} type={answer.type} />}
            />
          </li>
        );
      })}
    </ul>
  );
}
