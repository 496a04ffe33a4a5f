/**
 * The manager's single-key shortcuts, pressed as an analyst presses them: "/" to the Value filter,
 * "n" to New IOCs, "g" to grab what changed, "?" for the list. Typed into a field, a key is text.
 */
import { expect, test } from './fixtures';
import { connectAndSync } from './pages/options-page';

test('/ focuses the Value filter, n opens New IOCs, g syncs, ? lists them; in a field they are text', async ({
  context,
  extensionId,
  sim,
}) => {
  const page = await connectAndSync(context, extensionId, sim);
  const valueFilter = page.getByLabel('Value', { exact: true });
  const newIocs = page.getByRole('region', { name: 'New IOCs' });

  await page.keyboard.press('/');
  await expect(valueFilter).toBeFocused();
  // The "/" itself is not typed, and "n" typed there filters instead of switching views.
  await page.keyboard.type('n');
  await expect(valueFilter).toHaveValue('n');
  await expect(page).toHaveURL(/#iocs/);
  await expect(newIocs).toHaveCount(0);
  await valueFilter.fill('');

  await valueFilter.blur();
  await page.keyboard.press('n');
  await expect(page).toHaveURL(/#new$/);
  await expect(newIocs).toBeVisible();
  // From another view, "/" goes back to the IOCs and their filter.
  await page.keyboard.press('/');
  await expect(page).toHaveURL(/#iocs$/);
  await expect(valueFilter).toBeFocused();
  await valueFilter.blur();

  // "g" asks the console for what changed, as the button does; with Ctrl held it is the browser's.
  const listed = () =>
    sim.requests().filter((r) => r.method === 'GET' && r.path.endsWith('/threat-intelligence/iocs')).length;
  sim.clearRequests();
  await page.keyboard.press('Control+g');
  await page.waitForTimeout(500);
  expect(listed()).toBe(0);
  await page.keyboard.press('g');
  await expect.poll(listed).toBeGreaterThan(0);
  await expect(page.getByRole('status', { name: 'Sync status' })).toHaveText(/^Complete as of /, {
    timeout: 30_000,
  });

  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await page.keyboard.press('?');
  await expect(dialog).toBeVisible();
  for (const key of ['/', 'n', 'g', '?', 'Ctrl+Shift+Y'])
    await expect(
      dialog.getByRole('row', { name: new RegExp(`^${key.replace(/[?/+]/g, '\\$&')} `) }),
    ).toHaveCount(1);
  await expect(dialog).toContainText('chrome://extensions/shortcuts');
  // While it is open the page behind takes no shortcut.
  await page.keyboard.press('n');
  await expect(page).toHaveURL(/#iocs$/);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);

  // The same list from the header, for those who do not know "?".
  await page.getByRole('button', { name: 'Keyboard shortcuts (?)' }).click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toHaveCount(0);
});
