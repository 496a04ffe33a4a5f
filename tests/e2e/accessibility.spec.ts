/**
 * axe-core on every view of the extension, in the light and the dark scheme: the manager's IOCs with
 * rows, an IOC's detail and edit dialogs, the Blocks tab and a block's detail, New IOCs with a review
 * under way, Settings, the Activity log, the popup empty, not connected and answering, and the
 * review sheet the context menu opens. No serious or critical WCAG 2.1 A/AA violation in any of them
 * (pages/axe.ts). Each view is checked where the flow shows it, so what axe sees is what an analyst
 * sees; the checks are soft, so one run lists every failing view.
 */
import type { Page } from '@playwright/test';
import type { Simulator } from '../simulator';
import { expect, test } from './fixtures';
import { expectAccessibleInBothSchemes } from './pages/axe';
import { blockOnConsole, createOnConsole, firewallRuleOnConsole } from './pages/console-api';
import { connectAndSync, visibleValues } from './pages/options-page';
import { addSelectionToS1, openReportPage } from './pages/report-page';
import { HASHES } from './pages/review-blocks';
import { bodyRows, tableRows } from './pages/tables';

test.use({ simOptions: { iocs: 0, now: new Date().toISOString() } });
// Each axe run takes a few seconds on a small, busy machine, and the manager's test makes fourteen.
test.describe.configure({ timeout: 240_000 });

const DOMAIN = 'evil-cdn.badcorp.top';
const BLOCKED_DOMAIN = 'c2.badcorp.top';
const IN_30_DAYS = new Date(Date.now() + 30 * 86_400_000).toISOString();

/** IOCs of several types and states, a hash on the Blocklist and the extension's firewall rule. */
async function plantConsole(sim: Simulator, simPort: number): Promise<void> {
  await createOnConsole(sim, simPort, [
    { type: 'DNS', value: DOMAIN, source: 'MISP', method: 'EQUALS', name: 'Staging' },
    {
      type: 'IPV4',
      value: '45.77.12.9',
      source: 'MISP',
      method: 'EQUALS',
      name: 'C2',
      originalRiskScore: 80,
    },
    {
      type: 'URL',
      value: 'https://login-verify.badcorp.top/owa/auth.php',
      source: 'Recorded Future',
      method: 'EQUALS',
      validUntil: new Date(Date.now() - 86_400_000).toISOString(),
    },
    { type: 'SHA256', value: HASHES.sha256b, source: 'VirusTotal', method: 'EQUALS' },
  ]);
  blockOnConsole(sim, [
    { osType: 'windows', sha256Value: HASHES.sha256.toLowerCase() },
    { osType: 'linux', sha256Value: HASHES.sha256.toLowerCase() },
  ]);
  firewallRuleOnConsole(sim, [
    {
      name: `S1 IOC Manager: ${BLOCKED_DOMAIN}`,
      description: `Blocked by analyst@acme.example with S1 IOC Manager. [expires ${IN_30_DAYS}]`,
      direction: 'outbound',
      remoteHosts: [{ type: 'fqdn', values: [BLOCKED_DOMAIN] }],
    },
  ]);
}

async function openPopup(page: Page, extensionId: string): Promise<void> {
  await page.setViewportSize({ width: 440, height: 600 });
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(page.getByLabel(/^Look up values/)).toBeFocused();
}

test('the manager’s views and dialogs have no serious or critical axe violations, light and dark', async ({
  context,
  extensionId,
  sim,
  simPort,
}) => {
  await plantConsole(sim, simPort);
  const page = await connectAndSync(context, extensionId, sim);
  await expect.poll(() => visibleValues(page).then((values) => values.length)).toBe(4);
  await expectAccessibleInBothSchemes(page, 'IOCs');

  await page.getByRole('grid', { name: 'IOCs' }).focus();
  await page.keyboard.press('Enter');
  const detail = page.getByRole('dialog', { name: /^[A-Z0-9]+ / });
  await expect(detail.locator('pre')).toContainText('"uuid"');
  await expectAccessibleInBothSchemes(page, 'IOC detail dialog');

  await detail.getByRole('button', { name: 'Edit…' }).click();
  const edit = page.getByRole('dialog', { name: /^Edit / });
  await expect(edit.getByLabel('Name', { exact: true })).toBeVisible();
  await expectAccessibleInBothSchemes(page, 'IOC edit dialog');
  await page.keyboard.press('Escape');
  await expect(edit).toHaveCount(0);
  if (await detail.isVisible()) await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  await page.getByRole('link', { name: 'Blocks', exact: true }).click();
  const blocks = page.getByRole('grid', { name: 'Blocks' });
  await expect(blocks.getByLabel(`Select Block network ${BLOCKED_DOMAIN}`)).toBeVisible();
  await expectAccessibleInBothSchemes(page, 'Blocks');

  await blocks
    .getByRole('button', { name: `Details of Block network ${BLOCKED_DOMAIN}`, exact: true })
    .click();
  const blockDetail = page.getByRole('dialog', { name: `Block network ${BLOCKED_DOMAIN}` });
  await expect(blockDetail).toBeVisible();
  await expectAccessibleInBothSchemes(page, 'block detail dialog');
  await page.keyboard.press('Escape');
  await expect(blockDetail).toHaveCount(0);

  // A review under way: a new address, a known domain, a repeat, a private address, an invalid one.
  await page.getByRole('link', { name: 'New IOCs' }).click();
  await page.getByLabel(/^Values or text/).fill(`45.77.12.10\n${DOMAIN}\n45.77.12.10\n10.1.2.3\n300.1.1.1`);
  const review = page.getByRole('table', { name: 'Review' });
  await expect(bodyRows(review)).toHaveCount(5);
  await expectAccessibleInBothSchemes(page, 'New IOCs review');

  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByLabel('Console URL', { exact: true })).toBeVisible();
  await expectAccessibleInBothSchemes(page, 'Settings');

  await page.getByRole('link', { name: 'Activity log' }).click();
  const log = page.getByRole('region', { name: 'Activity log' });
  await expect(log).toContainText('sync');
  await expectAccessibleInBothSchemes(page, 'Activity log');
});

test('the popup, not connected, empty and answering, has no serious or critical axe violations, light and dark', async ({
  context,
  extensionId,
  sim,
  simPort,
}) => {
  await plantConsole(sim, simPort);
  const before = await context.newPage();
  await openPopup(before, extensionId);
  await expect(before.getByRole('button', { name: 'Open the connection screen' })).toBeVisible();
  await expectAccessibleInBothSchemes(before, 'popup not connected');
  await before.close();

  const manager = await connectAndSync(context, extensionId, sim);
  await manager.close();
  const popup = await context.newPage();
  await openPopup(popup, extensionId);
  await expect(popup.getByRole('status', { name: 'Sync status' })).toHaveText(/^Complete as of /);
  await expectAccessibleInBothSchemes(popup, 'popup empty');

  const answers = popup.getByRole('list', { name: 'Answers' }).getByRole('listitem');
  await popup.getByLabel(/^Look up values/).fill(DOMAIN.replaceAll('.', '[.]'));
  await expect(answers).toHaveCount(1);
  await expect(answers.getByText('In SentinelOne', { exact: true })).toBeVisible();
  await expectAccessibleInBothSchemes(popup, 'popup, an answer found');

  await popup.getByLabel(/^Look up values/).fill('45.77.12.200');
  await expect(answers).toHaveCount(1);
  await expect(answers.getByText('Not in SentinelOne', { exact: true })).toBeVisible();
  await expectAccessibleInBothSchemes(popup, 'popup, an answer not found');
});

test('the review sheet the context menu opens has no serious or critical axe violations, light and dark', async ({
  context,
  extensionId,
  serviceWorker,
  sim,
}) => {
  await connectAndSync(context, extensionId, sim);
  const sheet = await addSelectionToS1(serviceWorker, await openReportPage(context), '#report');
  await expect(tableRows(sheet, 'Review')).toHaveCount(5);
  await expectAccessibleInBothSchemes(sheet, 'review sheet');
});
