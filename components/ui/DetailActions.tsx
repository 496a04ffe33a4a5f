import type { ComponentChildren } from 'preact';
import { StatusLine } from './StatusLine';
import { type Copyable, useCopy } from './use-copy';

interface Props {
  /** What the copy buttons put on the clipboard, first in the row. */
  copies: readonly Copyable[];
  /** The dialog's own actions, between the copies and Close. */
  children: ComponentChildren;
  close(): void;
}

/** A detail dialog's row of buttons (copies, its own actions, Close) and the line saying what was copied. */
export function DetailActions({ copies, children, close }: Props) {
  const { status, copy } = useCopy();
  return (
    <>
      <div class="actions">
        {copies.map((item) => (
          <button key={item.button} type="button" onClick={() => void copy(item)}>
            {item.button}
          </button>
        ))}
        {children}
        <button type="button" onClick={close}>
          Close
        </button>
      </div>
      <StatusLine label="Copy status" status={status} />
    </>
  );
}
