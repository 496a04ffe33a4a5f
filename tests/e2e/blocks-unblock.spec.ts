/**
 * Blocks end to end, the manager's Blocks tab: what the console blocks, as synced, and unblocking
 * from it: a hash's Blocklist items (all its OSes) and one of the extension's firewall rules, deleted
 * by id; a DELETE whose answer is lost is re-read, never re-sent.
 */
import type { Page } from '@playwright/test';
import type { LoggedRequest, Simulator } from '../simulator';
import { expect, test } from './fixtures';
import { blockOnConsole, firewallRuleOnConsole } from './pages/console-api';
import { connectAndSync } from './pages/options-page';
import { dataOf, HASHES, requestsTo } from './pages/review-blocks';

test.use({ simOptions: { iocs: 0, now: new Date().toISOString() } });

const HASH = HASHES.sha256.toLowerCase();
const OTHER_HASH = HASHES.sha1;
const DOMAIN = 'c2.badcorp.top';
const IN_30_DAYS = new Date(Date.now() + 30 * 86_400_000).toISOString();

/** A hash blocked on every OS, another on Windows, and the extension's rule for a domain. */
function plantBlocks(sim: Simulator) {
  const items = blockOnConsole(sim, [
    { osType: 'windows', sha256Value: HASH },
    { osType: 'macos', sha256Value: HASH },
    { osType: 'linux', sha256Value: HASH },
    { osType: 'windows', value: OTHER_HASH },
  ]);
  const [rule] = firewallRuleOnConsole(sim, [
    {
      name: `S1 IOC Manager: ${DOMAIN}`,
      description: `Blocked by analyst@acme.example with S1 IOC Manager. [expires ${IN_30_DAYS}]`,
      direction: 'outbound',
      remoteHosts: [{ type: 'fqdn', values: [DOMAIN] }],
    },
  ]);
  return { hashIds: items.slice(0, 3).map((item) => item.id), ruleId: rule?.id ?? '' };
}

async function openBlocks(page: Page) {
  await page.getByRole('link', { name: 'Blocks', exact: true }).click();
  const grid = page.getByRole('grid', { name: 'Blocks' });
  await expect(grid.getByLabel(`Select Block execution ${HASH}`)).toBeVisible();
  return grid;
}

/** Firewall Control deletes by `filter.ids` (docs/blocking-api.md). */
const filterIdsOf = (request: LoggedRequest) =>
  (request.body as { filter?: { ids?: string[] } } | null)?.filter?.ids;

/** The toolbar's <output>: what the last unblock did. */
const actionStatus = (page: Page) => page.getByRole('status', { name: 'Action status' });

test('Unblock from the Blocks tab lifts a hash on every OS and removes a firewall rule, by id', async ({
  context,
  extensionId,
  sim,
}) => {
  const { hashIds, ruleId } = plantBlocks(sim);
  const page = await connectAndSync(context, extensionId, sim);
  const grid = await openBlocks(page);

  await grid.getByLabel(`Select Block execution ${HASH}`).check();
  await page.getByRole('button', { name: 'Unblock selected…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Unblock' });
  await expect(confirm).toContainText(`Lift Block execution of ${HASH} on Windows, macOS, Linux?`);
  sim.clearRequests();
  await confirm.getByRole('button', { name: 'Unblock', exact: true }).click();
  await expect(actionStatus(page)).toHaveText('Unblock: Blocklist items: 3 of 3 removed.');
  expect(sim.blocklist().map((item) => item.value ?? item.sha256Value)).toEqual([OTHER_HASH]);
  const deletes = requestsTo(sim, 'DELETE', 'restrictions');
  expect(deletes.map((r) => (dataOf(r).ids as string[]).sort())).toEqual([[...hashIds].sort()]);
  await expect(grid.getByLabel(`Select Block execution ${HASH}`)).toHaveCount(0);
  await expect(grid.getByLabel(`Select Block execution ${OTHER_HASH}`)).toBeVisible();

  // The rule, from its detail dialog.
  await grid.getByRole('button', { name: `Details of Block network ${DOMAIN}` }).click();
  await page.getByRole('button', { name: 'Unblock…' }).click();
  const confirmRule = page.getByRole('dialog', { name: 'Unblock' });
  await expect(confirmRule).toContainText(`Remove the Block network rule for ${DOMAIN}?`);
  await confirmRule.getByRole('button', { name: 'Unblock', exact: true }).click();
  await expect(actionStatus(page)).toHaveText('Unblock: Firewall rules: 1 of 1 removed.');
  expect(sim.firewallRules()).toEqual([]);
  expect(requestsTo(sim, 'DELETE', 'firewall-control').map((r) => filterIdsOf(r))).toEqual([[ruleId]]);
  await expect(grid.getByLabel(`Select Block network ${DOMAIN}`)).toHaveCount(0);
});

test('a DELETE whose answer is lost after the commit is re-read: reported removed, sent once', async ({
  context,
  extensionId,
  sim,
}) => {
  plantBlocks(sim);
  const page = await connectAndSync(context, extensionId, sim);
  const grid = await openBlocks(page);
  sim.faults.add({ method: 'DELETE', path: 'restrictions', kind: 'status', status: 500, phase: 'after' });
  sim.faults.add({ method: 'DELETE', path: 'firewall-control', kind: 'status', status: 500, phase: 'after' });

  await grid.getByLabel(`Select Block execution ${HASH}`).check();
  await grid.getByLabel(`Select Block network ${DOMAIN}`).check();
  await page.getByRole('button', { name: 'Unblock selected…' }).click();
  sim.clearRequests();
  await page
    .getByRole('dialog', { name: 'Unblock selected' })
    .getByRole('button', { name: 'Unblock 2', exact: true })
    .click();
  await expect(actionStatus(page)).toHaveText(
    'Unblock: Blocklist items: 3 of 3 removed. Firewall rules: 1 of 1 removed.',
  );
  expect(requestsTo(sim, 'DELETE', 'restrictions').map((r) => r.status)).toEqual([500]);
  expect(requestsTo(sim, 'DELETE', 'firewall-control').map((r) => r.status)).toEqual([500]);
  // Each lost DELETE was followed by a read of the same ids.
  expect(requestsTo(sim, 'GET', 'restrictions').filter((r) => 'ids' in r.query)).toHaveLength(1);
  expect(requestsTo(sim, 'GET', 'firewall-control').filter((r) => 'ids' in r.query)).toHaveLength(1);
  expect(sim.blocklist().map((item) => item.value ?? item.sha256Value)).toEqual([OTHER_HASH]);
  expect(sim.firewallRules()).toEqual([]);
});
