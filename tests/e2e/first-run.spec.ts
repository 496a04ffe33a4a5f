/**
 * A newcomer's first minutes: they connect in Settings, and the manager takes them to the IOCs view
 * to watch the first sync bring them (its progress in place of an empty table, then the rows). A
 * later Save, of a default say, leaves them on Settings.
 */
import { CONSOLE_URL, expect, test } from './fixtures';
import { fillConnection, openOptionsPage, saveFirstConnection } from './pages/options-page';
import { gridRows } from './pages/tables';

test.use({ simOptions: { iocs: 2345, includeFixtureIocs: true } });

test('the first Save shows the IOCs view with the first sync’s progress, then the rows; a later Save stays on Settings', async ({
  context,
  extensionId,
  sim,
}) => {
  // Each page of IOCs answers slowly, so the first sync is seen under way.
  const slow = sim.faults.add({
    method: 'GET',
    path: 'threat-intelligence/iocs',
    kind: 'latency',
    latencyMs: 1500,
  });
  const page = await openOptionsPage(context, extensionId);
  await expect(page).toHaveURL(/#settings$/);
  await fillConnection(page, {
    consoleUrl: CONSOLE_URL,
    apiToken: sim.defaultToken,
    accountId: sim.defaultAccountId,
  });
  await saveFirstConnection(page);

  const firstSync = page.getByRole('status', { name: 'First sync' });
  await expect(firstSync).toHaveText(
    /^First sync running: [\d,]+ of 2,355 IOCs\. They appear here once all have arrived\.$/,
    { timeout: 15_000 },
  );
  await expect(page.getByRole('progressbar', { name: 'First sync progress' })).toHaveAttribute('max', '2355');
  // Not the empty account's message: the account has IOCs, they are on their way.
  await expect(page.getByRole('status', { name: 'Empty table' })).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('first-sync.png') });

  sim.faults.remove(slow);
  await expect(page.getByRole('status', { name: 'Sync status' })).toHaveText(/^Complete as of /, {
    timeout: 30_000,
  });
  await expect(firstSync).toHaveCount(0);
  await expect(page.getByRole('status', { name: 'Shown IOCs' })).toHaveText('2,355 of 2,355 IOCs');
  await expect(gridRows(page, 'IOCs').first()).toBeVisible();

  // Later saves are the analyst adjusting things: they stay where they are.
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Validity IPV4 (days)').fill('20');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status', { name: 'Connection status' })).toHaveText('Saved.');
  await expect(page).toHaveURL(/#settings$/);
  await expect(page.getByRole('form', { name: 'Connection' })).toBeVisible();
});

test('a first sync that fails says so in the IOCs view and where to fix it, not "no IOCs"', async ({
  context,
  extensionId,
  sim,
}) => {
  sim.faults.add({ method: 'GET', path: 'threat-intelligence/iocs', kind: 'status', status: 500 });
  const page = await openOptionsPage(context, extensionId);
  await fillConnection(page, {
    consoleUrl: CONSOLE_URL,
    apiToken: sim.defaultToken,
    accountId: sim.defaultAccountId,
  });
  await saveFirstConnection(page);
  await expect(page.getByRole('status', { name: 'First sync' })).toHaveText(
    /^The first sync failed: .+ Check the connection in Settings, then press “Grab the IOC ✊”\.$/,
    { timeout: 60_000 },
  );
  await expect(page.getByRole('status', { name: 'Empty table' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  await expect(page.getByRole('form', { name: 'Connection' })).toBeVisible();
});
