import { useState } from 'preact/hooks';
import { errorText } from '../../lib/text/error-text';
import { IDLE, type Status } from './StatusLine';

/** One thing a detail dialog copies: the button's words, what the status line calls it, the text. */
export interface Copyable {
  button: string;
  what: string;
  text: string;
}

/**
 * Copies to the clipboard and says so, or why not (a page without focus or permission is refused):
 * the status goes to the dialog's "Copy status" line.
 */
export function useCopy() {
  const [status, setStatus] = useState<Status>(IDLE);
  const copy = async ({ what, text }: Copyable) => {
    try {
      await navigator.clipboard.writeText(text);
      setStatus({ kind: 'ok', text: `${what} copied.` });
    } catch (error) {
      setStatus({ kind: 'error', text: `Could not copy: ${errorText(error)}` });
    }
  };
  return { status, copy };
}
