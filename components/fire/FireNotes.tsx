/**
 * "Will it fire?" on the pages (lib/iocs/fire-notes.ts): the line for a scope whose TI threats are
 * off, and the flag on a value that will not raise a threat. Small on purpose: each page renders one
 * of them in one line.
 */
import { useId } from 'preact/hooks';
import { type FireFlag as Flag, fireNotice } from '../../lib/iocs/fire-notes';
import { type FireQuestion, willItFire } from '../../lib/iocs/will-it-fire';
import type { FireStatus } from '../../lib/sync/fire-status';

interface NoteProps {
  fire: FireStatus | null;
  /** Where an IOC is written: an unknown answer gets a quiet hint there, and nowhere else. */
  writes?: boolean;
  /** The page's own class for a warning line (the manager's header has its own). */
  class?: string;
}

/** The scope's line: a warning when TI threats are off; nothing, or a quiet hint, when unknown. */
export function FireNote({ fire, writes = false, class: className = 'status-warn' }: NoteProps) {
  const notice = fireNotice(fire);
  if (!notice) return null;
  if (notice.kind === 'unknown') return writes ? <p class="hint">{notice.text}</p> : null;
  return <FireLine text={notice.text} class={className} />;
}

/** A warning line of "will it fire?" words, said once for the page. */
export function FireLine({ text, class: className = 'status-warn' }: { text: string; class?: string }) {
  return (
    <p role="note" aria-label="Will it fire?" class={className} data-tone="warn">
      {text}
    </p>
  );
}

/** A value's flag: the short words on the row, the analyst's sentence as its description. */
export function FireFlag({
  flag,
  block = false,
  mark = false,
}: {
  flag: Flag | null;
  /** A paragraph of its own (an answer's detail) rather than words in a line. */
  block?: boolean;
  /** The shortest words, for a table cell. */
  mark?: boolean;
}) {
  const id = useId();
  if (!flag) return null;
  const Tag = block ? 'p' : 'span';
  // The description beside the flag, not in it: the flag's text stays its short words.
  return (
    <>
      <Tag
        role="note"
        class={block ? 'fire-flag answer-detail' : mark ? 'fire-flag fire-mark' : 'fire-flag'}
        data-tone="warn"
        data-fire={flag.why}
        title={flag.description}
        aria-describedby={id}
      >
        {mark ? flag.mark : flag.label}
      </Tag>
      <span id={id} hidden>
        {flag.description}
      </span>
    </>
  );
}

/** One IOC's answer in words (willItFire): in the warn tone when it will not raise a threat. */
export function FireSentence({
  fire,
  ioc,
}: {
  fire: FireStatus | null;
  ioc: FireQuestion & { originalRiskScore?: number | null };
}) {
  const answer = willItFire(fire, {
    value: ioc.value,
    type: ioc.type,
    score: ioc.originalRiskScore ?? ioc.score,
  });
  return (
    <p
      role="note"
      aria-label="Will it fire?"
      class={answer.fires === false ? 'fire-sentence status-warn' : 'fire-sentence hint'}
      data-tone={answer.fires === false ? 'warn' : undefined}
    >
      {answer.message}
    </p>
  );
}
