import { CONSOLE_URL, expect, test } from './fixtures';
import { readCachedIocs, readSyncStatus } from './pages/extension-cache';
import { connectAndSync, fillConnection, openOptionsPage } from './pages/options-page';

test.use({ simOptions: { iocs: 2345, includeFixtureIocs: true } });

test('after connecting, the service worker copies every IOC of the account into IndexedDB, field for field', async ({
  context,
  extensionId,
  serviceWorker,
  sim,
}) => {
  const page = await openOptionsPage(context, extensionId);
  await fillConnection(page, {
    consoleUrl: CONSOLE_URL,
    apiToken: sim.defaultToken,
    accountId: sim.defaultAccountId,
  });
  await page.getByRole('button', { name: 'Save' }).click();

  await expect
    .poll(async () => (await readSyncStatus(serviceWorker))?.completeAt ?? null, { timeout: 30_000 })
    .not.toBeNull();
  const status = await readSyncStatus(serviceWorker);
  expect(status).toMatchObject({ running: null, lastError: null, iocCount: 2355 });

  const server = sim.iocs(sim.defaultAccountId).sort((a, b) => (a.uuid < b.uuid ? -1 : 1));
  expect(server).toHaveLength(2355);
  expect(await readCachedIocs(serviceWorker)).toEqual(server);
});

test('an expired token stops the sync with the reason and keeps the cache', async ({
  context,
  extensionId,
  serviceWorker,
  sim,
}) => {
  const page = await connectAndSync(context, extensionId, sim);

  sim.tokens.expire(sim.defaultToken);
  await page.getByRole('button', { name: /Grab the IOC/ }).click();
  await expect(page.getByRole('status', { name: 'Sync status' })).toHaveText(
    /^Last sync failed: The API token is invalid or has expired \(HTTP 401\)/,
  );
  await expect(page.getByRole('status', { name: 'IOC count' })).toHaveText('2,355 IOCs');
  expect(await readCachedIocs(serviceWorker)).toHaveLength(2355);
});
