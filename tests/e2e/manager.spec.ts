import { readFileSync } from 'node:fs';
import type { IocDraft } from '../../lib/s1/schemas';
import { expect, test } from './fixtures';
import { createOnConsole, deleteOnConsole } from './pages/console-api';
import { connectAndSync, visibleValues } from './pages/options-page';

test.use({ simOptions: { iocs: 0 } });

/** Known IOCs, so that every filter has an exact expected answer. */
const KNOWN: IocDraft[] = [
  {
    type: 'DNS',
    value: 'evil-login.example.ru',
    source: 'MISP',
    method: 'EQUALS',
    name: 'Phishing kit',
    description: 'Credential harvesting page',
    creator: 'alice@acme.example',
  },
  {
    type: 'DNS',
    value: 'cdn-update.example.com',
    source: 'MISP',
    method: 'EQUALS',
    name: 'Emotet C2',
    description: 'Malware dropper host',
    creator: 'bob@acme.example',
  },
  {
    type: 'URL',
    value: 'http://evil-login.example.ru/owa/login.php',
    source: 'Manual',
    method: 'EQUALS',
    name: 'Phishing kit',
    description: 'Landing page',
    creator: 'alice@acme.example',
  },
  {
    type: 'IPV4',
    value: '203.0.113.7',
    source: 'Recorded Future',
    method: 'EQUALS',
    name: 'Cobalt Strike team server',
    description: 'Beacon malware C2',
    creator: 'carol@acme.example',
  },
  {
    type: 'SHA256',
    value: 'beab9fadb100a44b3bc8ea4df3249aa6d93e710193be437adb5e47c2e201c1ef',
    source: 'MISP',
    method: 'EQUALS',
    name: 'evil_loader.exe',
    description: 'Loader',
    creator: 'bob@acme.example',
  },
  {
    type: 'MD5',
    value: '0a1b2c3d4e5f60718293a4b5c6d7e8f9',
    source: 'Manual',
    method: 'EQUALS',
    name: 'evilXloader',
    description: null as unknown as string,
    creator: 'dave@acme.example',
  },
];

test.beforeEach(async ({ sim, simPort }) => {
  await createOnConsole(
    sim,
    simPort,
    KNOWN.map(({ description, ...rest }) => (description ? { ...rest, description } : rest)),
  );
});

test('filters by each field and each wildcard form, and keeps the filter in the URL', async ({
  context,
  extensionId,
  sim,
}) => {
  const page = await connectAndSync(context, extensionId, sim);
  await expect(page.getByRole('status', { name: 'Shown IOCs' })).toHaveText('6 of 6 IOCs');

  const cases: Array<[string, string, string[]]> = [
    ['Value', 'EVIL-LOGIN', ['evil-login.example.ru', 'http://evil-login.example.ru/owa/login.php']],
    ['Value', '%.ru', ['evil-login.example.ru']],
    ['Value', 'http*', ['http://evil-login.example.ru/owa/login.php']],
    ['Value', '%113%', ['203.0.113.7']],
    ['Creator', 'alice', ['evil-login.example.ru', 'http://evil-login.example.ru/owa/login.php']],
    ['Name', 'evil_loader', ['beab9fadb100a44b3bc8ea4df3249aa6d93e710193be437adb5e47c2e201c1ef']],
    ['Name', 'evil_*', ['beab9fadb100a44b3bc8ea4df3249aa6d93e710193be437adb5e47c2e201c1ef']],
    ['Description', '%malware%', ['cdn-update.example.com', '203.0.113.7']],
    ['Source', 'recorded', ['203.0.113.7']],
  ];
  for (const [label, text, expected] of cases) {
    await page.getByLabel(label, { exact: true }).fill(text);
    await expect.poll(() => visibleValues(page).then((v) => v.sort())).toEqual([...expected].sort());
    await page.getByRole('button', { name: 'Clear filters' }).click();
  }

  await page.getByLabel('Type').selectOption('DNS');
  await page.getByLabel('Creator', { exact: true }).fill('bob');
  await expect.poll(() => visibleValues(page)).toEqual(['cdn-update.example.com']);
  // The URL is written once typing pauses (use-url-filter.ts).
  await expect.poll(() => new URL(page.url()).searchParams.get('creator')).toBe('bob');
  await page.reload();
  await expect(page.getByLabel('Creator', { exact: true })).toHaveValue('bob');
  await expect.poll(() => visibleValues(page)).toEqual(['cdn-update.example.com']);
  await expect(page.getByRole('status', { name: 'Shown IOCs' })).toHaveText('1 of 6 IOCs');
  await page.screenshot({ path: test.info().outputPath('manager-filtered.png') });
});

test('sorts by a column both ways', async ({ context, extensionId, sim }) => {
  const page = await connectAndSync(context, extensionId, sim);
  const sorted = KNOWN.map((d) => d.value).sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()));
  await page.getByRole('button', { name: 'Value' }).click();
  await expect.poll(() => visibleValues(page)).toEqual(sorted);
  await expect(page.getByRole('columnheader', { name: /Value/ })).toHaveAttribute('aria-sort', 'ascending');
  await page.getByRole('button', { name: 'Value' }).click();
  await expect.poll(() => visibleValues(page)).toEqual([...sorted].reverse());
});

test('Grab the IOC brings what changed on the console into the open table: renamed, added, deleted', async ({
  context,
  extensionId,
  sim,
  simPort,
}) => {
  const page = await connectAndSync(context, extensionId, sim);
  await expect(page.getByRole('status', { name: 'Shown IOCs' })).toHaveText('6 of 6 IOCs');
  const sync = page.getByRole('button', { name: /Grab the IOC/ });

  // A colleague renames one IOC and adds another: the incremental sync brings both, and the open
  // table shows them (it applies the cache's record of changes, cache-changes.ts).
  const [renamed] = KNOWN;
  await createOnConsole(sim, simPort, [
    {
      type: renamed?.type ?? 'DNS',
      value: renamed?.value ?? '',
      source: 'MISP',
      method: 'EQUALS',
      name: 'Renamed kit',
    },
    { type: 'DNS', value: 'added-later.example.net', source: 'MISP', method: 'EQUALS', name: 'Added later' },
  ]);
  await sync.click();
  await expect(page.getByRole('status', { name: 'Shown IOCs' })).toHaveText('7 of 7 IOCs');
  await page.getByLabel('Name', { exact: true }).fill('Renamed kit');
  await expect.poll(() => visibleValues(page)).toEqual([renamed?.value]);
  await page.getByLabel('Name', { exact: true }).fill('Added later');
  await expect.poll(() => visibleValues(page)).toEqual(['added-later.example.net']);
  await page.getByRole('button', { name: 'Clear filters' }).click();

  // A delete on the console: the API cannot list it, so the totals differ and a full sync follows;
  // the table then shows the new cache as a whole, exactly what the console holds.
  const gone = sim.iocs(sim.defaultAccountId).find((ioc) => ioc.value === '203.0.113.7');
  await deleteOnConsole(sim, simPort, [gone?.uuid ?? '']);
  await sync.click();
  await expect(page.getByRole('status', { name: 'Shown IOCs' })).toHaveText('6 of 6 IOCs');
  await expect
    .poll(() => visibleValues(page).then((values) => values.sort()))
    .toEqual(
      sim
        .iocs(sim.defaultAccountId)
        .map((ioc) => ioc.value)
        .sort(),
    );
});

test('opens the detail from the keyboard and deletes the IOC by uuid after confirmation', async ({
  context,
  extensionId,
  sim,
}) => {
  const page = await connectAndSync(context, extensionId, sim);
  await page.getByLabel('Value', { exact: true }).fill('203.0.113.7');
  await expect.poll(() => visibleValues(page)).toEqual(['203.0.113.7']);
  await page.getByRole('grid', { name: 'IOCs' }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: /IPV4 203\.0\.113\.7/ });
  await expect(dialog).toBeVisible();
  const target = sim.iocs(sim.defaultAccountId).find((ioc) => ioc.value === '203.0.113.7');
  await expect(dialog.locator('pre')).toContainText(`"uuid": "${target?.uuid}"`);
  await page.screenshot({ path: test.info().outputPath('manager-detail.png') });

  await dialog.getByRole('button', { name: 'Delete…' }).click();
  await expect(dialog.getByRole('alertdialog')).toContainText(
    'Delete 203.0.113.7 (IPV4, source Recorded Future) from SentinelOne?',
  );
  await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status', { name: 'Shown IOCs' })).toHaveText('0 of 5 IOCs');

  const deletes = sim.requests().filter((r) => r.method === 'DELETE');
  expect(deletes.map((r) => r.body)).toEqual([
    { filter: { accountIds: [sim.defaultAccountId], uuids: [target?.uuid] } },
  ]);
  expect(
    sim
      .iocs(sim.defaultAccountId)
      .map((ioc) => ioc.value)
      .sort(),
  ).toEqual(
    KNOWN.map((d) => d.value)
      .filter((v) => v !== '203.0.113.7')
      .sort(),
  );
});

test('bulk-deletes the selection in one request after a confirmation that shows the count', async ({
  context,
  extensionId,
  sim,
}) => {
  const page = await connectAndSync(context, extensionId, sim);
  await page.getByLabel('Source', { exact: true }).fill('MISP');
  await expect.poll(() => visibleValues(page).then((v) => v.length)).toBe(3);
  await page.getByLabel('Select all filtered IOCs').check();
  await expect(page.getByRole('status', { name: 'Selected IOCs' })).toHaveText('3 selected');
  await page.getByRole('button', { name: 'Delete selected…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete selected IOCs' });
  await expect(dialog).toContainText('Delete 3 IOCs from SentinelOne?');
  await dialog.getByRole('button', { name: 'Delete 3' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status', { name: 'Shown IOCs' })).toHaveText('0 of 3 IOCs');
  expect(sim.requests().filter((r) => r.method === 'DELETE')).toHaveLength(1);
  expect(
    sim
      .iocs(sim.defaultAccountId)
      .map((ioc) => ioc.source)
      .sort(),
  ).toEqual(['Manual', 'Manual', 'Recorded Future']);
});

test('exports the filtered rows as CSV and JSON, and the selection when there is one', async ({
  context,
  extensionId,
  sim,
}) => {
  const page = await connectAndSync(context, extensionId, sim);
  await page.getByLabel('Creator', { exact: true }).fill('alice');
  await expect.poll(() => visibleValues(page).then((v) => v.length)).toBe(2);

  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  expect(csv.suggestedFilename()).toMatch(/^s1-iocs-.*-2\.csv$/);
  const csvText = readFileSync((await csv.path()) ?? '', 'utf8');
  const lines = csvText.trim().split(/\r?\n/);
  expect(lines[0]).toMatch(/^uuid,value,type,name,description,creator,source/);
  expect(
    lines
      .slice(1)
      .map((line) => line.split(',')[1])
      .sort(),
  ).toEqual(['evil-login.example.ru', 'http://evil-login.example.ru/owa/login.php']);

  const [json] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export JSON' }).click(),
  ]);
  const exported = JSON.parse(readFileSync((await json.path()) ?? '', 'utf8')) as Array<{ uuid: string }>;
  const server = sim.iocs(sim.defaultAccountId).filter((ioc) => ioc.creator === 'alice@acme.example');
  expect(exported.sort((a, b) => (a.uuid < b.uuid ? -1 : 1))).toEqual(
    server.sort((a, b) => (a.uuid < b.uuid ? -1 : 1)),
  );

  await page.getByLabel('Select evil-login.example.ru').check();
  const [selection] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export JSON' }).click(),
  ]);
  const one = JSON.parse(readFileSync((await selection.path()) ?? '', 'utf8')) as Array<{ value: string }>;
  expect(one.map((ioc) => ioc.value)).toEqual(['evil-login.example.ru']);
  expect(`${csvText}${JSON.stringify(exported)}`).not.toContain(sim.defaultToken);
});

test('the activity log lists the sync and the delete, filters by level and downloads without the token', async ({
  context,
  extensionId,
  sim,
}) => {
  const page = await connectAndSync(context, extensionId, sim);
  await page.getByLabel('Select 203.0.113.7').check();
  await page.getByRole('button', { name: 'Delete selected…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete 1' }).click();
  await expect(page.getByRole('status', { name: 'Shown IOCs' })).toHaveText('5 of 5 IOCs');

  await page.getByRole('link', { name: 'Activity log' }).click();
  const log = page.getByRole('region', { name: 'Activity log' });
  await expect(log).toContainText('Full sync complete: 6 IOCs.');
  await expect(log).toContainText('Deleted 1 of 1 IOCs: 203.0.113.7 (IPV4)');
  await page.getByLabel('Level').selectOption('error');
  await expect(log).toContainText('No entries at this level yet.');
  await page.screenshot({ path: test.info().outputPath('manager-log.png') });

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download S1_IOC_manager.log' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('S1_IOC_manager.log');
  const text = readFileSync((await download.path()) ?? '', 'utf8');
  expect(text).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z INFO {2}\[sync\] Full sync complete: 6 IOCs\.$/m);
  expect(text).toContain('[delete] Deleted 1 of 1 IOCs: 203.0.113.7 (IPV4)');
  expect(text).not.toContain(sim.defaultToken);
});
