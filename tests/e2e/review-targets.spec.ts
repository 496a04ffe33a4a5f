/**
 * One review sent to several tenants: the analyst ticks the target profiles under "Send to", a fault on
 * one console leaves the other tenant's IOC stored and says which failed, and Retry goes only to the
 * tenant that failed, so the healthy console never receives the IOC twice.
 */
import type { Page } from '@playwright/test';
import type { Consoles, Simulator } from '../simulator';
import { expect, test } from './fixtures';
import { connectAndSync } from './pages/options-page';
import { addProfile } from './pages/profiles-page';
import { bodyRows, cellOf } from './pages/tables';

const GLOBEX = 'https://euce1-globex.sentinelone.net';
const INITECH = 'https://apne1-initech.sentinelone.net';
const VALUE = 'evil-multi.badcorp.top';

// Initech's console has no Firewall Control (no Control SKU): Block network is never promised there.
test.use({
  simOptions: { iocs: 0 },
  extraConsoles: { [GLOBEX]: { iocs: 0 }, [INITECH]: { iocs: 0, firewallControl: false } },
});

/** The first profile connected, Globex and Initech added; the manager's New IOCs of the first, with `text` pasted. */
async function threeTenants(page: Page, extensionId: string, consoles: Consoles, text: string) {
  await addProfile(page, { name: 'Globex', connect: { consoleUrl: GLOBEX, sim: consoles.get(GLOBEX) } });
  await addProfile(page, { name: 'Initech', connect: { consoleUrl: INITECH, sim: consoles.get(INITECH) } });
  await page.goto(`chrome-extension://${extensionId}/options.html#new`);
  await page.getByLabel(/^Values or text/).fill(text);
  return page.getByRole('group', { name: 'Send to' });
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
  const sendTo = await threeTenants(manager, extensionId, consoles, VALUE);
  // The first profile is named by what it connects to.
  const acme = `Account ${sim.defaultAccountId}`;
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

test('Block network goes only where the tenant has Firewall Control, and the review says so for the other', async ({
  context,
  extensionId,
  consoles,
  sim,
}) => {
  const initech = consoles.get(INITECH);
  const ip = '45.77.12.9';
  const manager = await connectAndSync(context, extensionId, sim);
  const sendTo = await threeTenants(manager, extensionId, consoles, ip);
  await sendTo.getByRole('checkbox', { name: 'Initech' }).check();
  await manager.getByLabel(`Block network for ${ip}`).check();
  await expect(
    manager.getByText('Block network will not be sent to Initech: Initech has no Firewall Control'),
  ).toBeVisible();

  await manager.getByRole('button', { name: `Submit 1 to Account ${sim.defaultAccountId}, Initech` }).click();
  const status = manager.getByRole('status', { name: 'Submit status' });
  await expect(status).toContainText('Block network: 1 of 1 blocked.');
  await expect(status).toContainText(
    'Initech: Detect: 1 of 1 stored. Block network not sent: Initech has no Firewall Control',
  );
  const review = manager.getByRole('table', { name: 'Review' });
  const result = await cellOf(bodyRows(review).first(), review, 'Result');
  await expect(result).toContainText(
    'Initech: Detect: Stored; Block network: Refused: Initech has no Firewall Control',
  );
  expect(sim.firewallRules()).toHaveLength(1);
  expect(initech.iocs(initech.defaultAccountId).map((ioc) => ioc.value)).toEqual([ip]);
  expect(
    initech.requests().filter((r) => r.method === 'POST' && r.path.includes('firewall-control')),
  ).toEqual([]);
  // Nothing is left to send: the refusal is final for that tenant.
  await expect(manager.getByRole('button', { name: /^Submit 0/ })).toBeDisabled();
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

test('each tenant’s IOC carries that tenant’s own tag prefix, and the review says so before sending', async ({
  context,
  extensionId,
  consoles,
  sim,
}) => {
  const globex = consoles.get(GLOBEX);
  const manager = await connectAndSync(context, extensionId, sim);
  await addProfile(manager, {
    name: 'Globex',
    connect: { consoleUrl: GLOBEX, sim: globex, tagPrefix: '[GLOBEX]' },
  });
  await manager.goto(`chrome-extension://${extensionId}/options.html#new`);
  await manager.getByLabel(/^Values or text/).fill(VALUE);
  await manager.getByLabel('Name', { exact: true }).fill('Loader C2');
  const acme = `Account ${sim.defaultAccountId}`;
  const note = `Name and description are tagged per tenant: none in ${acme}, [GLOBEX] in Globex.`;
  // One target: its own tag, nothing to say.
  await expect(manager.getByText(note)).toHaveCount(0);
  await manager.getByRole('group', { name: 'Send to' }).getByRole('checkbox', { name: 'Globex' }).check();
  await expect(manager.getByText(note)).toBeVisible();

  await manager.getByRole('button', { name: `Submit 1 to ${acme}, Globex` }).click();
  await expect(manager.getByRole('status', { name: 'Submit status' })).toContainText(
    'Globex: Detect: 1 of 1 stored.',
  );
  expect(held(sim).map((ioc) => ioc.name)).toEqual(['Loader C2']);
  expect(held(globex).map((ioc) => ioc.name)).toEqual(['[GLOBEX] Loader C2']);
});
