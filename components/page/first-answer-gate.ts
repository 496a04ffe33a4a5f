/**
 * When a page that answers a look-up lets its deferred work (code it may use later, settings, the
 * worker's wake-up) start: once the first answer is painted, or after a quiet moment if nothing is
 * being looked up. Started earlier, that work loads modules and reads storage and IndexedDB beside
 * the first look-up, and the answer the analyst waits for queues behind it.
 *
 * The decision is a pure step (gateStep) over what the page reports, so it is tested without a page
 * or a clock; createGate() drives it with the page's timers.
 */

/** What the page reports, and the two moments the gate's timers mark. */
export type GateEvent =
  /** The look-up box holds values: an answer is on its way. */
  | 'typed'
  /** The box was emptied: nothing is being looked up. */
  | 'cleared'
  /** An answer (or the look-up's error) is on screen. */
  | 'answered'
  /** The quiet moment has passed: deferred work waits no longer for a look-up not yet typed. */
  | 'quiet'
  /** The longest wait: deferred work never waits for good, even for an answer that never comes. */
  | 'cap';

export interface GateState {
  open: boolean;
  /** A look-up is under way and has not answered yet. */
  pending: boolean;
  /** The quiet moment has passed. */
  quiet: boolean;
}

export const CLOSED_GATE: GateState = { open: false, pending: false, quiet: false };

export function gateStep(state: GateState, event: GateEvent): GateState {
  if (state.open) return state;
  switch (event) {
    case 'typed':
      return { ...state, pending: true };
    case 'cleared':
      return { ...state, pending: false, open: state.quiet };
    case 'answered':
      return { ...state, pending: false, open: true };
    case 'quiet':
      return { ...state, quiet: true, open: !state.pending };
    case 'cap':
      return { ...state, open: true };
  }
}

export interface Gate {
  /** Reports what the page did ('typed', 'cleared', 'answered'). */
  report(event: 'typed' | 'cleared' | 'answered'): void;
  /** Resolves when the gate opens (at once if it is open). */
  readonly opened: Promise<void>;
}

/**
 * A gate whose quiet moment and cap start now. ~300 ms is about when a popup opened to paste a value
 * has its value typed; the cap is several times a slow first answer on a loaded machine.
 */
export function createGate(quietMs = 300, capMs = 2000): Gate {
  let state = CLOSED_GATE;
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  const timers: ReturnType<typeof setTimeout>[] = [];
  const step = (event: GateEvent) => {
    state = gateStep(state, event);
    if (!state.open) return;
    for (const timer of timers) clearTimeout(timer);
    open();
  };
  timers.push(
    setTimeout(() => step('quiet'), quietMs),
    setTimeout(() => step('cap'), capMs),
  );
  return { report: step, opened };
}
