import { CONSOLE_URL, expect, test } from './fixtures';
import { readExtensionStorage } from './pages/extension-storage';
import { fillConnection, openOptionsPage } from './pages/options-page';

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

test('saving keeps the connection in storage.local only', async ({
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
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status', { name: 'Connection status' })).toHaveText('Saved.');

  const stored = await readExtensionStorage(serviceWorker);
  expect(stored.sync).toEqual({});
  expect(stored.session).toEqual({});
  expect(stored.local.settings).toMatchObject({
    connection: { consoleUrl: CONSOLE_URL, apiToken: sim.defaultToken },
  });
});
