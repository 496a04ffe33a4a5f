import { readFileSync, writeFileSync } from 'node:fs';
import { SIM_TOKENS } from '../simulator';
import { CONSOLE_URL, expect, test } from './fixtures';
import { readExtensionStorage } from './pages/extension-storage';
import { fillConnection, openOptionsPage, saveFirstConnection } from './pages/options-page';

// Test connection is pointed at an unreachable console on purpose: the token may go there too. It is
// inside the manifest's grant, so no permission prompt (which nothing answers here) holds the test.
const UNREACHABLE = 'https://nothing-here.sentinelone.net';
test.use({
  consoleOrigins: [new URL(CONSOLE_URL).origin, UNREACHABLE],
  hostRules: [`MAP ${new URL(UNREACHABLE).host} ~NOTFOUND`],
});

const connectionStatus = (page: import('@playwright/test').Page) =>
  page.getByRole('status', { name: 'Connection status' });

test('first run opens the connection screen and refuses bad input in place, saving nothing', async ({
  context,
  extensionId,
  serviceWorker,
  sim,
}) => {
  const page = await openOptionsPage(context, extensionId);
  await expect(page.getByRole('form', { name: 'Connection' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('settings-first-run.png') });

  const cases: Array<[{ consoleUrl: string; apiToken: string; accountId: string }, RegExp]> = [
    [
      { consoleUrl: 'http://usea1-test.sentinelone.net', apiToken: 'x', accountId: '1' },
      /must be reached over https/,
    ],
    [{ consoleUrl: 'not a url at all', apiToken: 'x', accountId: '1' }, /is not a URL/],
    [{ consoleUrl: CONSOLE_URL, apiToken: '   ', accountId: '1' }, /Enter the API token/],
    [{ consoleUrl: CONSOLE_URL, apiToken: 'x', accountId: 'acme' }, /account id is a number/],
  ];
  for (const [connection, message] of cases) {
    await fillConnection(page, connection);
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(connectionStatus(page)).toHaveText(message);
  }
  await page.getByLabel('Validity IPV4 (days)').fill('31');
  await fillConnection(page, {
    consoleUrl: CONSOLE_URL,
    apiToken: sim.defaultToken,
    accountId: sim.defaultAccountId,
  });
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(connectionStatus(page)).toHaveText(
    /Validity for IPV4 must be a whole number of days from 1 to 30/,
  );
  expect((await readExtensionStorage(serviceWorker)).local.settings).toBeUndefined();
  expect(sim.requests()).toEqual([]);
});

test('Test connection names each failure the console gives', async ({ context, extensionId, sim }) => {
  const page = await openOptionsPage(context, extensionId);
  const cases: Array<[string, () => void, RegExp]> = [
    [
      'a multi-account token',
      () => undefined,
      // Told from GET /user, before any IOC call.
      /^This token spans 2 accounts\. Create a service user in one account or one site and use its token/,
    ],
    ['no Threat Intelligence permission', () => undefined, /lacks the Threat Intelligence permission/],
    [
      'a login page',
      () => sim.faults.add({ path: 'user', kind: 'html', times: 1 }),
      /not the SentinelOne API, such as a login or proxy page/,
    ],
  ];
  const tokens = [SIM_TOKENS.multiAccount, SIM_TOKENS.noTi, sim.defaultToken];
  for (const [index, [, arrange, message]] of cases.entries()) {
    arrange();
    await fillConnection(page, {
      consoleUrl: CONSOLE_URL,
      apiToken: tokens[index] ?? '',
      accountId: sim.defaultAccountId,
    });
    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect(connectionStatus(page)).toHaveText(message);
  }
  await fillConnection(page, {
    consoleUrl: UNREACHABLE,
    apiToken: sim.defaultToken,
    accountId: sim.defaultAccountId,
  });
  await page.getByRole('button', { name: 'Test connection' }).click();
  await expect(connectionStatus(page)).toHaveText(
    /^Could not reach https:\/\/nothing-here\.sentinelone\.net: .*Check the console URL and the network\./,
    { timeout: 30_000 },
  );
});

test('picks the account from the console and warns of a token about to expire', async ({
  context,
  extensionId,
  serviceWorker,
  sim,
}) => {
  // The page judges expiry by the real clock; the simulator by its own, which stands before it.
  sim.tokens.setExpiresAt(sim.defaultToken, new Date(Date.now() + 3.5 * 86_400_000).toISOString());
  const page = await openOptionsPage(context, extensionId);
  await fillConnection(page, { consoleUrl: CONSOLE_URL, apiToken: sim.defaultToken, accountId: '' });
  await page.getByRole('button', { name: 'Load accounts' }).click();
  await expect(connectionStatus(page)).toHaveText(`1 account: Acme Corp (${sim.defaultAccountId})`);
  await expect(page.getByLabel('Account id', { exact: true })).toHaveValue(sim.defaultAccountId);
  await page.getByRole('button', { name: 'Test connection' }).click();
  await expect(connectionStatus(page)).toHaveText(/Warning: the token expires in 3 days/);
  await saveFirstConnection(page);
  expect((await readExtensionStorage(serviceWorker)).local.settings).toMatchObject({
    connection: { accountId: sim.defaultAccountId, accountName: 'Acme Corp' },
  });
  await expect(
    page.getByRole('region', { name: 'Sync' }).getByText('Acme Corp', { exact: true }),
  ).toBeVisible();
});

test('imports the original tool’s config.yml, exports without the token, and reports a broken file by line', async ({
  context,
  extensionId,
  serviceWorker,
  sim,
}) => {
  const page = await openOptionsPage(context, extensionId);
  const dir = test.info().outputPath();
  const original = `${dir}/config.yml`;
  writeFileSync(
    original,
    `s1_token: '${sim.defaultToken}'\ns1_api: '${CONSOLE_URL}/web/api/v2.1/'\ns1_account_id: ${sim.defaultAccountId}\ndebug: True\ncreator_mail: 'analyst@acme.example'\nsha1_retention: 60\nurl_retention: 45\ndns_retention: 90\nip_retention: 7\nioc_tag: "[ACME SOC]"\n`,
  );
  await page.getByLabel(/^Import YAML/).setInputFiles(original);
  await page
    .getByRole('dialog', { name: 'Import config.yml?' })
    .getByRole('button', { name: 'Apply' })
    .click();
  // The first connection, imported rather than typed: the manager shows the IOCs arriving.
  await expect(page).toHaveURL(/#iocs$/);
  await page.getByRole('link', { name: 'Settings' }).click();
  const { settings } = (await readExtensionStorage(serviceWorker)).local as {
    settings: Record<string, unknown>;
  };
  expect(settings).toMatchObject({
    connection: {
      consoleUrl: CONSOLE_URL,
      accountId: sim.defaultAccountId,
      creatorEmail: 'analyst@acme.example',
      tagPrefix: '[ACME SOC]',
    },
    iocDefaults: { validityDays: { SHA1: 60, SHA256: 60, MD5: 60, URL: 45, DNS: 90, IPV4: 7, IPV6: 7 } },
    logLevel: 'debug',
  });
  await expect(page.getByLabel('Validity IPV4 (days)')).toHaveValue('7');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export YAML' }).click(),
  ]);
  const exported = readFileSync((await download.path()) ?? '', 'utf8');
  expect(exported).toContain(`accountId: "${sim.defaultAccountId}"`);
  expect(exported).not.toContain(sim.defaultToken);

  const broken = `${dir}/broken.yml`;
  writeFileSync(
    broken,
    `s1_token: 'x'\ns1_api: '${CONSOLE_URL}'\ns1_account_id: "5679600783759357458\ndebug: False\n`,
  );
  await page.getByLabel(/^Import YAML/).setInputFiles(broken);
  await expect(connectionStatus(page)).toHaveText(
    /^broken\.yml: Line 3: Missing closing "quote.* Nothing was changed\.$/,
  );
  expect((await readExtensionStorage(serviceWorker)).local.settings).toEqual(settings);
});
