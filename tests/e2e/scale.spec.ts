import { expect, test } from './fixtures';
import { connectAndSync } from './pages/options-page';
import { activeRow, cellOf, gridRows } from './pages/tables';

test.use({ simOptions: { iocs: 5000 } });

test('5,000 IOCs: only the rows in view are in the page, and the keyboard reaches the last', async ({
  context,
  extensionId,
  sim,
}) => {
  const page = await connectAndSync(context, extensionId, sim);
  await expect(page.getByRole('status', { name: 'Shown IOCs' })).toHaveText('5,000 of 5,000 IOCs');
  const rendered = await gridRows(page, 'IOCs').count();
  expect(rendered).toBeGreaterThan(10);
  expect(rendered).toBeLessThan(80);
  await page.screenshot({ path: test.info().outputPath('manager-5000.png') });

  await page.getByRole('button', { name: 'Value' }).click();
  const last = sim
    .iocs(sim.defaultAccountId)
    .map((ioc) => ioc.value)
    .sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0))
    .at(-1);
  const grid = page.getByRole('grid', { name: 'IOCs' });
  await grid.focus();
  await page.keyboard.press('End');
  // The active row is the one aria-activedescendant names, read again until the move is drawn.
  await expect(async () => {
    const active = await activeRow(grid);
    await expect(await cellOf(active, grid, 'Value')).toHaveText(last ?? '', { timeout: 1_000 });
    await expect(active).toBeInViewport({ timeout: 1_000 });
  }).toPass({ timeout: 10_000 });
  expect(await gridRows(page, 'IOCs').count()).toBeLessThan(80);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toContainText(last ?? '');
});

test('the cached IOCs stay visible and usable when the token expires and when the console is gone', async ({
  context,
  extensionId,
  sim,
}) => {
  const page = await connectAndSync(context, extensionId, sim);
  sim.tokens.expire(sim.defaultToken);
  await page.getByRole('button', { name: /Grab the IOC/ }).click();
  await expect(page.getByRole('status', { name: 'Sync status' })).toHaveText(
    /^Last sync failed: The API token is invalid or has expired/,
  );
  await page.getByLabel('Type').selectOption('SHA256');
  const sha256 = sim.iocs(sim.defaultAccountId).filter((ioc) => ioc.type === 'SHA256').length;
  await expect(page.getByRole('status', { name: 'Shown IOCs' })).toHaveText(
    `${sha256.toLocaleString('en-US')} of 5,000 IOCs`,
  );
  await page.screenshot({ path: test.info().outputPath('manager-token-expired.png') });
});
