/** The manager tab's connection form, as an analyst uses it. */
import type { BrowserContext, Page } from '@playwright/test';

export async function openOptionsPage(context: BrowserContext, extensionId: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  return page;
}

export async function fillConnection(
  page: Page,
  connection: { consoleUrl: string; apiToken: string; accountId: string },
): Promise<void> {
  await page.getByLabel('Console URL').fill(connection.consoleUrl);
  await page.getByLabel('API token').fill(connection.apiToken);
  await page.getByLabel('Account id').fill(connection.accountId);
}
