/**
 * A full sync against a console that limits each token to 5 IOC requests a second, in real time (the
 * simulator's limit is a wall-clock window, so the client's holds must be real sleeps too): it slows
 * down and completes, never fails, and does not keep knocking once refused.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../config/settings';
import { createSimulator } from '../../simulator';
import type { LoggedRequest } from '../../simulator/request-log';
import { cacheAndServer, createSyncHarness } from './harness';

const IOCS = 3000;
const LIMIT = { requests: 5, windowMs: 1000, pathPrefix: '/web/api/v2.1/threat-intelligence' };

const sim = createSimulator({ iocs: IOCS });
let origin = '';
let close: () => Promise<void>;
beforeAll(async () => {
  const server = await sim.listen();
  origin = server.url;
  close = server.close;
});
afterAll(() => close());
beforeEach(() => sim.reset());

/** An engine wired as the worker wires it, with seven cursors of 250 and real-time holds. */
const harnessOf = () =>
  createSyncHarness(
    sim,
    origin,
    { sync: { ...DEFAULT_SETTINGS.sync, pageSize: 250, maxParallelRequests: 7 } },
    { realTime: true },
  );

/** The most requests of `list` that arrived within any `windowMs`. */
function busiestWindow(list: LoggedRequest[], windowMs: number): number {
  const times = list.map((r) => r.wallMs ?? 0).sort((a, b) => a - b);
  let most = 0;
  let start = 0;
  for (let end = 0; end < times.length; end++) {
    while ((times[end] as number) - (times[start] as number) >= windowMs) start++;
    most = Math.max(most, end - start + 1);
  }
  return most;
}

describe('a full sync against a rate-limited console', () => {
  it.each([
    ['without Retry-After', false],
    ['with Retry-After', true],
  ])(
    '%s: slows down and brings every IOC, with no burst after the first 429',
    async (_, retryAfter) => {
      sim.configure({ rateLimit: { ...LIMIT, retryAfter } });
      const { repo, engine, status, statuses } = harnessOf();

      const outcome = await engine.sync('install');

      expect(outcome).toEqual({ result: 'full', count: IOCS });
      expect(status().lastError).toBeNull();
      // The analyst was told why the sync went slower, and the status ends without it.
      expect(statuses.some((shown) => shown.running?.slowedByConsole)).toBe(true);
      expect(status().running).toBeNull();
      const { cache, server } = await cacheAndServer(sim, repo);
      expect(cache).toEqual(server);

      const limited = sim.requests().filter((r) => r.path.startsWith(LIMIT.pathPrefix));
      const accepted = limited.filter((r) => r.status === 200);
      const refused = limited.filter((r) => r.status === 429);
      // The limit was reached: this is a test of slowing down, not of a console that never refused.
      expect(refused.length).toBeGreaterThan(0);
      const firstRefusal = Math.min(...refused.map((r) => r.wallMs ?? 0));
      const after = limited.filter((r) => (r.wallMs ?? 0) >= firstRefusal);
      expect(
        busiestWindow(
          after.filter((r) => r.status === 200),
          LIMIT.windowMs,
        ),
      ).toBeLessThanOrEqual(5);
      // Refused requests come at most a gate's worth at a time (the seven cursors' first), never a storm.
      expect(busiestWindow(refused, LIMIT.windowMs)).toBeLessThanOrEqual(7);
      expect(refused.length).toBeLessThan(accepted.length);
    },
    30_000,
  );
});
