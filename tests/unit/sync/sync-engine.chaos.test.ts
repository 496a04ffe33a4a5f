/**
 * The chaos sync, fast part (the long run is `npm run test:chaos`): full and incremental syncs
 * against a console that fails 18% of requests, with other users changing IOCs between syncs. A
 * sync that completes leaves the cache exactly equal to the console; one that fails leaves the last
 * complete cache as it was. Back-off takes no wall time here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../config/settings';
import { createSimulator } from '../../simulator';
import { describeDiff, diffCache } from '../../support/cache-diff';
import { injectChaos } from '../../support/chaos-faults';
import { changeOnConsole } from '../../support/console-changes';
import { cacheAndServer, createSyncHarness } from './harness';

const ROUNDS = 6;
const sim = createSimulator({ iocs: 2000, seed: 8 });
let origin = '';
let close: () => Promise<void>;
beforeAll(async () => {
  const server = await sim.listen();
  origin = server.url;
  close = server.close;
});
afterAll(() => close());

describe('syncs under chaos', () => {
  it(`${ROUNDS} rounds of console changes, an incremental and a full sync each: the cache ends equal to the console`, async () => {
    // Pages of 100, so that every sync makes enough requests to meet every kind of fault.
    const harness = createSyncHarness(sim, origin, { sync: { ...DEFAULT_SETTINGS.sync, pageSize: 100 } });
    expect((await harness.engine.sync('install')).result).toBe('full');
    injectChaos(sim, { latencyMs: 0, jitterMs: 5 });
    const outcomes: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      await changeOnConsole(sim, origin, { created: 20, updated: 20, deleted: round % 2, round });
      for (const full of [false, true]) {
        const before = await harness.repo.all();
        const outcome = await harness.engine.sync('manual', { full });
        outcomes.push(outcome.result);
        const { cache, server } = await cacheAndServer(sim, harness.repo);
        // A failed full sync changes nothing the pages read.
        const when = `round ${round}, ${full ? 'full' : 'incremental'} sync: ${outcome.result} ${outcome.error?.message ?? ''}`;
        if (outcome.result === 'failed' && full)
          expect(describeDiff(diffCache(cache, before)), when).toBe('0 missing, 0 extra, 0 stale');
        if (outcome.result !== 'failed')
          expect(describeDiff(diffCache(cache, server)), when).toBe('0 missing, 0 extra, 0 stale');
      }
    }
    const faults = sim.requests().filter((r) => r.fault).length;
    process.stdout.write(
      `[chaos, unit] ${outcomes.length} syncs (${outcomes.filter((o) => o === 'failed').length} failed and left the cache as it was), ${sim.requests().length} requests, ${faults} faults injected\n`,
    );
    expect(faults).toBeGreaterThan(0);
    expect(outcomes.filter((o) => o !== 'failed').length).toBeGreaterThan(ROUNDS);
  }, 60_000);
});
