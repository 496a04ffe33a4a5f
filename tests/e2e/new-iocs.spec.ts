import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { createOnConsole } from './pages/console-api';
import { connectAndSync, reviewRows, visibleValues } from './pages/options-page';
import { bodyRows, cellOf, columnCells } from './pages/tables';

/** The simulator's clock stands still at the test's start, so validity caps have an exact answer. */
const START = Date.now();
const DAY_MS = 86_400_000;
test.use({ simOptions: { iocs: 0, now: new Date(START).toISOString() } });

const ANALYST = { creatorEmail: 'analyst@acme.example', tagPrefix: '[SOC]' };
const ALREADY_DETECTED = 'beab9fadb100a44b3bc8ea4df3249aa6d93e710193be437adb5e47c2e201c1ef';

/** Milliseconds from the test's start to an IOC's validUntil. */
const validForMs = (validUntil: string | null | undefined) => Date.parse(validUntil ?? '') - START;
const byValue = <T extends { value: string }>(a: T, b: T) => (a.value < b.value ? -1 : 1);

async function openNewIocs(page: Page) {
  await page.getByRole('link', { name: 'New IOCs' }).click();
  return page.getByLabel(/^Values or text/);
}

test('a pasted list becomes reviewed rows, and Submit stores exactly the valid ones with the right fields', async ({
  context,
  extensionId,
  sim,
}) => {
  const page = await connectAndSync(context, extensionId, sim);
  await (await openNewIocs(page)).fill(
    'evil-login[.]acme-phish[.]ru, 45.77.12.9, 44D88612FEA8A8F36DE82E1278ABB02F\n300.1.1.1\n10.1.2.3\n45.77.12.9',
  );
  const review = page.getByRole('table', { name: 'Review' });
  await expect(bodyRows(review)).toHaveCount(6);
  await expect(review).toContainText('Invalid');
  await expect(review).toContainText('Duplicate in the input');
  await page.getByLabel('Name', { exact: true }).fill('Campaign 42');
  await page.getByRole('button', { name: 'Submit 3' }).click();
  await expect(page.getByRole('status', { name: 'Submit status' })).toHaveText('Detect: 3 of 3 stored.');

  const held = sim.iocs(sim.defaultAccountId).sort(byValue);
  expect(held.map((ioc) => [ioc.type, ioc.value, ioc.name, ioc.method, ioc.source])).toEqual([
    ['MD5', '44d88612fea8a8f36de82e1278abb02f', 'Campaign 42', 'EQUALS', 'S1 IOC Manager'],
    ['IPV4', '45.77.12.9', 'Campaign 42', 'EQUALS', 'S1 IOC Manager'],
    ['DNS', 'evil-login.acme-phish.ru', 'Campaign 42', 'EQUALS', 'S1 IOC Manager'],
  ]);
  const posts = sim.requests().filter((r) => r.method === 'POST');
  expect(posts).toHaveLength(1);
});

test('a pasted threat report shows every status, and only the valid and the ticked warned rows are stored', async ({
  context,
  extensionId,
  sim,
  simPort,
}) => {
  await createOnConsole(sim, simPort, [
    { type: 'SHA256', value: ALREADY_DETECTED, source: 'MISP', method: 'EQUALS', name: 'Old loader' },
  ]);
  const page = await connectAndSync(context, extensionId, sim, ANALYST);
  await (await openNewIocs(page)).fill(
    [
      'Threat report: campaign "Ghost".',
      'Initial access via hxxps://login-verify[.]badcorp[.]top/owa/auth.php, which dropped invoice[.]zip.',
      'C2 servers: 45[.]77[.]12[.]9, 45.77.12.9 and 185.220.101.0/24; internal pivot 10.0.0.5.',
      'Payload SHA256 E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855 and',
      'dropper MD5 (0A1B2C3D4E5F60718293A4B5C6D7E8F9). Staging at evil-cdn(.)badcorp{.}top and google.com.',
      `Already blocked: ${ALREADY_DETECTED.toUpperCase()}.`,
      'Typo in the feed: 999.1.1.1',
    ].join('\n'),
  );
  await expect.poll(() => reviewRows(page).then((rows) => rows.length)).toBe(13);
  const expiry = sim.iocs(sim.defaultAccountId)[0]?.validUntil?.slice(0, 10);
  const warnedIp = 'private, loopback or link-local IP address (RFC 1918, RFC 4193)';
  expect(await reviewRows(page)).toEqual([
    ['https://login-verify.badcorp.top/owa/auth.php', 'URL', 'Valid'],
    ['login-verify.badcorp.top', 'DNS', 'Suggestion: the host of a URL above'],
    [
      'invoice.zip',
      'DNS',
      'Valid — warning: looks like a file name (the top-level domain is also a file extension); sent only if ticked',
    ],
    ['45.77.12.9', 'IPV4', 'Valid'],
    ['45.77.12.9', 'IPV4', 'Duplicate in the input'],
    [
      '185.220.101.0/24',
      'IPV4',
      'Invalid: a CIDR range (185.220.101.0/24): SentinelOne IPV4 IOCs are single addresses; list the addresses instead',
    ],
    ['10.0.0.5', 'IPV4', `Valid — warning: ${warnedIp}; sent only if ticked`],
    [
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      'SHA256',
      'Invalid: the empty-file hash: SentinelOne refuses it (hashes_empty_file)',
    ],
    ['0a1b2c3d4e5f60718293a4b5c6d7e8f9', 'MD5', 'Valid'],
    ['evil-cdn.badcorp.top', 'DNS', 'Valid'],
    [
      'google.com',
      'DNS',
      // Written plain in a paste that defangs its IOCs: also probably a reference.
      'Valid — warning: a very common domain: blocking it would disrupt normal work; written plain where the other values are defanged: a reference or a legitimate service?; sent only if ticked',
    ],
    [
      ALREADY_DETECTED,
      'SHA256',
      `Already in SentinelOne (expires ${expiry}): will be updated, keeping its source MISP`,
    ],
    ['999.1.1.1', 'IPV4', 'Invalid: not a valid IPv4 address (each part must be 0-255): 999.1.1.1'],
  ]);
  await page.screenshot({ path: test.info().outputPath('new-iocs-review.png'), fullPage: true });

  // The analyst vouches for one warned row; the others stay unticked.
  await page.getByLabel('Send 10.0.0.5').check();
  await page.getByLabel('Name', { exact: true }).fill('Ghost campaign');
  await page.getByLabel('Description', { exact: true }).fill('From the Ghost report');
  await page.getByLabel('Source', { exact: true }).fill('Ghost report');
  await page.getByLabel('Score', { exact: true }).fill('80');
  await page.getByLabel('Validity (days)', { exact: true }).fill('90');
  await page.getByRole('button', { name: 'Submit 6' }).click();
  // The SHA256 row also goes on the Blocklist, on each OS ticked by default.
  await expect(page.getByRole('status', { name: 'Submit status' })).toHaveText(
    'Detect: 6 of 6 stored. Block execution: 3 of 3 blocked.',
  );
  expect(sim.blocklist().map((item) => [item.osType, item.sha256Value])).toEqual([
    ['windows', ALREADY_DETECTED],
    ['macos', ALREADY_DETECTED],
    ['linux', ALREADY_DETECTED],
  ]);
  // Each row's Result reads every action through: Detect stored, no block held back, refused or unsure.
  const results = await columnCells(page.getByRole('table', { name: 'Review' }), 'Result');
  await expect(
    results
      .filter({ hasText: /^Detect: Stored/ })
      .filter({ hasNotText: /held back|refused|unknown|not sent/i }),
  ).toHaveCount(6);

  const held = sim.iocs(sim.defaultAccountId).sort(byValue);
  expect(
    held.map((ioc) => [ioc.type, ioc.value, ioc.source, ioc.name, ioc.description, ioc.creator, ioc.method]),
  ).toEqual(
    [
      ['MD5', '0a1b2c3d4e5f60718293a4b5c6d7e8f9', 'Ghost report'],
      ['IPV4', '10.0.0.5', 'Ghost report'],
      ['IPV4', '45.77.12.9', 'Ghost report'],
      ['SHA256', ALREADY_DETECTED, 'MISP'],
      ['DNS', 'evil-cdn.badcorp.top', 'Ghost report'],
      ['URL', 'https://login-verify.badcorp.top/owa/auth.php', 'Ghost report'],
    ].map(([type, value, source]) => [
      type,
      value,
      source,
      '[SOC] Ghost campaign',
      '[SOC] From the Ghost report',
      'analyst@acme.example',
      'EQUALS',
    ]),
  );
  for (const ioc of held) {
    expect(ioc.originalRiskScore, ioc.value).toBe(80);
    // 90 days asked; IPs are capped at 30 by the extension before sending.
    const days = ioc.type === 'IPV4' ? 30 : 90;
    expect(Math.abs(validForMs(ioc.validUntil) - days * DAY_MS), ioc.value).toBeLessThan(10 * 60_000);
  }
  const posts = sim
    .requests()
    .filter((r) => r.method === 'POST' && r.path.endsWith('/threat-intelligence/iocs'));
  expect(posts).toHaveLength(1);
  expect((posts[0]?.body as { filter?: unknown } | undefined)?.filter).toEqual({
    accountIds: [sim.defaultAccountId],
  });

  // The cache follows right after: the stored IOCs are in the manager's table.
  await page.getByRole('link', { name: 'IOCs', exact: true }).click();
  await expect(page.getByRole('status', { name: 'Shown IOCs' })).toHaveText('6 of 6 IOCs');
});

test('a batch the console refuses leaves it unchanged until the analyst sends the rest', async ({
  context,
  extensionId,
  sim,
}) => {
  sim.configure({ refuseValues: ['evil-cdn.badcorp.top'] });
  const page = await connectAndSync(context, extensionId, sim);
  await (await openNewIocs(page)).fill('45.77.12.9\nevil-cdn.badcorp.top\n0a1b2c3d4e5f60718293a4b5c6d7e8f9');
  await page.getByRole('button', { name: 'Submit 3' }).click();
  const status = page.getByRole('status', { name: 'Submit status' });
  await expect(status).toContainText('Detect: 0 of 3 stored.');
  const review = page.getByRole('table', { name: 'Review' });
  await expect(await cellOf(bodyRows(review).nth(1), review, 'Result')).toHaveText(/^Detect: Rejected: /);
  await expect(await cellOf(bodyRows(review).nth(0), review, 'Result')).toHaveText(/^Detect: Not sent/);
  expect(sim.iocs(sim.defaultAccountId)).toEqual([]);
  expect(sim.requests().filter((r) => r.method === 'POST')).toHaveLength(1);

  await page.getByRole('button', { name: 'Send the other 2' }).click();
  await expect(status).toHaveText('Detect: 2 of 2 stored.');
  expect(
    sim
      .iocs(sim.defaultAccountId)
      .map((ioc) => ioc.value)
      .sort(),
  ).toEqual(['0a1b2c3d4e5f60718293a4b5c6d7e8f9', '45.77.12.9']);
  const posts = sim.requests().filter((r) => r.method === 'POST');
  expect(posts).toHaveLength(2);
  expect(
    (posts[1]?.body as { data?: Array<{ value: string }> } | undefined)?.data?.map((d) => d.value),
  ).not.toContain('evil-cdn.badcorp.top');
});

test('Edit re-sends one IOC with its identity and the new fields, and the console keeps one IOC', async ({
  context,
  extensionId,
  sim,
  simPort,
}) => {
  await createOnConsole(sim, simPort, [
    {
      type: 'DNS',
      value: 'evil-cdn.badcorp.top',
      source: 'MISP',
      method: 'EQUALS',
      externalId: 'MISP-77',
      name: 'Old',
    },
  ]);
  const [before] = sim.iocs(sim.defaultAccountId);
  const page = await connectAndSync(context, extensionId, sim, ANALYST);
  await expect.poll(() => visibleValues(page)).toEqual(['evil-cdn.badcorp.top']);
  await page.getByRole('grid', { name: 'IOCs' }).focus();
  await page.keyboard.press('Enter');
  await page
    .getByRole('dialog', { name: /DNS evil-cdn\.badcorp\.top/ })
    .getByRole('button', { name: 'Edit…' })
    .click();
  const edit = page.getByRole('dialog', { name: /Edit DNS evil-cdn\.badcorp\.top/ });
  await expect(edit.getByLabel('Source', { exact: true })).toHaveValue('MISP');
  await expect(edit.getByLabel('Name', { exact: true })).toHaveValue('Old');
  await edit.getByLabel('Name', { exact: true }).fill('Ghost staging');
  await edit.getByLabel('Score', { exact: true }).fill('60');
  await edit.getByLabel('Validity (days)', { exact: true }).fill('120');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit.getByRole('status', { name: 'Edit status' })).toHaveText(
    'Saved and verified on the console.',
  );

  const after = sim.iocs(sim.defaultAccountId);
  expect(after).toHaveLength(1);
  expect(after[0]).toMatchObject({
    uuid: before?.uuid,
    source: 'MISP',
    externalId: 'MISP-77',
    name: '[SOC] Ghost staging',
    originalRiskScore: 60,
  });
  expect(Math.abs(validForMs(after[0]?.validUntil) - 120 * DAY_MS)).toBeLessThan(10 * 60_000);
});

test('Edit on a console that duplicates instead of updating removes the old IOC and says so', async ({
  context,
  extensionId,
  sim,
  simPort,
}) => {
  await createOnConsole(sim, simPort, [
    { type: 'DNS', value: 'evil-cdn.badcorp.top', source: 'MISP', method: 'EQUALS', name: 'Old' },
  ]);
  const [before] = sim.iocs(sim.defaultAccountId);
  sim.configure({ writeMode: 'duplicate' });
  const page = await connectAndSync(context, extensionId, sim);
  await expect.poll(() => visibleValues(page)).toEqual(['evil-cdn.badcorp.top']);
  await page.getByRole('grid', { name: 'IOCs' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Edit…' }).click();
  const edit = page.getByRole('dialog', { name: /Edit DNS/ });
  await edit.getByLabel('Name', { exact: true }).fill('New name');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit.getByRole('status', { name: 'Edit status' })).toHaveText(
    `The console created a new IOC for evil-cdn.badcorp.top instead of updating it; the old one (${before?.uuid}) was deleted.`,
  );

  const after = sim.iocs(sim.defaultAccountId);
  expect(after.map((ioc) => [ioc.name, ioc.uuid === before?.uuid])).toEqual([['New name', false]]);
});

test('Renew extends every IOC expiring within 7 days in one batch, from the filter and the selection', async ({
  context,
  extensionId,
  sim,
  simPort,
}) => {
  const soon = new Date(START + 3 * DAY_MS).toISOString();
  await createOnConsole(sim, simPort, [
    { type: 'IPV4', value: '45.77.12.9', source: 'MISP', method: 'EQUALS', name: 'C2', validUntil: soon },
    {
      type: 'DNS',
      value: 'evil-cdn.badcorp.top',
      source: 'MISP',
      method: 'EQUALS',
      name: 'Stage',
      validUntil: soon,
    },
    { type: 'DNS', value: 'fresh.badcorp.top', source: 'MISP', method: 'EQUALS', name: 'Fresh' },
  ]);
  const untouched = sim.iocs(sim.defaultAccountId).find((ioc) => ioc.value === 'fresh.badcorp.top');
  const page = await connectAndSync(context, extensionId, sim);
  await page.getByLabel('Expiry').selectOption('expiring');
  await expect(page.getByRole('status', { name: 'Shown IOCs' })).toHaveText('2 of 3 IOCs');
  await page.getByLabel('Select all filtered IOCs').check();
  await page.getByRole('button', { name: 'Renew selected…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Renew IOCs' });
  await expect(dialog).toContainText('Send 2 IOCs again, valid from now for 30 days (DNS), 30 days (IPV4)?');
  await dialog.getByRole('button', { name: 'Renew 2' }).click();
  await expect(page.getByRole('status', { name: 'Action status' })).toHaveText('Renewed 2 IOCs.');

  const held = sim.iocs(sim.defaultAccountId).sort(byValue);
  expect(held).toHaveLength(3);
  for (const ioc of held.filter((i) => i.value !== 'fresh.badcorp.top')) {
    expect(ioc).toMatchObject({ source: 'MISP' });
    expect(Math.abs(validForMs(ioc.validUntil) - 30 * DAY_MS), ioc.value).toBeLessThan(10 * 60_000);
  }
  expect(held.map((ioc) => ioc.name)).toEqual(['C2', 'Stage', 'Fresh']);
  expect(held.find((ioc) => ioc.value === 'fresh.badcorp.top')).toEqual(untouched);
  expect(sim.requests().filter((r) => r.method === 'POST')).toHaveLength(1);
  await expect(page.getByRole('status', { name: 'Shown IOCs' })).toHaveText('0 of 3 IOCs');
});

test('Renew from the detail view extends one IOC', async ({ context, extensionId, sim, simPort }) => {
  await createOnConsole(sim, simPort, [
    {
      type: 'MD5',
      value: '0a1b2c3d4e5f60718293a4b5c6d7e8f9',
      source: 'Manual',
      method: 'EQUALS',
      validUntil: new Date(START + DAY_MS).toISOString(),
    },
  ]);
  const page = await connectAndSync(context, extensionId, sim);
  await page.getByRole('grid', { name: 'IOCs' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Renew…' }).click();
  await page.getByRole('dialog', { name: 'Renew IOCs' }).getByRole('button', { name: 'Renew 1' }).click();
  await expect(page.getByRole('status', { name: 'Action status' })).toHaveText('Renewed 1 IOC.');
  const [ioc] = sim.iocs(sim.defaultAccountId);
  expect(Math.abs(validForMs(ioc?.validUntil) - 30 * DAY_MS)).toBeLessThan(10 * 60_000);
});

test('a CSV file feeds the same review, and its per-row fields are sent', async ({
  context,
  extensionId,
  sim,
}) => {
  const page = await connectAndSync(context, extensionId, sim, ANALYST);
  await openNewIocs(page);
  const until = new Date(START + 10 * DAY_MS).toISOString();
  await page.getByLabel(/^Or import a file/).setInputFiles({
    name: 'feed.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      [
        'value,type,name,description,validUntil,score',
        `evil-cdn.badcorp.top,DNS,Stage host,From feed,${until},70`,
        '45.77.12.9,,C2,,,',
        'not a value,DNS,Broken,,,',
      ].join('\n'),
    ),
  });
  await expect(page.getByRole('status', { name: 'Submit status' })).toHaveText('feed.csv: 3 rows to review.');
  expect(
    (await reviewRows(page)).map(([value, type, status]) => [value, type, status.split(':')[0]]),
  ).toEqual([
    ['evil-cdn.badcorp.top', 'DNS', 'Valid'],
    ['45.77.12.9', 'IPV4', 'Valid'],
    ['not a value', 'DNS', 'Invalid'],
  ]);
  await page.getByRole('button', { name: 'Submit 2' }).click();
  await expect(page.getByRole('status', { name: 'Submit status' })).toHaveText('Detect: 2 of 2 stored.');
  const held = sim.iocs(sim.defaultAccountId).sort(byValue);
  expect(held.map((ioc) => [ioc.value, ioc.name, ioc.description ?? null, ioc.originalRiskScore])).toEqual([
    // Every IOC carries the tag, as in the original tool, even without a description of its own.
    ['45.77.12.9', '[SOC] C2', '[SOC]', 100],
    ['evil-cdn.badcorp.top', '[SOC] Stage host', '[SOC] From feed', 70],
  ]);
  expect(Math.abs(validForMs(held[1]?.validUntil) - 10 * DAY_MS)).toBeLessThan(60_000);
});
