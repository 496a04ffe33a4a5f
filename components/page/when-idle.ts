/**
 * Runs `work` when the page is next idle (at the latest after `timeoutMs`); returns a cancel.
 *
 * What a page needs only later (code it may use, a wake-up call to the worker) waits for idle time,
 * so that it does not compete with what the analyst is waiting for: a value typed the moment the
 * popup opens waits behind every task queued on its main thread or in IndexedDB.
 */
export function whenIdle(work: () => void, timeoutMs = 500): () => void {
  const handle = requestIdleCallback(work, { timeout: timeoutMs });
  return () => cancelIdleCallback(handle);
}
