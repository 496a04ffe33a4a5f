/**
 * The chaos mix of the reliability tests: of all API requests, 10% get a 429 with Retry-After, 5% a 500, 2% a
 * reset connection and 1% malformed JSON, with latency jitter on every request.
 */
import type { LoggedRequest, Simulator } from '../simulator';

export const CHAOS_RATES = { 'status 429': 0.1, 'status 500': 0.05, reset: 0.02, malformed: 0.01 } as const;

/**
 * The simulator applies the first matching rule, so each rule's probability is its share of the
 * requests the rules before it let through: rate / (1 - the rates before it).
 */
export function chaosProbabilities(rates: readonly number[]): number[] {
  let left = 1;
  return rates.map((rate) => {
    const probability = rate / left;
    left -= rate;
    return probability;
  });
}

export function injectChaos(sim: Simulator, latency: { latencyMs: number; jitterMs: number }): void {
  const [p429, p500, pReset, pMalformed] = chaosProbabilities(Object.values(CHAOS_RATES));
  sim.faults.add({ kind: 'status', status: 429, retryAfter: 1, probability: p429 });
  sim.faults.add({ kind: 'status', status: 500, probability: p500 });
  sim.faults.add({ kind: 'reset', probability: pReset });
  sim.faults.add({ kind: 'malformed', probability: pMalformed });
  sim.configure(latency);
}

/** Requests, and how many got each injected fault. */
export function faultFigures(requests: readonly LoggedRequest[]): string {
  const counts = new Map<string, number>();
  for (const request of requests)
    if (request.fault) counts.set(request.fault, (counts.get(request.fault) ?? 0) + 1);
  const parts = [...counts].sort().map(([fault, n]) => `${n} ${fault}`);
  return `${requests.length} requests, ${parts.join(', ') || 'no faults'}`;
}
