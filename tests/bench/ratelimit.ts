/**
 * A console that answers at most `limit.requests` Threat Intelligence requests in any `limit.windowMs`
 * and 429 beyond it, without Retry-After (the simulator's `rateLimit` knob): the full sync is set
 * against the limit's own floor, the soonest its requests can pass (floor-ratios.ts), and every request
 * the console saw is kept with its arrival time and status, so that the client's pace after the
 * first 429 can be checked (rate-windows.ts). The simulator's request log stamps its own clock, which
 * stands still in the bench, so the requests are timed here, as they reach the server.
 */
import { IOC_TYPES } from '../../config/ioc-types';
import { createSimulator } from '../simulator';
import { serve } from '../simulator/server';
import { fullSyncRequests, type RateLimit, rateLimitFloorMs } from './floor-ratios';
import { shippedSyncSettings } from './floors';
import { checkWindows, type SeenRequest, type WindowCheck } from './rate-windows';
import { type Console, connect, launchBrowser, waitForCompleteSync } from './session';

export const TI_PREFIX = '/web/api/v2.1/threat-intelligence';

interface RecordedConsole extends Console {
  /** The Threat Intelligence requests that arrived at or after `since` (epoch ms). */
  seen(since: number): SeenRequest[];
}

async function startRecordedConsole(iocs: number): Promise<RecordedConsole> {
  const sim = createSimulator({
    iocs,
    includeFixtureIocs: false,
    logBodies: false,
    now: new Date().toISOString(),
  });
  const seen: Array<SeenRequest & { path: string }> = [];
  const server = await serve(
    (req, res) => {
      const entry = { at: Date.now(), path: req.url ?? '', status: null as number | null };
      seen.push(entry);
      // A reset socket never finishes: its status stays null, neither accepted nor refused.
      res.on('finish', () => {
        entry.status = res.statusCode;
      });
      sim.handler(req, res);
    },
    { https: true },
  );
  return {
    sim,
    port: server.port,
    close: () => server.close(),
    seen: (since) => seen.filter((r) => r.at >= since && r.path.startsWith(TI_PREFIX)),
  };
}

export interface RateLimitRun {
  /** ms from Save to the sync complete; null when it failed or did not end. */
  syncMs: number | null;
  failure: string | null;
  windows: WindowCheck;
}

export interface RateLimitSamples {
  /** The requests a full sync of the console's IOCs needs, and the soonest the limit lets them pass. */
  requests: number;
  floorMs: number;
  runs: RateLimitRun[];
}

/**
 * `runs` full syncs of `iocs` IOCs from Save, each in a fresh browser profile, through a console
 * limited to `limit`. Each run starts a window after the previous one's last request, so that it
 * meets an unspent limit as an analyst's first sync would.
 */
export async function measureRateLimited(
  iocs: number,
  limit: RateLimit,
  runs: number,
): Promise<RateLimitSamples> {
  const console = await startRecordedConsole(iocs);
  try {
    console.sim.configure({ rateLimit: { ...limit, pathPrefix: TI_PREFIX, retryAfter: false } });
    const held = console.sim.iocs(console.sim.defaultAccountId);
    const requests = fullSyncRequests(
      IOC_TYPES.map((type) => held.filter((ioc) => ioc.type === type).length),
      shippedSyncSettings().pageSize,
    );
    const floorMs = rateLimitFloorMs(requests, limit);
    if (floorMs === 0)
      throw new Error(`${requests} requests fit in one window of ${limit.requests}: the limit does not bind`);
    const out: RateLimitRun[] = [];
    for (let run = 0; run < runs; run++) {
      if (run > 0) await new Promise((resolve) => setTimeout(resolve, limit.windowMs));
      const browser = await launchBrowser(console.port);
      let syncMs: number | null = null;
      let failure: string | null = null;
      const started = Date.now();
      try {
        const { savedAt } = await connect(browser, console.sim);
        // Ample: three floors and a minute; a sync that has not ended by then counts as failed.
        syncMs = (await waitForCompleteSync(browser.worker, savedAt, floorMs * 3 + 60_000)) - savedAt;
      } catch (error) {
        failure = error instanceof Error ? error.message : String(error);
      } finally {
        await browser.close();
      }
      out.push({ syncMs, failure, windows: checkWindows(console.seen(started), limit) });
    }
    return { requests, floorMs, runs: out };
  } finally {
    await console.close();
  }
}
