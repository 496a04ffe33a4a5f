/**
 * The console keeps an IOC's value as it was sent and upserts on type + value + source. An IOC held as
 * `2001:db8:0:1eb7::0dc4` or `Evil-Login.Acme-Phish.RU` is found by the review whatever form the
 * analyst pastes, and Submit must then update that IOC, not create a second one beside it.
 */
import type { IocDraft } from '../../lib/s1/schemas';
import { expect, test } from './fixtures';
import { createOnConsole } from './pages/console-api';
import { connectAndSync, reviewRows } from './pages/options-page';

test.use({ simOptions: { iocs: 0 } });

const SHA256 = 'beab9fadb100a44b3bc8ea4df3249aa6d93e710193be437adb5e47c2e201c1ef';

/** Each IOC as another console user sent it, and the form the analyst pastes. */
const CASES: Array<{ held: IocDraft; pasted: string }> = [
  {
    held: { type: 'IPV6', value: '2001:db8:0:1eb7::0dc4', source: 'MISP', method: 'EQUALS', name: 'Old C2' },
    pasted: '2001:db8:0:1eb7::dc4',
  },
  {
    held: {
      type: 'DNS',
      value: 'Evil-Login.Acme-Phish.RU',
      source: 'MISP',
      method: 'EQUALS',
      name: 'Old C2',
    },
    pasted: 'evil-login.acme-phish.ru',
  },
  {
    held: {
      type: 'SHA256',
      value: SHA256.toUpperCase(),
      source: 'MISP',
      method: 'EQUALS',
      name: 'Old loader',
    },
    pasted: SHA256,
  },
];

test('a value held in another form is updated in place, not stored a second time', async ({
  context,
  extensionId,
  sim,
  simPort,
}) => {
  await createOnConsole(
    sim,
    simPort,
    CASES.map((c) => c.held),
  );
  const before = new Map(sim.iocs(sim.defaultAccountId).map((ioc) => [ioc.value, ioc.uuid]));
  const page = await connectAndSync(context, extensionId, sim);
  await page.getByRole('link', { name: 'New IOCs' }).click();
  await page.getByLabel(/^Values or text/).fill(CASES.map((c) => c.pasted).join('\n'));

  // Each row says it updates the IOC as held; the documentation-range IPv6 is warned, so the analyst ticks it.
  await expect.poll(() => reviewRows(page).then((rows) => rows.length)).toBe(CASES.length);
  const statuses = (await reviewRows(page)).map(([, , status]) => status);
  CASES.forEach(({ held }, i) => {
    expect(statuses[i]).toMatch(
      new RegExp(`^Already in SentinelOne as ${held.value.replace(/\./g, '\\.')} \\(`),
    );
  });
  await page.getByLabel('Send 2001:db8:0:1eb7::dc4').check();
  await page.getByLabel('Name', { exact: true }).fill('Campaign 42');
  await page.getByRole('button', { name: `Submit ${CASES.length}` }).click();
  await expect(page.getByRole('status', { name: 'Submit status' })).toContainText(
    `Detect: ${CASES.length} of ${CASES.length} stored.`,
  );

  const after = sim.iocs(sim.defaultAccountId);
  expect(after).toHaveLength(CASES.length);
  for (const { held } of CASES) {
    const same = after.filter((ioc) => ioc.type === held.type && ioc.value === held.value);
    expect(same, `${held.value}: one IOC, the one held`).toHaveLength(1);
    expect(same[0]).toMatchObject({ uuid: before.get(held.value), source: 'MISP', name: 'Campaign 42' });
  }
});
