import { useState } from 'preact/hooks';
import type { ActionKind } from '../../lib/blocks/actions';
import { offeredAnswerActions } from '../../lib/blocks/answer-actions';
import type { FirewallAvailability } from '../../lib/blocks/review-actions';
import { displayText } from '../../lib/iocs/display-text';
import { fireFlagger } from '../../lib/iocs/fire-notes';
import type { LookupAnswer } from '../../lib/iocs/lookup-text';
import { type AcrossAnswer, foldedTenants, type TenantAnswer } from '../../lib/lookup/tenant-answers';
import type { FireStatus } from '../../lib/sync/fire-status';
import { toneOf } from '../../lib/ui/tones';
import { FireFlag } from '../fire/FireNotes';
import { PivotLinks } from '../pivots/PivotLinks';
import type { Status } from '../ui/StatusLine';
import { AnswerButtons, AnswerFacts, answeredValue, stateText, ValueNotes } from './LookupAnswers';
import { tenantProgressKey } from './use-answer-actions';

/** What one tenant's sync said that its buttons and block line depend on. */
export interface TenantAbilities {
  firewall: FirewallAvailability;
  blocklistReadable: boolean | null;
  /** Connected, with its settings read: its buttons can send. */
  canAct: boolean;
  /** Its scope's TI settings from its last sync: a value that will not raise a threat there is flagged. */
  fire?: FireStatus | null;
}

interface Props {
  answers: readonly AcrossAnswer[];
  now: number;
  abilitiesOf(profileId: string): TenantAbilities;
  progress: ReadonlyMap<string, Status>;
  onAction(profileId: string, answer: ReturnType<typeof answeredValue>, kind: ActionKind): void;
  onOpen(profileId: string, answer: LookupAnswer): void;
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function tenantStateText(entry: TenantAnswer): string {
  if (entry.state === 'unknown') return capitalised(entry.note ?? 'not known');
  return stateText(entry.answer, entry.blocks);
}

/** One tenant's part of a value's card: its answer, its facts and its own buttons. */
function TenantEntry({
  entry,
  value,
  now,
  abilities,
  progress,
  onAction,
  onOpen,
}: {
  entry: TenantAnswer;
  value: string;
  now: number;
  abilities: TenantAbilities;
  progress: ReadonlyMap<string, Status>;
  onAction: Props['onAction'];
  onOpen: Props['onOpen'];
}) {
  const { tenant, answer, blocks } = entry;
  const name = `${value} in ${tenant.label}`;
  const answered = answeredValue(answer);
  return (
    <li class={`tenant tenant-${entry.state}`} data-colour={tenant.colour}>
      <div class="tenant-head">
        <span class="tenant-label">{displayText(tenant.label)}</span>
        <span class="tenant-state">{tenantStateText(entry)}</span>
      </div>
      <AnswerFacts
        answer={answer}
        blocks={blocks}
        blocklistReadable={abilities.blocklistReadable}
        now={now}
        name={name}
      />
      {answer.state !== 'invalid' && <FireFlag flag={fireFlagger(abilities.fire)(answer)} block />}
      {entry.note && entry.state !== 'unknown' && (
        <p class="answer-detail status-warn">{capitalised(entry.note)}</p>
      )}
      <AnswerButtons
        answer={answer}
        offered={offeredAnswerActions(answered, blocks, abilities.firewall)}
        progressOf={(kind) => progress.get(tenantProgressKey(tenant.id, answer.value, kind))}
        name={name}
        onAction={abilities.canAct ? (kind) => onAction(tenant.id, answered, kind) : undefined}
        onOpen={() => onOpen(tenant.id, answer)}
      />
    </li>
  );
}

type EntryProps = Omit<Parameters<typeof TenantEntry>[0], 'entry' | 'abilities'> & {
  abilitiesOf: Props['abilitiesOf'];
};

/**
 * The tenants lacking a value with nothing else to say, folded (foldedTenants): one line, their rows
 * and buttons drawn only once it is opened, to detect or block the value in one of them.
 */
function FoldedTenants({ folded, ...entry }: EntryProps & { folded: readonly TenantAnswer[] }) {
  const [open, setOpen] = useState(false);
  return (
    <details class="tenants-folded" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>Act in the {folded.length} tenants without it</summary>
      {open && (
        <ul class="tenants" aria-label={`Tenants without ${entry.value}`}>
          {folded.map((t) => (
            <TenantEntry key={t.tenant.id} {...entry} entry={t} abilities={entry.abilitiesOf(t.tenant.id)} />
          ))}
        </ul>
      )}
    </details>
  );
}

/**
 * The answers with several profiles: one card per value saying in which tenants it is and in which
 * not, and under it each tenant's own answer, facts and buttons, in the list's order and colours.
 */
export function TenantAnswers({ answers, now, abilitiesOf, progress, onAction, onOpen }: Props) {
  return (
    <ul class="answers" aria-label="Answers">
      {answers.map((across) => {
        const [headline, ...more] = across.summary;
        const { open, folded } = foldedTenants(across.tenants);
        const entry = { value: across.value, now, abilitiesOf, progress, onAction, onOpen };
        return (
          <li key={`${across.answer.type}|${across.value}`} class={`answer answer-${across.state}`}>
            <div class="answer-head answer-head-wrap">
              <span class="mono answer-value">{displayText(across.value)}</span>
              <strong class="answer-state answer-state-long" data-tone={toneOf('answer', across.state)}>
                {across.state === 'invalid' ? 'Not an IOC' : displayText(headline ?? '')}
              </strong>
            </div>
            {more.map((line) => (
              <p key={line} class="answer-detail answer-summary">
                {displayText(line)}
              </p>
            ))}
            <ValueNotes answer={across.answer} warn={across.tenants.some((t) => t.state !== 'in')} />
            {/* One menu per value, not per tenant: the sites are the same for every tenant's copy of it. */}
            {across.state !== 'invalid' && <PivotLinks value={across.value} type={across.answer.type} />}
            {open.length > 0 && (
              <ul class="tenants" aria-label={`Tenants of ${across.value}`}>
                {open.map((t) => (
                  <TenantEntry key={t.tenant.id} {...entry} entry={t} abilities={abilitiesOf(t.tenant.id)} />
                ))}
              </ul>
            )}
            {folded.length > 0 && <FoldedTenants {...entry} folded={folded} />}
          </li>
        );
      })}
    </ul>
  );
}
