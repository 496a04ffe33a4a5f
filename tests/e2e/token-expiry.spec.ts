/**
 * The token expires in the middle of a session (the simulator switches to 401).
 * The sync stops and says why, the cache stays, the paste under review is kept through a trip to
 * Settings, and a new token there brings everything back.
 */
import { expect, test } from './fixtures';
import { createOnConsole } from './pages/console-api';
import { readCachedIocs } from './pages/extension-cache';
import { reportFigure } from './pages/figures';
import { connectAndSync } from './pages/options-page';
import { tableRows } from './pages/tables';

test.use({ simOptions: { iocs: 0, now: new Date().toISOString() } });

const RENEWED_TOKEN = 'sim-token-renewed-5d0c2b7e9a1f4e6d8c3b2a1f0e9d8c7b6a5f4e3d2c1b';
const PASTED = 'evil-login[.]acme-phish[.]ru\n45.77.12.9';

test('an expired token stops the sync and a submit, keeps the cache and the paste, and a new token recovers', async ({
  context,
  extensionId,
  serviceWorker,
  sim,
  simPort,
}) => {
  await createOnConsole(sim, simPort, [
    { type: 'DNS', value: 'already-known.example.org', source: 'MISP', method: 'EQUALS' },
  ]);
  const page = await connectAndSync(context, extensionId, sim);
  await page.getByRole('link', { name: 'New IOCs' }).click();
  await page.getByLabel(/^Values or text/).fill(PASTED);
  await expect(tableRows(page, 'Review')).toHaveCount(2);

  sim.tokens.expire(sim.defaultToken);
  await page.getByRole('button', { name: 'Submit 2' }).click();
  await expect(page.getByRole('status', { name: 'Submit status' })).toContainText(
    'invalid or has expired (HTTP 401)',
  );
  await page.getByRole('button', { name: /Grab the IOC/ }).click();
  await expect(page.getByRole('status', { name: 'Sync status' })).toHaveText(
    /^Last sync failed: The API token is invalid or has expired \(HTTP 401\)/,
  );
  expect(await readCachedIocs(serviceWorker)).toHaveLength(1);
  expect(sim.iocs(sim.defaultAccountId)).toHaveLength(1);

  // A new token, entered where the message says.
  const expired = sim.tokens.get(sim.defaultToken);
  sim.tokens.add(RENEWED_TOKEN, {
    ...expired,
    label: 'renewed',
    expiresAt: sim.clock.now() + 30 * 86_400_000_000,
  });
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('API token', { exact: true }).fill(RENEWED_TOKEN);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status', { name: 'Sync status' })).toHaveText(/^Complete as of /, {
    timeout: 30_000,
  });

  // The paste is where it was; sending it now works.
  await page.getByRole('link', { name: 'New IOCs' }).click();
  await expect(page.getByLabel(/^Values or text/)).toHaveValue(PASTED);
  await page.getByRole('button', { name: /^(Submit|Send the other) 2$/ }).click();
  await expect(page.getByRole('status', { name: 'Submit status' })).toHaveText('Detect: 2 of 2 stored.');
  expect(
    sim
      .iocs(sim.defaultAccountId)
      .map((ioc) => ioc.value)
      .sort(),
  ).toEqual(['45.77.12.9', 'already-known.example.org', 'evil-login.acme-phish.ru']);
  const refused = sim.requests().filter((r) => r.status === 401).length;
  reportFigure(
    'token expired mid-session',
    `${refused} requests refused with 401; cache kept (1 IOC); paste kept through Settings; after the new token: sync complete, 2 of 2 stored`,
  );
});
