import { expect, test } from './fixtures';
import { createOnConsole } from './pages/console-api';
import { connectAndSync, turnOnQuickDetect } from './pages/options-page';
import {
  addSelectionToS1,
  chooseMenuItem,
  nextSheet,
  openReportPage,
  recordNotifications,
  selectText,
  shownNotifications,
} from './pages/report-page';
import { bodyRows, tableRows } from './pages/tables';

test.use({ simOptions: { iocs: 0, now: new Date().toISOString() } });

const heldValues = (sim: { iocs(id: string): Array<{ value: string }>; defaultAccountId: string }) =>
  sim
    .iocs(sim.defaultAccountId)
    .map((ioc) => ioc.value)
    .sort();

test('Add on a multi-line defanged selection opens the review, and Submit runs each row’s actions', async ({
  context,
  extensionId,
  serviceWorker,
  sim,
}) => {
  await connectAndSync(context, extensionId, sim);
  const sheet = await addSelectionToS1(serviceWorker, await openReportPage(context), '#report');
  await expect(sheet.getByRole('heading', { name: 'Add to SentinelOne' })).toBeVisible();
  // The full selection, line breaks included, was read from the page (selectionText has none).
  await expect(sheet.getByLabel(/^Values or text/)).toHaveValue(
    /login-verify\[\.\]badcorp\[\.\]top\/owa\/auth\.php\n45/,
  );
  const review = sheet.getByRole('table', { name: 'Review' });
  await expect(bodyRows(review)).toHaveCount(5);
  await sheet.screenshot({ path: test.info().outputPath('context-menu-sheet.png'), fullPage: true });

  // The MD5 and the URL can only be detected; the IP may also be network-blocked, when ticked.
  await expect(review.getByLabel('Block network for 45.77.12.9')).not.toBeChecked();
  await review.getByLabel('Block network for 45.77.12.9').check();
  await expect(bodyRows(review).filter({ hasText: '0a1b2c3d4e5f60718293a4b5c6d7e8f9' })).toContainText(
    'SentinelOne can only detect MD5 hashes',
  );
  await sheet.getByRole('button', { name: 'Submit 3' }).click();
  await expect(sheet.getByRole('status', { name: 'Submit status' })).toHaveText(
    'Detect: 3 of 3 stored. Block network: 1 of 1 blocked.',
  );
  expect(heldValues(sim)).toEqual([
    '0a1b2c3d4e5f60718293a4b5c6d7e8f9',
    '45.77.12.9',
    'https://login-verify.badcorp.top/owa/auth.php',
  ]);
  expect(sim.requests().filter((r) => r.method === 'POST' && r.path.endsWith('/iocs'))).toHaveLength(1);
  expect(sim.firewallRules().map((rule) => rule.remoteHosts)).toEqual([
    [{ type: 'addresses', values: ['45.77.12.9'] }],
  ]);
});

test('with quick Detect on, one valid new IOC is detected straight from the menu, nothing is blocked, and a notification says so', async ({
  context,
  extensionId,
  serviceWorker,
  sim,
}) => {
  await turnOnQuickDetect(await connectAndSync(context, extensionId, sim));
  await recordNotifications(serviceWorker);

  const report = await openReportPage(context);
  const selectionText = await selectText(report, '#single-value');
  await chooseMenuItem(serviceWorker, 'add-to-s1', { selectionText });

  await expect
    .poll(() => shownNotifications(serviceWorker))
    .toEqual([
      {
        title: 'Detected in SentinelOne',
        message:
          'evil-cdn.badcorp.top (DNS) is now a Threat Intelligence IOC: SentinelOne raises a threat when an endpoint sees it. Nothing is blocked.',
      },
    ]);
  expect(sim.iocs(sim.defaultAccountId).map((ioc) => [ioc.type, ioc.value, ioc.source])).toEqual([
    ['DNS', 'evil-cdn.badcorp.top', 'S1 IOC Manager'],
  ]);
  expect(context.pages().some((page) => page.url().includes('/sheet.html'))).toBe(false);
  expect(sim.firewallRules()).toEqual([]);
});

test('an expired token during a quick Detect keeps the selection in the sheet and says why', async ({
  context,
  extensionId,
  serviceWorker,
  sim,
}) => {
  await turnOnQuickDetect(await connectAndSync(context, extensionId, sim));
  await recordNotifications(serviceWorker);
  sim.tokens.expire(sim.defaultToken);

  const sheet = await addSelectionToS1(serviceWorker, await openReportPage(context), '#single-value');
  await expect(sheet.getByRole('alert')).toHaveText(/^Not added: The API token is invalid or has expired/);
  await expect(sheet.getByLabel(/^Values or text/)).toHaveValue('evil-cdn[.]badcorp[.]top');
  await expect(tableRows(sheet, 'Review')).toHaveCount(1);
  const notices = await shownNotifications(serviceWorker);
  expect(notices.map((n) => n.title)).toEqual(['Not added to SentinelOne']);
  expect(sim.iocs(sim.defaultAccountId)).toEqual([]);
});

test('Look up on a link answers for its URL and its domain, and Detect from the answers stores the URL', async ({
  context,
  extensionId,
  serviceWorker,
  sim,
  simPort,
}) => {
  await createOnConsole(sim, simPort, [
    { type: 'DNS', value: 'payload.badcorp.top', source: 'MISP', method: 'EQUALS', name: 'Dropper host' },
  ]);
  await connectAndSync(context, extensionId, sim);
  await openReportPage(context);

  const sheetOpened = nextSheet(context);
  await chooseMenuItem(serviceWorker, 'lookup-in-s1', {
    linkUrl: 'https://payload.badcorp.top/drop/invoice.exe',
  });
  const sheet = await sheetOpened;
  await expect(sheet.getByRole('heading', { name: 'Look up in SentinelOne IOCs' })).toBeVisible();
  const answers = sheet.getByRole('list', { name: 'Answers' }).getByRole('listitem');
  await expect(answers).toHaveCount(2);
  await expect(answers.nth(0)).toContainText(
    'https://payload.badcorp.top/drop/invoice.exeNot in SentinelOne',
  );
  await expect(answers.nth(1)).toContainText('payload.badcorp.topIn SentinelOne');
  // The simulator's default validity for a DNS IOC sent without one is 90 days
  // (docs/sentinelone-api.md#validuntil-defaults-and-clamping).
  await expect(answers.nth(1)).toContainText('DNS · Dropper host · expires in 89 days');

  // A URL can only be detected: no block is offered for it.
  await expect(answers.nth(0)).toContainText('SentinelOne can only detect URLs');
  await expect(
    sheet.getByRole('button', { name: /^Block .* https:\/\/payload\.badcorp\.top\/drop\/invoice\.exe$/ }),
  ).toHaveCount(0);
  await sheet.getByRole('button', { name: 'Detect https://payload.badcorp.top/drop/invoice.exe' }).click();
  await expect(
    sheet.getByRole('status', { name: 'Detect status of https://payload.badcorp.top/drop/invoice.exe' }),
  ).toHaveText('Detect: Stored');
  expect(heldValues(sim)).toEqual(['https://payload.badcorp.top/drop/invoice.exe', 'payload.badcorp.top']);
});

test('Look up on one value answers in a notification; a selection without IOCs says none was found', async ({
  context,
  extensionId,
  serviceWorker,
  sim,
  simPort,
}) => {
  await createOnConsole(sim, simPort, [
    {
      type: 'DNS',
      value: 'evil-cdn.badcorp.top',
      source: 'MISP',
      method: 'EQUALS',
      name: 'Staging',
      creator: 'carol@acme.example',
    },
  ]);
  await connectAndSync(context, extensionId, sim);
  await recordNotifications(serviceWorker);
  const report = await openReportPage(context);

  await chooseMenuItem(serviceWorker, 'lookup-in-s1', {
    selectionText: await selectText(report, '#single-value'),
  });
  await chooseMenuItem(serviceWorker, 'add-to-s1', { selectionText: await selectText(report, '#prose') });
  // The two clicks are handled side by side: which notification comes first is not the point.
  const byTitle = (a: { title: string }, b: { title: string }) => a.title.localeCompare(b.title);
  await expect
    .poll(async () => (await shownNotifications(serviceWorker)).sort(byTitle))
    .toEqual([
      {
        title: 'In SentinelOne',
        message:
          'evil-cdn.badcorp.top: in SentinelOne (DNS · Staging · expires in 89 days · by carol@acme.example)',
      },
      {
        title: 'No IOC found',
        message:
          'Nothing in “Nothing to see here, just words.” looks like a hash, domain, IP address or URL.',
      },
    ]);
  expect(sim.requests().filter((r) => r.method === 'POST')).toHaveLength(0);
});

test('before the extension is connected, the menu opens the connection screen', async ({
  context,
  serviceWorker,
}) => {
  await recordNotifications(serviceWorker);
  const report = await openReportPage(context);
  const settingsOpened = context.waitForEvent('page', {
    predicate: (page) => page.url().includes('/options.html'),
  });
  await chooseMenuItem(serviceWorker, 'add-to-s1', {
    selectionText: await selectText(report, '#single-value'),
  });
  const settings = await settingsOpened;
  await expect(settings.getByLabel('Console URL', { exact: true })).toBeVisible();
  expect((await shownNotifications(serviceWorker)).map((n) => n.title)).toEqual([
    'S1 IOC Manager is not connected',
  ]);
});
