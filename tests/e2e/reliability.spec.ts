/**
 * The service worker stopped in the middle of a sync, and the token expiring in the middle of a
 * session. Figures are printed and kept on the test's report (pages/figures.ts).
 */

import { describeDiff, diffCache } from '../support/cache-diff';
import { changeOnConsole } from '../support/console-changes';
import { expect, test } from './fixtures';
import { readCachedIocs, readSyncStatus } from './pages/extension-cache';
import { reportFigure } from './pages/figures';
import { connectAndSync } from './pages/options-page';

test.use({ simOptions: { iocs: 10_000 } });

const byUuid = (a: { uuid: string }, b: { uuid: string }) => (a.uuid < b.uuid ? -1 : 1);

test('a worker stopped mid-sync leaves the last complete cache in view, and the next sync completes exactly', async ({
  context,
  extensionId,
  serviceWorker,
  sim,
  simPort,
}) => {
  const page = await connectAndSync(context, extensionId, sim);
  const complete = await readCachedIocs(serviceWorker);
  const firstCompleteAt = (await readSyncStatus(serviceWorker))?.completeAt;
  // Changes on the console, so that a cache mixing old and new pages would show.
  await changeOnConsole(sim, `https://127.0.0.1:${simPort}`, {
    created: 300,
    updated: 300,
    deleted: 200,
    round: 0,
  });
  // Slow pages, so that the full sync is still fetching when the worker is stopped.
  sim.configure({ latencyMs: 1500 });
  await page.getByRole('button', { name: 'Re-sync everything' }).click();
  await expect
    .poll(async () => (await readSyncStatus(serviceWorker))?.running?.fetched ?? 0, { timeout: 20_000 })
    .toBeGreaterThan(1000);
  const cdp = await context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  const stoppedAt = (await readSyncStatus(page))?.running?.fetched;

  // With no worker running, what the pages read is the last complete snapshot, not a partial one.
  expect(await readCachedIocs(page)).toEqual(complete);
  expect((await readSyncStatus(page))?.completeAt).toBe(firstCompleteAt);

  // Opening the manager wakes a worker, which says what happened and syncs again.
  sim.configure({ latencyMs: 0 });
  await page.reload();
  await expect
    .poll(async () => (await readSyncStatus(page))?.completeAt ?? '', { timeout: 60_000 })
    .not.toBe(firstCompleteAt);
  expect((await readSyncStatus(page))?.running).toBeNull();
  await expect(page.getByRole('status', { name: 'Sync status' })).toHaveText(/^Complete as of /);
  await expect(page.getByRole('button', { name: /Grab the IOC/ })).toBeEnabled();
  // The analyst can read what happened in the activity log.
  await page.getByRole('link', { name: 'Activity log' }).click();
  await expect(page.getByText(/The last sync was interrupted: the browser stopped/)).toBeVisible();

  const server = sim.iocs(sim.defaultAccountId).sort(byUuid);
  const diff = diffCache(await readCachedIocs(page), server);
  reportFigure(
    'worker stopped mid-sync',
    `stopped at ${stoppedAt} of ${server.length} IOCs fetched; cache while stopped = last complete sync; after restart: ${describeDiff(diff)}`,
  );
  expect(diff).toEqual({ missing: [], extra: [], stale: [] });
});
