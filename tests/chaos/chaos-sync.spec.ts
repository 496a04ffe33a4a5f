/**
 * The long chaos run: the production build in Chromium syncs 20,000 IOCs from a console
 * that fails 18% of requests (429 with Retry-After, 500, resets, malformed JSON) with latency
 * jitter, while other users create, rename and delete IOCs. Twenty rounds of an incremental sync
 * ("Grab the IOC ✊") and a full one ("Re-sync everything"), pressed as the analyst presses them.
 * Every completed sync must leave the cache exactly equal to the console; a failed one must leave
 * the last complete cache as it was, and pressing again must then complete.
 */
import type { Page } from '@playwright/test';
import { expect, test } from '../e2e/fixtures';
import { readCachedIocs, readSyncStatus } from '../e2e/pages/extension-cache';
import { reportFigure } from '../e2e/pages/figures';
import { connectAndSync } from '../e2e/pages/options-page';
import type { LoggedRequest } from '../simulator';
import { describeDiff, diffCache } from '../support/cache-diff';
import { faultFigures, injectChaos } from '../support/chaos-faults';
import { changeOnConsole } from '../support/console-changes';

const ROUNDS = 20;
const PRESSES_ALLOWED = 5;
test.use({ simOptions: { iocs: 20_000 } });

const byUuid = (a: { uuid: string }, b: { uuid: string }) => (a.uuid < b.uuid ? -1 : 1);

/** The extension's activity log, newest last: what the worker did, to explain a failure. */
function activityLog(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const request = indexedDB.open('s1-ioc-manager');
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const entries = await new Promise<Array<{ at: string; level: string; message: string }>>((resolve) => {
      const read = db.transaction('log').objectStore('log').getAll();
      read.onsuccess = () => resolve(read.result);
    });
    db.close();
    return entries
      .slice(-40)
      .map((e) => `${e.at} ${e.level} ${e.message.slice(0, 300)}`)
      .join('\n');
  });
}

/** Presses `button` until a sync completes; answers how many presses failed first. */
async function syncUntilComplete(page: Page, button: RegExp, full: boolean): Promise<number> {
  for (let press = 0; press < PRESSES_ALLOWED; press++) {
    const before = await readSyncStatus(page);
    const lastCache = await readCachedIocs(page);
    const pressedAt = new Date().toISOString();
    await expect(page.getByRole('button', { name: button })).toBeEnabled({ timeout: 60_000 });
    await page.getByRole('button', { name: button }).click();
    await expect
      .poll(
        async () => {
          const now = await readSyncStatus(page);
          if (!now || now.running) return 'running';
          if (now.completeAt && now.completeAt !== before?.completeAt) return 'complete';
          return now.lastError && now.lastError.at >= pressedAt ? 'failed' : 'running';
        },
        { timeout: 5 * 60_000, intervals: [250] },
      )
      .not.toBe('running');
    const after = await readSyncStatus(page);
    if (after?.completeAt !== before?.completeAt) return press;
    // A failed full sync shows the last complete cache, untouched.
    if (full)
      expect(describeDiff(diffCache(await readCachedIocs(page), lastCache))).toBe(
        '0 missing, 0 extra, 0 stale',
      );
    await expect(page.getByRole('status', { name: 'Sync status' })).toHaveText(/^Last sync failed: /);
  }
  throw new Error(`No sync completed in ${PRESSES_ALLOWED} presses`);
}

test(`${ROUNDS} full syncs of 20,000 IOCs under faults, with incremental syncs between console changes`, async ({
  context,
  extensionId,
  sim,
  simPort,
}) => {
  const page = await connectAndSync(context, extensionId, sim);
  injectChaos(sim, { latencyMs: 20, jitterMs: 200 });
  const requests: LoggedRequest[] = [];
  const tally = { full: 0, incremental: 0, failedPresses: 0 };
  const started = Date.now();
  for (let round = 0; round < ROUNDS; round++) {
    for (const full of [false, true]) {
      await changeOnConsole(sim, `https://127.0.0.1:${simPort}`, {
        created: 50,
        updated: 50,
        // Deletes go with the full syncs, and every fifth incremental one, which must notice them
        // (the console's total drops) and reconcile with a full sync of its own.
        deleted: full || round % 5 === 0 ? 10 : 0,
        round: 2 * round + Number(full),
      });
      tally.failedPresses += await syncUntilComplete(
        page,
        full ? /Re-sync everything/ : /Grab the IOC/,
        full,
      );
      tally[full ? 'full' : 'incremental']++;
      const diff = describeDiff(
        diffCache(await readCachedIocs(page), sim.iocs(sim.defaultAccountId).sort(byUuid)),
      );
      if (diff !== '0 missing, 0 extra, 0 stale') process.stdout.write(`${await activityLog(page)}\n`);
      expect(diff, `round ${round}, ${full ? 'full' : 'incremental'} sync`).toBe(
        '0 missing, 0 extra, 0 stale',
      );
      requests.push(...sim.requests());
      sim.clearRequests();
      process.stdout.write(`round ${round + 1}/${ROUNDS} ${full ? 'full' : 'incremental'}: ${diff}\n`);
    }
  }
  reportFigure(
    'chaos sync',
    `${tally.full} full and ${tally.incremental} incremental syncs of ${sim.iocs(sim.defaultAccountId).length.toLocaleString('en-US')} IOCs in ${Math.round((Date.now() - started) / 1000)} s; ${faultFigures(requests.filter((r) => r.path.includes('/web/api/')))}; ${tally.failedPresses} presses failed and left the cache as it was; after every completed sync: 0 missing, 0 extra, 0 stale`,
  );
});
