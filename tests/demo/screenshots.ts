/**
 * The pictures `npm run demo -- --headless` leaves behind, each view in the light and the dark
 * scheme (`manager-light.png`, `manager-dark.png`, …): the manager with rows, one IOC's detail and
 * edit dialogs, the Blocks tab, New IOCs with a review under way, Settings, the Activity log, the
 * review sheet the context menu opens, and the toolbar popup answering a look-up. Each is taken only
 * once what it shows is on screen, so none is blank; the scheme is switched with emulateMedia on the
 * same page, so nothing is synced or opened twice.
 */
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { Browser } from '../bench/session';
import { chooseMenuItem, openReportPage, selectText } from '../e2e/pages/report-page';
import { bodyRows, gridRows, tableRows } from '../e2e/pages/tables';
import type { Simulator } from '../simulator';

const TIMEOUT = { timeout: 15_000 };

export interface Shot {
  name: string;
  file: string;
}

export const VIEWS = [
  'manager',
  'detail',
  'edit',
  'blocks',
  'review',
  'settings',
  'log',
  'sheet',
  'popup',
] as const;
export const SCHEMES = ['light', 'dark'] as const;
export type Scheme = (typeof SCHEMES)[number];

export const SHOT_NAMES: readonly string[] = VIEWS.flatMap((view) =>
  SCHEMES.map((scheme) => `${view}-${scheme}`),
);

/** The scheme a shot's name says it was taken in. */
export function schemeOf(name: string): Scheme {
  return name.endsWith('-dark') ? 'dark' : 'light';
}

/** Values an analyst pastes: new, already in the console, repeated, private, and not an IOC at all. */
function reviewText(known: string): string {
  return ['45.77.12.9', known.replaceAll('.', '[.]'), '45.77.12.9', '10.1.2.3', '300.1.1.1'].join('\n');
}

/**
 * Takes every screenshot into `outDir`; `manager` is the connected manager tab, and the simulator
 * holds a Blocklist item and a firewall rule for the Blocks tab.
 */
export async function takeScreenshots(
  browser: Browser,
  manager: Page,
  sim: Simulator,
  outDir: string,
  onStep: (label: string) => void,
): Promise<Shot[]> {
  const shots: Shot[] = [];
  /** The page as it is now, in both schemes; leaves it in the light one. */
  async function shoot(page: Page, view: (typeof VIEWS)[number], fullPage = false): Promise<void> {
    for (const scheme of SCHEMES) {
      const name = `${view}-${scheme}`;
      const file = path.join(outDir, `${name}.png`);
      await page.emulateMedia({ colorScheme: scheme });
      await page.screenshot({ path: file, fullPage });
      shots.push({ name, file });
    }
    await page.emulateMedia({ colorScheme: 'light' });
  }

  onStep('manager with rows');
  const rows = gridRows(manager, 'IOCs');
  await rows.nth(10).waitFor(TIMEOUT);
  await shoot(manager, 'manager');

  onStep('detail and edit dialogs (double-click a row, then Edit…)');
  await rows.nth(2).dblclick();
  const detail = manager.getByRole('dialog');
  await detail.locator('pre').waitFor(TIMEOUT);
  await shoot(manager, 'detail');
  await detail.getByRole('button', { name: 'Edit…' }).click();
  const edit = manager.getByRole('dialog', { name: /^Edit / });
  await edit.getByLabel('Name', { exact: true }).waitFor(TIMEOUT);
  await shoot(manager, 'edit');
  // Escape closes the edit dialog, then the detail if it is still open beneath it.
  await manager.keyboard.press('Escape');
  await edit.waitFor({ state: 'detached', ...TIMEOUT });
  if (await manager.getByRole('dialog').isVisible()) await manager.keyboard.press('Escape');
  await manager.getByRole('dialog').waitFor({ state: 'detached', ...TIMEOUT });

  onStep('Blocks tab');
  await manager.getByRole('link', { name: 'Blocks', exact: true }).click();
  await gridRows(manager, 'Blocks').first().waitFor(TIMEOUT);
  await shoot(manager, 'blocks');

  onStep('New IOCs with a review under way');
  const known = sim.iocs().find((ioc) => ioc.type === 'DNS');
  if (!known) throw new Error('The simulator holds no DNS IOC to look up');
  await manager.getByRole('link', { name: 'New IOCs' }).click();
  await manager.getByLabel(/^Values or text/).fill(reviewText(known.value));
  await tableRows(manager, 'Review').nth(4).waitFor(TIMEOUT);
  await shoot(manager, 'review');

  onStep('Settings');
  await manager.getByRole('link', { name: 'Settings' }).click();
  await manager.getByLabel('Console URL', { exact: true }).waitFor(TIMEOUT);
  await shoot(manager, 'settings');

  onStep('Activity log');
  await manager.getByRole('link', { name: 'Activity log' }).click();
  await bodyRows(manager.getByRole('region', { name: 'Activity log' }).getByRole('table'))
    .first()
    .waitFor(TIMEOUT);
  await shoot(manager, 'log');

  onStep('review sheet (context menu "Add to SentinelOne…" on a report)');
  // The menu click reaches the extension's own onClicked listener (tests/e2e/context-menu.spec.ts).
  const report = await openReportPage(browser.context);
  const selectionText = await selectText(report, '#report');
  const sheetOpened = browser.context.waitForEvent('page', {
    predicate: (page) => page.url().includes('/sheet.html'),
    ...TIMEOUT,
  });
  await chooseMenuItem(browser.worker, 'add-to-s1', { selectionText });
  const sheet = await sheetOpened;
  await tableRows(sheet, 'Review').first().waitFor(TIMEOUT);
  await shoot(sheet, 'sheet', true);

  onStep('popup answering a lookup');
  // A cached domain, typed defanged as an analyst pastes it, and an address the console lacks.
  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 420, height: 600 });
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  await popup.getByLabel(/^Look up values/).fill(`${known.value.replaceAll('.', '[.]')}\n45.77.12.9`);
  await popup
    .getByRole('list', { name: 'Answers' })
    .getByRole('listitem')
    // exact: "Not in SentinelOne" (the address's answer) would match a plain hasText.
    .filter({ has: popup.getByText('In SentinelOne', { exact: true }) })
    .waitFor(TIMEOUT);
  // Chrome sizes a popup to its document (up to 800 px wide); body.popup is 420 px plus the shared
  // page padding, so a bare 420 px page would cut off the right-hand column.
  const width = await popup.evaluate(() => document.documentElement.scrollWidth);
  await popup.setViewportSize({ width: Math.min(Math.max(width, 420), 800), height: 600 });
  await shoot(popup, 'popup');
  return shots;
}
