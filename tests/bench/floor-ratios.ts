/**
 * The arithmetic of targets set against a floor measured in the same run: each run's figure divided
 * by (or less) that run's floor, so that a slower or busier machine moves both sides together.
 */

/** Each run's figure ÷ the same run's floor. */
export function perRunRatios(figures: readonly number[], floors: readonly number[]): number[] {
  if (figures.length !== floors.length)
    throw new Error(`${figures.length} figures for ${floors.length} floors: each run needs both`);
  return figures.map((figure, run) => figure / (floors[run] as number));
}

/** Each run's figure less the same run's floor: what the code adds to what the platform takes. */
export function perRunExcess(figures: readonly number[], floors: readonly number[]): number[] {
  if (figures.length !== floors.length)
    throw new Error(`${figures.length} figures for ${floors.length} floors: each run needs both`);
  return figures.map((figure, run) => figure - (floors[run] as number));
}

/**
 * The requests of a full sync (lib/sync/full-sync.ts): the newest IOC asked first, then one cursor
 * per type walked to its end, a type's last page being the one the console gives no next cursor for
 * (an empty type still answers one empty page).
 */
export function fullSyncRequests(countsByType: readonly number[], pageSize: number): number {
  return 1 + countsByType.reduce((sum, count) => sum + Math.max(1, Math.ceil(count / pageSize)), 0);
}

export interface RateLimit {
  requests: number;
  windowMs: number;
}

/**
 * The soonest `requests` can all have been sent through a console that accepts at most
 * `limit.requests` in any `limit.windowMs`: request k + limit.requests goes a window after request k,
 * so the last one leaves ⌊(n − 1) ÷ limit⌋ windows after the first. 0 when the limit never binds.
 */
export function rateLimitFloorMs(requests: number, limit: RateLimit): number {
  if (requests <= 0) return 0;
  return Math.floor((requests - 1) / limit.requests) * limit.windowMs;
}
