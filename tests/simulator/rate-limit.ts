/**
 * The per-token request limit of the `rateLimit` knob (docs/sentinelone-api.md#rate-limits): a sliding
 * window per Authorization header over the paths under `pathPrefix`. Measured in real time, not the sim
 * clock, which may stand still while a sync runs. A refused request takes no slot, so a client that
 * waits is never punished for having asked.
 */
import type { Knobs } from './config';
import { type Reply, tooManyRequests } from './errors';

export type RateLimit = NonNullable<Knobs['rateLimit']>;

export interface RateLimiter {
  /** null: the request may go on (and took a slot); else the 429 to answer with. */
  admit(limit: RateLimit | null, path: string, authorization: string): Reply | null;
}

export function createRateLimiter(now: () => number = Date.now): RateLimiter {
  // Accepted request times per token, oldest first.
  const accepted = new Map<string, number[]>();
  return {
    admit(limit, path, authorization) {
      if (!limit || !path.startsWith(limit.pathPrefix)) return null;
      const at = now();
      const times = (accepted.get(authorization) ?? []).filter((t) => at - t < limit.windowMs);
      accepted.set(authorization, times);
      if (times.length < limit.requests) {
        times.push(at);
        return null;
      }
      // The oldest accepted request leaves the window first; a slot is free once it has.
      const waitMs = (times[0] ?? at) + limit.windowMs - at;
      return tooManyRequests(limit.retryAfter ? Math.ceil(waitMs / 1000) : undefined);
    },
  };
}

const limiters = new WeakMap<object, RateLimiter>();

/** The limiter of one simulator state: a reset builds a new state, so it starts with empty windows. */
export function rateLimiterOf(state: object): RateLimiter {
  let limiter = limiters.get(state);
  if (!limiter) {
    limiter = createRateLimiter();
    limiters.set(state, limiter);
  }
  return limiter;
}
