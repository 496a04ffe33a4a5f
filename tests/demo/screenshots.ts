/**
 * The four pictures `npm run demo -- --headless` leaves behind: the manager with
 * rows, one IOC's detail dialog, the review sheet the context menu opens, and the toolbar popup
 * answering a lookup. Each is taken only once what it shows is on screen, so none is blank.
 */
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { Browser } from '../bench/session';
import { chooseMenuItem, openReportPage, selectText } from '../e2e/pages/report-page';
import type { Simulator } from '../simulator';

const TIMEOUT = { timeout: 15_000 };

export interface Shot {
  name: string;
  file: string;
}

export const SHOT_NAMES = ['manager', 'detail', 'sheet', 'popup'] as const;

/** Takes the four screenshots into `outDir`; `manager` is the connected manager tab. */
export async function takeScreenshots(
  browser: Browser,
  manager: Page,
  sim: Simulator,
  outDir: string,
  onStep: (label: string) => void,
): Promise<Shot[]> {
  const file = (name: string) => path.join(outDir, `${name}.png`);
  const shots: Shot[] = [];

  onStep('manager with rows');
  const rows = manager.locator('.ioc-grid tbody tr');
  await rows.nth(10).waitFor(TIMEOUT);
  await manager.screenshot({ path: file('manager') });
  shots.push({ name: 'manager', file: file('manager') });

  onStep('detail dialog (double-click a row)');
  await rows.nth(2).dblclick();
  const dialog = manager.getByRole('dialog');
  await dialog.locator('pre').waitFor(TIMEOUT);
  await manager.screenshot({ path: file('detail') });
  shots.push({ name: 'detail', file: file('detail') });
  await dialog.getByRole('button', { name: 'Close' }).click();

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
  await sheet.getByRole('table', { name: 'Review' }).locator('tbody tr').first().waitFor(TIMEOUT);
  await sheet.screenshot({ path: file('sheet'), fullPage: true });
  shots.push({ name: 'sheet', file: file('sheet') });

  onStep('popup answering a lookup');
  // A cached domain, typed defanged as an analyst pastes it, and an address the console lacks.
  const cached = sim.iocs().find((ioc) => ioc.type === 'DNS');
  if (!cached) throw new Error('The simulator holds no DNS IOC to look up');
  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 420, height: 600 });
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  await popup.getByLabel(/^Look up values/).fill(`${cached.value.replaceAll('.', '[.]')}\n45.77.12.9`);
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
  await popup.screenshot({ path: file('popup') });
  shots.push({ name: 'popup', file: file('popup') });
  return shots;
}
