import { type ActionStatus, toneOf } from '../../lib/ui/tones';

export interface Status {
  kind: ActionStatus;
  text: string;
}

export const IDLE: Status = { kind: 'idle', text: '' };

interface Props {
  /** Names the live region, so a screen reader (and a test) can tell one view's status from another's. */
  label: string;
  status: Status;
  class?: string;
}

/**
 * What a view says after the analyst acted: busy, done, a warning or an error, in its tone. Always
 * rendered (empty when idle) because a live region only announces changes to an element that was
 * already in the page.
 */
export function StatusLine({ label, status, class: className }: Props) {
  const classes = [`status-${status.kind}`, className].filter(Boolean).join(' ');
  return (
    <p role="status" aria-label={label} class={classes} data-tone={toneOf('status', status.kind)}>
      {status.text}
    </p>
  );
}
