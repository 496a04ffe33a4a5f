import { expect, test } from './fixtures';
import { connectAndSync } from './pages/options-page';

test.use({ simOptions: { iocs: 0 } });

test('a pasted list becomes reviewed rows, and Submit stores exactly the valid ones with the right fields', async ({
  context,
  extensionId,
  sim,
}) => {
  const page = await connectAndSync(context, extensionId, sim);
  await page.getByRole('link', { name: 'New IOCs' }).click();
  await page
    .getByLabel(/^Values or text/)
    .fill(
      'evil-login[.]acme-phish[.]ru, 45.77.12.9, 44D88612FEA8A8F36DE82E1278ABB02F\n300.1.1.1\n10.1.2.3\n45.77.12.9',
    );
  const review = page.getByRole('table', { name: 'Review' });
  await expect(review.locator('tbody tr')).toHaveCount(6);
  await expect(review).toContainText('Invalid');
  await expect(review).toContainText('Duplicate in the input');
  await page.getByLabel('Name', { exact: true }).fill('Campaign 42');
  await page.getByRole('button', { name: 'Submit 3' }).click();
  await expect(page.getByRole('status', { name: 'Submit status' })).toHaveText('3 of 3 stored.');

  const held = sim.iocs(sim.defaultAccountId).sort((a, b) => (a.value < b.value ? -1 : 1));
  expect(held.map((ioc) => [ioc.type, ioc.value, ioc.name, ioc.method, ioc.source])).toEqual([
    ['MD5', '44d88612fea8a8f36de82e1278abb02f', 'Campaign 42', 'EQUALS', 'S1 IOC Manager'],
    ['IPV4', '45.77.12.9', 'Campaign 42', 'EQUALS', 'S1 IOC Manager'],
    ['DNS', 'evil-login.acme-phish.ru', 'Campaign 42', 'EQUALS', 'S1 IOC Manager'],
  ]);
  const posts = sim.requests().filter((r) => r.method === 'POST');
  expect(posts).toHaveLength(1);
});
