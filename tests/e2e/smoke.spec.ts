import { CONSOLE_URL, expect, test } from './fixtures';
import { clearTokenVault, readExtensionStorage, readTokenVault } from './pages/extension-storage';
import { connectAndSync, fillConnection, openOptionsPage, saveFirstConnection } from './pages/options-page';
import { syncNow } from './pages/review-blocks';

test('the service worker fetches a page of IOCs from the console over HTTPS', async ({
  context,
  extensionId,
  sim,
}) => {
  const page = await openOptionsPage(context, extensionId);
  await fillConnection(page, {
    consoleUrl: CONSOLE_URL,
    apiToken: sim.defaultToken,
    accountId: sim.defaultAccountId,
  });
  await page.getByRole('button', { name: 'Test connection' }).click();

  const total = sim.iocs(sim.defaultAccountId).length;
  await expect(page.getByRole('status', { name: 'Connection status' })).toHaveText(
    new RegExp(`Account ${sim.defaultAccountId} holds ${total} IOCs`),
  );

  const iocReads = sim
    .requests()
    .filter((r) => r.method === 'GET' && r.path.endsWith('/threat-intelligence/iocs'));
  expect(iocReads).toHaveLength(1);
  expect(iocReads[0]?.query).toMatchObject({ accountIds: sim.defaultAccountId, limit: '10' });
  expect(iocReads[0]?.auth?.scheme).toBe('ApiToken');
  expect(iocReads[0]?.status).toBe(200);
});

test('a wrong token is reported as invalid or expired, and nothing else is asked', async ({
  context,
  extensionId,
  sim,
}) => {
  const page = await openOptionsPage(context, extensionId);
  await fillConnection(page, {
    consoleUrl: CONSOLE_URL,
    apiToken: 'not-a-real-token',
    accountId: sim.defaultAccountId,
  });
  await page.getByRole('button', { name: 'Test connection' }).click();

  await expect(page.getByRole('status', { name: 'Connection status' })).toHaveText(
    /API token is invalid or has expired \(HTTP 401\)/,
  );
  expect(sim.requests().map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
    'GET /web/api/v2.1/user 401',
  ]);
});

test('saving keeps the connection in storage.local and the token in the vault only', async ({
  context,
  extensionId,
  serviceWorker,
  sim,
}) => {
  const page = await openOptionsPage(context, extensionId);
  await fillConnection(page, {
    consoleUrl: `${CONSOLE_URL}/web/api/v2.1/`,
    apiToken: sim.defaultToken,
    accountId: sim.defaultAccountId,
  });
  await saveFirstConnection(page);

  const stored = await readExtensionStorage(serviceWorker);
  expect(stored.sync).toEqual({});
  expect(stored.session).toEqual({});
  // The console as its origin; the token apart, in the vault, bound to that origin.
  expect(stored.local.settings).toMatchObject({ connection: { consoleUrl: CONSOLE_URL } });
  expect(await readTokenVault(serviceWorker)).toEqual({ consoleUrl: CONSOLE_URL, token: sim.defaultToken });
});

test('a token an older version left in storage.local moves into the vault, and the sync goes on with it', async ({
  context,
  extensionId,
  serviceWorker,
  sim,
}) => {
  const page = await connectAndSync(context, extensionId, sim);
  // The item as version 2 stored it, the token inside; the vault as before it existed.
  await clearTokenVault(serviceWorker);
  await serviceWorker.evaluate(async (apiToken) => {
    type Area = {
      get(key: string): Promise<{ settings: { connection: Record<string, unknown> } }>;
      set(items: object): Promise<void>;
    };
    const { storage } = (globalThis as unknown as { chrome: { storage: { local: Area } } }).chrome;
    const { settings } = await storage.local.get('settings');
    const { tokenHint: _hint, tokenSavedAt: _at, ...connection } = settings.connection;
    await storage.local.set({
      settings: { ...settings, connection: { ...connection, apiToken } },
      settings$: { v: 2 },
    });
  }, sim.defaultToken);

  await expect
    .poll(async () => JSON.stringify((await readExtensionStorage(serviceWorker)).local))
    .not.toContain(sim.defaultToken);
  expect(await readTokenVault(serviceWorker)).toEqual({ consoleUrl: CONSOLE_URL, token: sim.defaultToken });
  expect((await readExtensionStorage(serviceWorker)).local.settings).toMatchObject({
    connection: { consoleUrl: CONSOLE_URL, tokenHint: `…${sim.defaultToken.slice(-4)}` },
  });
  await syncNow(page);
});
