/**
 * Blocks end to end, renewing Block network: a domain blocked through New IOCs is renewed from the
 * Blocks tab for 20 days; the console's rule then carries the new expiry in its description, and the
 * Blocks tab shows it once the sync the renewal started has mirrored it.
 */
import { expect, test } from './fixtures';
import { connectAndSync } from './pages/options-page';
import { HASHES, pasteForReview, requestsTo, submit, submitStatus } from './pages/review-blocks';
import { bodyRows, cellOf } from './pages/tables';

test.use({ simOptions: { iocs: 0, now: new Date().toISOString() } });

const DAY_MS = 86_400_000;
const dateIn = (days: number, from: number) => new Date(from + days * DAY_MS).toISOString().slice(0, 10);

test('a domain blocked through New IOCs is renewed for 20 days from the Blocks tab', async ({
  context,
  extensionId,
  sim,
}) => {
  const page = await connectAndSync(context, extensionId, sim);
  const domain = 'c2.renew-me.top';
  await pasteForReview(page, domain, 1);
  await page.getByLabel(`Block network for ${domain}`, { exact: true }).check();
  await submit(page);
  await expect(submitStatus(page)).toHaveText('Detect: 1 of 1 stored. Block network: 1 of 1 blocked.');
  const [rule] = sim.firewallRules();
  const expiryOf = () => /\[expires ([^\]]+)\]$/.exec(sim.firewallRules()[0]?.description ?? '')?.[1] ?? '';
  const first = expiryOf();
  // The IOC's validity (30 days by default).
  expect(Date.parse(first) - Date.now()).toBeGreaterThan(29 * DAY_MS);

  await page.getByRole('link', { name: 'Blocks', exact: true }).click();
  const blocks = page.getByRole('grid', { name: 'Blocks' });
  const select = blocks.getByLabel(`Select Block network ${domain}`, { exact: true });
  // The inner locator of `has` is queried from each row, so it names the checkbox from the page.
  const row = bodyRows(blocks).filter({
    has: page.getByLabel(`Select Block network ${domain}`, { exact: true }),
  });
  // The header's button names the column "Sort by Until".
  const until = await cellOf(row, blocks, 'Sort by Until');
  await expect(until).toHaveText(`until ${first.slice(0, 10)}`);

  // From the selection, by keyboard as far as the dialog goes.
  await select.check();
  await page.getByRole('button', { name: 'Renew selected…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Renew Block network' });
  await expect(dialog).toContainText(`Keep the rule for ${domain} (now until ${first.slice(0, 10)})`);
  const days = dialog.getByRole('spinbutton', { name: 'Days from now' });
  // The Settings validity for domains (30 by default).
  await expect(days).toHaveValue('30');
  await days.fill('0');
  await expect(dialog.getByRole('status', { name: 'New expiry' })).toHaveText(
    'Enter a whole number of days from 1 to 180.',
  );
  await expect(dialog.getByRole('button', { name: 'Renew', exact: true })).toBeDisabled();
  const before = Date.now();
  await days.fill('20');
  await expect(dialog.getByRole('status', { name: 'New expiry' })).toHaveText(`Until ${dateIn(20, before)}.`);
  sim.clearRequests();
  await days.press('Enter');
  const outcome = dialog.getByRole('status', { name: 'Renew outcome' });
  await expect(outcome).toHaveText(/^Block network renewed: 1 rule until \d{4}-\d{2}-\d{2}\.$/);
  const after = Date.now();

  // The console's rule: the same rule, one PUT, the new expiry 20 days from the press.
  const renewed = expiryOf();
  expect(Date.parse(renewed)).toBeGreaterThanOrEqual(before + 20 * DAY_MS - 1_000);
  expect(Date.parse(renewed)).toBeLessThanOrEqual(after + 20 * DAY_MS);
  expect(sim.firewallRules().map((r) => r.id)).toEqual([rule?.id]);
  expect(sim.firewallRules()[0]?.description).toMatch(/^Blocked by .* with S1 IOC Manager\./);
  expect(requestsTo(sim, 'PUT', `firewall-control/${rule?.id}`)).toHaveLength(1);
  expect(requestsTo(sim, 'POST', 'firewall-control')).toHaveLength(0);
  await expect(outcome).toHaveText(`Block network renewed: 1 rule until ${renewed.slice(0, 10)}.`);

  // The Close button has the focus; the Blocks tab shows the new date after the sync.
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('status', { name: 'Action status' })).toHaveText(
    `Block network renewed: 1 rule until ${renewed.slice(0, 10)}.`,
  );
  await expect(until).toHaveText(`until ${renewed.slice(0, 10)}`, { timeout: 20_000 });

  // The rule's detail offers the same; Cancel sends nothing.
  await blocks.getByRole('button', { name: `Details of Block network ${domain}`, exact: true }).click();
  const detail = page.getByRole('dialog', { name: `Block network ${domain}` });
  await detail.getByRole('button', { name: 'Renew…' }).click();
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Renew', exact: true })).toBeEnabled();
  sim.clearRequests();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  expect(requestsTo(sim, 'PUT', `firewall-control/${rule?.id}`)).toHaveLength(0);
});

test('a hash has no expiry: Renew leaves it out of a selection, and its detail says why', async ({
  context,
  extensionId,
  sim,
}) => {
  const page = await connectAndSync(context, extensionId, sim);
  const domain = 'c2.renew-mixed.top';
  const sha256 = HASHES.sha256.toLowerCase();
  await pasteForReview(page, `${domain}\n${HASHES.sha256}`, 2);
  await page.getByLabel(`Block network for ${domain}`, { exact: true }).check();
  await submit(page);
  await expect(submitStatus(page)).toHaveText(
    'Detect: 2 of 2 stored. Block execution: 3 of 3 blocked. Block network: 1 of 1 blocked.',
  );

  await page.getByRole('link', { name: 'Blocks', exact: true }).click();
  const blocks = page.getByRole('grid', { name: 'Blocks' });
  await expect(page.getByRole('heading', { level: 2 })).toHaveText(
    '1 hash with Block execution · 1 Block network rule',
  );
  // The hash alone: nothing to renew.
  const selectHash = blocks.getByLabel(`Select Block execution ${sha256}`);
  await selectHash.check();
  await expect(page.getByRole('button', { name: 'Renew selected…' })).toBeDisabled();

  await blocks.getByLabel(`Select Block network ${domain}`, { exact: true }).check();
  await page.getByRole('button', { name: 'Renew selected…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Renew Block network' });
  await expect(dialog).toContainText(`Keep the rule for ${domain}`);
  await expect(dialog).toContainText(
    '1 hash in the selection left out: the Blocklist has no expiry, it blocks until unblocked.',
  );
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);

  await blocks.getByRole('button', { name: `Details of Block execution ${sha256}` }).click();
  const detail = page.getByRole('dialog', { name: /^Block execution / });
  await expect(detail).toContainText('The Blocklist has no expiry: it blocks until unblocked.');
  await expect(detail.getByRole('button', { name: 'Renew…' })).toHaveCount(0);
  await detail.getByRole('button', { name: 'Close' }).click();
  // Nothing was renewed: no rule changed on the console.
  expect(sim.requests().filter((r) => r.method === 'PUT')).toEqual([]);
});
