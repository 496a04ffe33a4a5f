/**
 * One review sent to several tenants: the analyst ticks the target profiles under "Send to", a fault on
 * one console leaves the other tenant's IOC stored and says which failed, and Retry goes only to the
 * tenant that failed, so the healthy console never receives the IOC twice.
 */
import type { Page } from '@playwright/test';
import type { Simulator } from '../simulator';
import { expect, test } from './fixtures';
import { connectAndSync, fillConnection } from './pages/options-page';
import { bodyRows, cellOf } from './pages/tables';

const GLOBEX = 'https://euce1-globex.sentinelone.net';
const INITECH = 'https://apne1-initech.sentinelone.net';
const VALUE = 'evil-multi.badcorp.top';

test.use({ simOptions: { iocs: 0 }, extraConsoles: { [GLOBEX]: { iocs: 0 }, [INITECH]: { iocs: 0 } } });

/** Settings → Add a profile named `name` → its connection form → Save: it syncs its console. */
async function addProfile(page: Page, name: string, consoleUrl: string, sim: Simulator): Promise<void> {
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  const add = page.getByRole('form', { name: 'Add a profile' });
  await add.getByLabel('Profile name').fill(name);
  await add.getByRole('button', { name: 'Add profile' }).click();
  await expect(page).toHaveURL(/\?profile=p\d+#settings$/);
  await fillConnection(page, { consoleUrl, apiToken: sim.defaultToken, accountId: sim.defaultAccountId });
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page).toHaveURL(/#iocs$/);
  await expect(page.getByRole('status', { name: 'Sync status' })).toHaveText(/^Complete as of /, {
    timeout: 30_000,
  });
}

const iocPosts = (sim: Simulator) =>
  sim.requests().filter((r) => r.method === 'POST' && r.path.endsWith('/threat-intelligence/iocs'));
const held = (sim: Simulator) => sim.iocs(sim.defaultAccountId).filter((ioc) => ioc.value === VALUE);

test('submits one value to two of three tenants; a failing tenant is retried alone, never duplicating on the other', async ({
  context,
  extensionId,
  consoles,
  sim,
}) => {
  const globex = consoles.get(GLOBEX);
  const initech = consoles.get(INITECH);
  const manager = await connectAndSync(context, extensionId, sim);
  await addProfile(manager, 'Globex', GLOBEX, globex);
  await addProfile(manager, 'Initech', INITECH, initech);
  // Back to the first profile, which is named by what it connects to.
  await manager.goto(`chrome-extension://${extensionId}/options.html#iocs`);
  const acme = `Account ${sim.defaultAccountId}`;
  await manager.getByRole('link', { name: 'New IOCs' }).click();
  await manager.getByLabel(/^Values or text/).fill(VALUE);
  const sendTo = manager.getByRole('group', { name: 'Send to' });
  // The page's own tenant is the default target.
  await expect(sendTo.getByRole('checkbox', { name: acme })).toBeChecked();
  await expect(sendTo.getByRole('checkbox', { name: 'Globex' })).not.toBeChecked();
  await expect(sendTo.getByRole('checkbox', { name: 'Initech' })).not.toBeChecked();
  await sendTo.getByRole('checkbox', { name: 'Globex' }).check();

  // Globex's console fails every IOC write (the client's own retries included) before storing anything.
  globex.faults.add({ method: 'POST', path: 'threat-intelligence/iocs', kind: 'status', status: 503 });
  await manager.getByRole('button', { name: `Submit 1 to ${acme}, Globex` }).click();

  const status = manager.getByRole('status', { name: 'Submit status' });
  await expect(status).toContainText(`${acme}: Detect: 1 of 1 stored.`);
  await expect(status).toContainText('Globex: Detect: 0 of 1 stored.');
  const review = manager.getByRole('table', { name: 'Review' });
  const result = await cellOf(bodyRows(review).first(), review, 'Result');
  await expect(result).toContainText(`${acme}: Detect: Stored`);
  await expect(result).toContainText('Globex: Detect: Not sent');
  expect(held(sim)).toHaveLength(1);
  expect(held(globex)).toHaveLength(0);
  expect(iocPosts(initech)).toHaveLength(0);

  // The console is back: Retry goes to Globex alone.
  globex.faults.clear();
  await manager.getByRole('button', { name: 'Retry 1 on Globex' }).click();
  await expect(status).toHaveText('Globex: Detect: 1 of 1 stored.');
  await expect(result).toContainText(`${acme}: Detect: Stored`);
  await expect(result).toContainText('Globex: Detect: Stored');
  expect(held(globex)).toHaveLength(1);
  expect(held(sim)).toHaveLength(1);
  // The first console was sent the IOC exactly once, Initech never.
  expect(iocPosts(sim)).toHaveLength(1);
  expect(iocPosts(initech)).toHaveLength(0);
  await expect(manager.getByRole('button', { name: /^Submit 0|^Retry/ })).toBeDisabled();
  await manager.screenshot({ path: test.info().outputPath('review-targets.png'), fullPage: true });
});

test('with one profile the review has no Send to group and reads as before', async ({
  context,
  extensionId,
  sim,
}) => {
  const manager = await connectAndSync(context, extensionId, sim);
  await manager.getByRole('link', { name: 'New IOCs' }).click();
  await manager.getByLabel(/^Values or text/).fill(VALUE);
  await manager.getByRole('button', { name: 'Submit 1' }).click();
  await expect(manager.getByRole('status', { name: 'Submit status' })).toHaveText('Detect: 1 of 1 stored.');
  await expect(manager.getByRole('group', { name: 'Send to' })).toHaveCount(0);
  expect(held(sim)).toHaveLength(1);
});
