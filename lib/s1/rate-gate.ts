/**
 * The pace of one client's requests to the console (docs/sentinelone-api.md#rate-limits). A console that
 * answers 429 has refused the request without doing it, and asking again at once only earns another
 * 429, so the gate adapts as TCP does: at most `limit` requests in flight; on a 429, halve the limit
 * and hold every new request for the Retry-After, or else a back-off that doubles while the console
 * keeps refusing; after a run of successes, one more request in flight, back to the maximum.
 *
 * Requests already in flight when the first 429 of an episode arrives were sent before anyone knew:
 * their own 429s wait for the same hold but neither halve nor lengthen it again (the `epoch` of their
 * ticket is older). Pure logic: time passes only through the injected sleep.
 */

export interface RateGateOptions {
  /** Requests in flight while the console refuses none. */
  maxInFlight: number;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  /** Told true when the console starts limiting, false once the gate is back to its maximum. */
  onSlowDown?: (slowed: boolean) => void;
}

/** What a request holds while in flight: which episode it was sent in. */
export interface GateTicket {
  readonly epoch: number;
}

export const FIRST_BACKOFF_MS = 2_000;
export const MAX_BACKOFF_MS = 60_000;
/** A Retry-After beyond this is taken as this: a sync should look again within a minute. */
export const MAX_RETRY_AFTER_MS = 60_000;

/**
 * The back-off before asking again: `base` plus up to a tenth more. Jitter only upwards, so a run of
 * back-offs never sums to less than the doubling promises (2 + 4 + … + 32 s outlasts a one-minute window).
 */
export const jittered = (baseMs: number, random: () => number): number =>
  Math.round(baseMs + (random() * baseMs) / 10);

export function createRateGate(options: RateGateOptions) {
  const max = Math.max(1, Math.floor(options.maxInFlight));
  let limit = max;
  let inFlight = 0;
  let epoch = 0;
  let backoffMs = FIRST_BACKOFF_MS;
  let successes = 0;
  let slowed = false;
  /** Every hold's length, added up: the time the gate has made requests wait. */
  let heldMs = 0;
  let hold: Promise<void> | null = null;
  const queue: Array<() => void> = [];

  /** Hands free slots to waiting requests, unless a hold is on. */
  function wake(): void {
    while (!hold && inFlight < limit && queue.length > 0) {
      inFlight++;
      queue.shift()?.();
    }
  }

  function startHold(ms: number): void {
    heldMs += ms;
    const current = options.sleep(ms).then(() => {
      if (hold === current) hold = null;
      wake();
    });
    hold = current;
  }

  function setSlowed(value: boolean): void {
    if (slowed === value) return;
    slowed = value;
    options.onSlowDown?.(value);
  }

  return {
    /** Waits out any hold and for a free slot; the ticket goes back through one of the settle calls. */
    async acquire(): Promise<GateTicket> {
      while (hold) await hold;
      if (inFlight < limit && queue.length === 0) inFlight++;
      else await new Promise<void>((resolve) => queue.push(resolve));
      return { epoch };
    },

    /** The console answered: after a run of successes as long as the limit, one more in flight. */
    succeeded(ticket: GateTicket): void {
      inFlight--;
      if (ticket.epoch === epoch) {
        backoffMs = FIRST_BACKOFF_MS;
        if (limit < max && ++successes >= limit) {
          limit++;
          successes = 0;
        }
        if (limit === max) setSlowed(false);
      }
      wake();
    },

    /** The console refused with 429: the first refusal of an episode halves the limit and holds. */
    refused(ticket: GateTicket, retryAfterMs?: number): void {
      inFlight--;
      if (ticket.epoch === epoch) {
        epoch++;
        limit = Math.max(1, Math.floor(limit / 2));
        successes = 0;
        setSlowed(true);
        if (retryAfterMs !== undefined) startHold(Math.min(retryAfterMs, MAX_RETRY_AFTER_MS));
        else {
          startHold(jittered(backoffMs, options.random));
          backoffMs = Math.min(MAX_BACKOFF_MS, backoffMs * 2);
        }
      }
      wake();
    },

    /** Any other outcome (an error that is not a 429) says nothing about the rate. */
    released(): void {
      inFlight--;
      wake();
    },

    /** The time holds have lasted so far, to cap how long one request waits for the console. */
    heldMs: () => heldMs,
    /** For tests and status: the current limit on requests in flight. */
    limit: () => limit,
  };
}

export type RateGate = ReturnType<typeof createRateGate>;
