import type { Page } from '@playwright/test';
import type { IocDraft } from '../../lib/s1/schemas';
import { expect, test } from './fixtures';
import { expectAccessibleInBothSchemes } from './pages/axe';
import { createOnConsole } from './pages/console-api';
import { connectAndSync, visibleValues } from './pages/options-page';

/*
 * The context fields (severity, labels, threat actors…) as the analyst sets them on New IOCs, changes
 * them in the edit, keeps them through a renew and reads them in the detail, asserted on what the
 * simulator then holds.
 */
test.use({ simOptions: { iocs: 0 } });
// Two of the tests run axe in both schemes, a few seconds each on a small, busy machine.
test.describe.configure({ timeout: 150_000 });

const HELD: IocDraft = {
  type: 'DNS',
  value: 'evil-cdn.badcorp.top',
  source: 'MISP',
  method: 'EQUALS',
  name: 'Stage',
  severity: 4,
  threatActors: ['APT28', 'Sofacy'],
  malwareNames: ['X-Agent'],
  labels: ['phishing'],
  validUntil: new Date(Date.now() + 86_400_000).toISOString(),
};

async function openDetail(page: Page) {
  await expect.poll(() => visibleValues(page)).toEqual([HELD.value]);
  await page.getByRole('grid', { name: 'IOCs' }).focus();
  await page.keyboard.press('Enter');
  return page.getByRole('dialog', { name: /DNS evil-cdn\.badcorp\.top/ });
}

test('New IOCs: the Context group sends severity, threat actors and labels with every IOC', async ({
  context,
  extensionId,
  sim,
}) => {
  const page = await connectAndSync(context, extensionId, sim);
  await page.getByRole('link', { name: 'New IOCs' }).click();
  await page.getByLabel(/^Values or text/).fill('evil-login.acme-phish.ru\n45.77.12.9');
  const severity = page.getByLabel('Severity', { exact: true });
  await expect(severity).toBeHidden();
  await page.getByText('Context: severity, labels, threat actors…').click();
  await severity.selectOption({ label: '4 (High)' });
  await page.getByLabel('Threat actors', { exact: true }).fill('APT28, Sofacy');
  await page.getByLabel('Labels', { exact: true }).fill('phishing; initial-access');
  await expectAccessibleInBothSchemes(page, 'New IOCs with the Context group open');
  await page.getByRole('button', { name: 'Submit 2' }).click();
  await expect(page.getByRole('status', { name: 'Submit status' })).toHaveText('Detect: 2 of 2 stored.');

  const held = sim.iocs(sim.defaultAccountId);
  expect(held).toHaveLength(2);
  for (const ioc of held) {
    expect(ioc, ioc.value).toMatchObject({
      severity: 4,
      threatActors: ['APT28', 'Sofacy'],
      labels: ['phishing', 'initial-access'],
    });
    expect(ioc.malwareNames, 'a field left empty is not sent').toBeUndefined();
  }
});

test('Edit changes the malware and clears the labels; the untouched fields are kept', async ({
  context,
  extensionId,
  sim,
  simPort,
}) => {
  await createOnConsole(sim, simPort, [HELD]);
  const [before] = sim.iocs(sim.defaultAccountId);
  const page = await connectAndSync(context, extensionId, sim);
  await (await openDetail(page)).getByRole('button', { name: 'Edit…' }).click();
  const edit = page.getByRole('dialog', { name: /Edit DNS evil-cdn\.badcorp\.top/ });
  // Open from the start, because the IOC has context.
  await expect(edit.getByLabel('Threat actors', { exact: true })).toHaveValue('APT28, Sofacy');
  await expect(edit.getByLabel('Severity', { exact: true })).toHaveValue('4');
  await edit.getByLabel('Malware', { exact: true }).fill('Zebrocy');
  await edit.getByLabel('Labels', { exact: true }).fill('');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit.getByRole('status', { name: 'Edit status' })).toHaveText(
    'Saved and verified on the console.',
  );

  const after = sim.iocs(sim.defaultAccountId);
  expect(after).toHaveLength(1);
  expect(after[0]).toMatchObject({
    uuid: before?.uuid,
    severity: 4,
    threatActors: ['APT28', 'Sofacy'],
    malwareNames: ['Zebrocy'],
    labels: [],
  });
});

test('Renew re-sends the context fields, and the console still holds them', async ({
  context,
  extensionId,
  sim,
  simPort,
}) => {
  await createOnConsole(sim, simPort, [HELD]);
  const page = await connectAndSync(context, extensionId, sim);
  await (await openDetail(page)).getByRole('button', { name: 'Renew…' }).click();
  await page.getByRole('dialog', { name: 'Renew IOCs' }).getByRole('button', { name: 'Renew 1' }).click();
  await expect(page.getByRole('status', { name: 'Action status' })).toHaveText('Renewed 1 IOC.');

  const rich = {
    severity: 4,
    threatActors: ['APT28', 'Sofacy'],
    malwareNames: ['X-Agent'],
    labels: ['phishing'],
  };
  // Sent, not merely left alone: which fields the real console's upsert keeps is UNCONFIRMED.
  const [post] = sim.requests().filter((r) => r.method === 'POST');
  expect(post?.body).toMatchObject({ data: [expect.objectContaining(rich)] });
  const [held] = sim.iocs(sim.defaultAccountId);
  expect(held).toMatchObject(rich);
  expect(Date.parse(held?.validUntil ?? '')).toBeGreaterThan(Date.parse(HELD.validUntil ?? ''));
});

test('the detail lists the context fields that are set, above the JSON', async ({
  context,
  extensionId,
  sim,
  simPort,
}) => {
  await createOnConsole(sim, simPort, [{ ...HELD, threatActors: ['APT28', 'Sofa\u202Ecy'] }]);
  const page = await connectAndSync(context, extensionId, sim);
  const detail = await openDetail(page);
  const line = (label: string) => detail.locator('.ioc-context-list > div').filter({ hasText: label });
  await expect(line('Severity')).toHaveText('Severity4 (High)');
  // Console text is spelled out, never read right-to-left.
  await expect(line('Threat actors')).toHaveText('Threat actorsAPT28, Sofa⟨U+202E⟩cy');
  await expect(line('Malware')).toHaveText('MalwareX-Agent');
  await expectAccessibleInBothSchemes(page, 'the detail with context fields');
  await expect(detail.locator('.ioc-context-list dt')).toHaveText([
    'Severity',
    'Labels',
    'Threat actors',
    'Malware',
  ]);
});
