/** The manager tab, as an analyst uses it. */
import { type BrowserContext, expect, type Page } from '@playwright/test';
import type { Simulator } from '../../simulator';
import { CONSOLE_URL } from '../fixtures';
import { columnCells, columnOf, tableRows } from './tables';

export async function openOptionsPage(
  context: BrowserContext,
  extensionId: string,
  path = 'options.html',
): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/${path}`);
  return page;
}

export async function fillConnection(
  page: Page,
  connection: { consoleUrl: string; apiToken: string; accountId: string },
): Promise<void> {
  await page.getByLabel('Console URL', { exact: true }).fill(connection.consoleUrl);
  await page.getByLabel('API token', { exact: true }).fill(connection.apiToken);
  await page.getByLabel('Account id', { exact: true }).fill(connection.accountId);
}

/** Connection-screen fields beyond the three every connection needs. */
export interface ConnectionExtras {
  creatorEmail?: string;
  tagPrefix?: string;
}

/**
 * Saves the connection of a fresh install: the manager then shows the IOCs view, the first sync
 * under way or done. Back on Settings when `stayOnSettings`, as a spec that goes on there needs.
 */
export async function saveFirstConnection(page: Page, { stayOnSettings = false } = {}): Promise<void> {
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page).toHaveURL(/#iocs$/);
  await expect(page.getByRole('link', { name: 'IOCs', exact: true })).toHaveAttribute('aria-current', 'page');
  if (!stayOnSettings) return;
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  await expect(page.getByRole('form', { name: 'Connection' })).toBeVisible();
}

/** Connects to the simulator's default account, waits for the first sync, and shows the IOCs. */
export async function connectAndSync(
  context: BrowserContext,
  extensionId: string,
  sim: Simulator,
  extras: ConnectionExtras = {},
): Promise<Page> {
  const page = await openOptionsPage(context, extensionId);
  await fillConnection(page, {
    consoleUrl: CONSOLE_URL,
    apiToken: sim.defaultToken,
    accountId: sim.defaultAccountId,
  });
  if (extras.creatorEmail !== undefined)
    await page.getByLabel('Creator email', { exact: true }).fill(extras.creatorEmail);
  if (extras.tagPrefix !== undefined)
    await page.getByLabel('Tag prefix', { exact: true }).fill(extras.tagPrefix);
  await saveFirstConnection(page);
  await expect(page.getByRole('status', { name: 'Sync status' })).toHaveText(/^Complete as of /, {
    timeout: 30_000,
  });
  await expect(page.getByRole('grid', { name: 'IOCs' })).toBeVisible();
  return page;
}

/** The values in the grid's rendered rows, top to bottom. */
export async function visibleValues(page: Page): Promise<string[]> {
  return (await columnCells(page.getByRole('grid', { name: 'IOCs' }), 'Value')).allInnerTexts();
}

/** Where the Review's columns named `columns` sit, each found by its header. */
const reviewColumns = (page: Page, columns: string[]): Promise<number[]> =>
  Promise.all(columns.map((column) => columnOf(page.getByRole('table', { name: 'Review' }), column)));

/** The review table's rows as [value, type, status] — what the analyst reads before sending. */
export async function reviewRows(page: Page): Promise<Array<[string, string, string]>> {
  const [value, type, status] = await reviewColumns(page, ['Value', 'Type', 'Status']);
  // Read in one pass, so no row is redrawn between the columns.
  return tableRows(page, 'Review').evaluateAll(
    (rows, { value, type, status }) =>
      rows.map((row) => {
        const cells = row.querySelectorAll('td');
        return [
          cells[value]?.textContent ?? '',
          (cells[type]?.querySelector('select') as HTMLSelectElement | null)?.value ?? '',
          cells[status]?.textContent ?? '',
        ] as [string, string, string];
      }),
    { value: value as number, type: type as number, status: status as number },
  );
}

/** The values of the review rows whose Send box is ticked, top to bottom: what Submit would send. */
export async function tickedValues(page: Page): Promise<string[]> {
  const [send, value] = await reviewColumns(page, ['Send', 'Value']);
  return tableRows(page, 'Review').evaluateAll(
    (rows, { send, value }) =>
      rows
        .filter(
          (row) =>
            (row.querySelectorAll('td')[send]?.querySelector('input') as HTMLInputElement | null)?.checked,
        )
        .map((row) => row.querySelectorAll('td')[value]?.textContent ?? ''),
    { send: send as number, value: value as number },
  );
}

/** Settings → "Detect a single valid new IOC without the review" → Save, as the analyst does. */
export async function turnOnQuickDetect(manager: Page): Promise<void> {
  await manager.getByRole('link', { name: 'Settings' }).click();
  await manager.getByLabel('Detect a single valid new IOC without the review').check();
  await manager.getByRole('button', { name: 'Save' }).click();
  await expect(manager.getByRole('status', { name: 'Connection status' })).toHaveText(/Saved/);
}
