/**
 * The never-block list from Settings to the console: an entry the analyst adds is warned and left
 * unticked in the review, and even ticked anyway it is refused by the worker, so the console never
 * receives it while the other value of the same submission is stored.
 */
import { expect, test } from './fixtures';
import { connectAndSync, reviewRows, tickedValues } from './pages/options-page';

test.use({ simOptions: { iocs: 0 } });

const OWN = 'payroll-acme-corp.com';
const EVIL = 'evil-cdn.badcorp.top';

test('a value on the never-block list is warned, and even ticked it never reaches the console', async ({
  context,
  extensionId,
  sim,
}) => {
  const page = await connectAndSync(context, extensionId, sim);
  await page.getByRole('link', { name: 'Settings' }).click();
  const entries = page.getByLabel(/one a line$/);
  const status = page.getByRole('status', { name: 'Connection status' });

  // A bad entry is named in place, and Save refuses until it reads.
  await entries.fill(`${OWN.replace('.com', ' com')}`);
  await expect(page.getByRole('alert', { name: 'Never-block problems' })).toHaveText(
    'Never-block entry "payroll-acme-corp com": one entry per line, without spaces.',
  );
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(status).toHaveText(
    'Never-block entry "payroll-acme-corp com": one entry per line, without spaces.',
  );
  // Written defanged, as copied from a report.
  await entries.fill('payroll-acme-corp[.]com');
  await expect(page.getByRole('alert', { name: 'Never-block problems' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(status).toHaveText('Saved.');

  await page.getByRole('link', { name: 'New IOCs' }).click();
  await page
    .getByLabel(/^Values or text/)
    .fill(`Block evil-cdn[.]badcorp[.]top now; payroll-acme-corp[.]com is ours.`);
  await expect
    .poll(() => reviewRows(page))
    .toEqual([
      [EVIL, 'DNS', 'Valid'],
      [
        OWN,
        'DNS',
        "Valid — warning: on the never-block list (the organisation's own values): the extension refuses to send it, even ticked",
      ],
    ]);
  expect(await tickedValues(page)).toEqual([EVIL]);

  // The analyst ticks it anyway: the worker is the last word.
  await page.getByRole('checkbox', { name: `Send ${OWN}` }).check();
  await page.getByRole('button', { name: 'Submit 2' }).click();
  const refusal = 'On the never-block list (payroll-acme-corp[.]com): not sent.';
  await expect(page.getByRole('row', { name: new RegExp(OWN) })).toContainText(
    `Detect: Rejected: ${refusal}`,
  );
  await expect(page.getByRole('row', { name: new RegExp(EVIL) })).toContainText('Detect: Stored');
  // Refused for good: its row is unticked, so pressing again would not send it.
  expect(await tickedValues(page)).toEqual([EVIL]);

  expect(sim.iocs(sim.defaultAccountId).map((ioc) => ioc.value)).toEqual([EVIL]);
  const sent = sim
    .requests()
    .filter((r) => r.method !== 'GET')
    .map((r) => `${r.path} ${JSON.stringify(r.body ?? '')}`)
    .join('\n');
  expect(sent).toContain(EVIL);
  expect(sent).not.toContain('payroll-acme-corp');
});
