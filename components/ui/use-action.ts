import { useCallback, useRef, useState } from 'preact/hooks';
import { errorText } from '../../lib/text/error-text';
import { IDLE, type Status } from './StatusLine';

export interface Action<A extends unknown[]> {
  status: Status;
  busy: boolean;
  /** Runs `work` unless a run is under way; what it returns (a word of success or a full Status) becomes the status. */
  run(...args: A): Promise<void>;
  /** Sets the status directly: a validation message before anything is sent, say. */
  setStatus(status: Status): void;
}

/**
 * Busy while the work runs, then ok (or what the work says), or the error's text: the one shape
 * every button that talks to the worker or the console follows. A second press while busy is
 * ignored rather than queued, so one click never becomes two writes.
 */
export function useAction<A extends unknown[]>(
  /** What the status says while busy; a function of the arguments when it names what is sent. */
  busyText: string | ((...args: A) => string),
  work: (...args: A) => Promise<string | Status | undefined>,
): Action<A> {
  const [status, setStatus] = useState<Status>(IDLE);
  const running = useRef(false);
  const workRef = useRef(work);
  workRef.current = work;
  const busyRef = useRef(busyText);
  busyRef.current = busyText;
  const run = useCallback(async (...args: A) => {
    if (running.current) return;
    running.current = true;
    const busy = busyRef.current;
    setStatus({ kind: 'busy', text: typeof busy === 'function' ? busy(...args) : busy });
    try {
      const result = await workRef.current(...args);
      setStatus(typeof result === 'object' ? result : result ? { kind: 'ok', text: result } : IDLE);
    } catch (error) {
      setStatus({ kind: 'error', text: errorText(error) });
    } finally {
      running.current = false;
    }
  }, []);
  return { status, busy: status.kind === 'busy', run, setStatus };
}
