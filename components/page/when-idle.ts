/**
 * Runs `work` when the page is next idle (at the latest after `timeoutMs`); returns a cancel.
 *
 * What a page needs only later (code it may use, a wake-up call to the worker) waits for idle time,
 * so that it does not compete with what the analyst is waiting for: a value typed the moment the
 * popup opens waits behind every task queued on its main thread or in IndexedDB.
 *
 * Idle time alone is not enough where the first thing shown is an answer read from IndexedDB: the
 * page is "idle" while that read is pending, and work started then sits in front of the answer. Such
 * a page holds its idle work until `holdIdleWork`'s promise resolves (first-answer-gate.ts).
 */
let held: Promise<void> | null = null;

/** From now on, idle work waits for `until` before it waits for idle time. */
export function holdIdleWork(until: Promise<void>): void {
  held = until;
}

export function whenIdle(work: () => void, timeoutMs = 500): () => void {
  let cancelled = false;
  let handle: number | undefined;
  const start = () => {
    if (!cancelled) handle = requestIdleCallback(work, { timeout: timeoutMs });
  };
  if (held) void held.then(start);
  else start();
  return () => {
    cancelled = true;
    if (handle !== undefined) cancelIdleCallback(handle);
  };
}
