/**
 * The IOC's context fields in the manager: optional columns, the "More filters" block and the
 * exports (STIX, CSV), against IOCs another console user created with threat actors, malware,
 * labels and severity.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { importStixBundle } from '../../lib/formats/stix-import';
import type { IocDraft } from '../../lib/s1/schemas';
import { expect, test } from './fixtures';
import { createOnConsole } from './pages/console-api';
import { connectAndSync, visibleValues } from './pages/options-page';
import { cellOf, columnCells, rowsWhere } from './pages/tables';

test.use({ simOptions: { iocs: 0 } });

const VALID_UNTIL = '2027-03-01T00:00:00.000000Z';

const KNOWN: IocDraft[] = [
  {
    type: 'DNS',
    value: 'fancy-update.example.ru',
    source: 'OpenCTI',
    method: 'EQUALS',
    name: 'APT28 C2',
    validUntil: VALID_UNTIL,
    severity: 4,
    labels: ['apt', 'c2'],
    threatActors: ['APT28', 'Sofacy'],
    malwareNames: ['X-Agent'],
    category: ['Command and control'],
  },
  {
    type: 'SHA256',
    value: 'beab9fadb100a44b3bc8ea4df3249aa6d93e710193be437adb5e47c2e201c1ef',
    source: 'OpenCTI',
    method: 'EQUALS',
    name: 'Zebrocy dropper',
    validUntil: VALID_UNTIL,
    severity: 5,
    labels: ['apt'],
    threatActors: ['APT28'],
    malwareNames: ['Zebrocy'],
  },
  {
    type: 'IPV4',
    value: '203.0.113.9',
    source: 'MISP',
    method: 'EQUALS',
    name: 'Lazarus relay',
    validUntil: VALID_UNTIL,
    severity: 2,
    threatActors: ['Lazarus Group'],
  },
  { type: 'DNS', value: 'plain.example.com', source: 'Manual', method: 'EQUALS', name: 'No context' },
];

const APT28_VALUES = ['fancy-update.example.ru', KNOWN[1]?.value ?? ''];

test.beforeEach(async ({ sim, simPort }) => {
  await createOnConsole(sim, simPort, KNOWN);
});

test('shows the context columns, filters by threat actor and severity, exports STIX and CSV', async ({
  context,
  extensionId,
  sim,
}) => {
  const page = await connectAndSync(context, extensionId, sim);
  await expect(page.getByRole('status', { name: 'Shown IOCs' })).toHaveText('4 of 4 IOCs');
  const grid = page.getByRole('grid', { name: 'IOCs' });
  // Hidden by default.
  await expect(grid.getByRole('columnheader', { name: 'Threat actors' })).toHaveCount(0);

  // The picker, by keyboard: the summary opens it, Space ticks a box.
  await page.getByText('Columns', { exact: true }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('checkbox', { name: 'Threat actors' }).focus();
  await page.keyboard.press('Space');
  await page.getByRole('checkbox', { name: 'Severity' }).check();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('checkbox', { name: 'Severity' })).toBeHidden();

  await expect(grid.getByRole('columnheader', { name: 'Threat actors' })).toBeVisible();
  const fancy = await rowsWhere(grid, 'Value', 'fancy-update.example.ru');
  await expect(fancy).toHaveCount(1);
  await expect
    .poll(async () => (await columnCells(grid, 'Threat actors')).allInnerTexts().then((t) => t.sort()))
    .toEqual(['', 'APT28', 'APT28, Sofacy', 'Lazarus Group']);
  await expect
    .poll(async () => (await columnCells(grid, 'Severity')).allInnerTexts().then((t) => t.sort()))
    .toEqual(['', '2 (Low)', '4 (High)', '5 (Critical)']);
  await expect(await cellOf(fancy, grid, 'Threat actors')).toHaveText('APT28, Sofacy');
  await expect(await cellOf(fancy, grid, 'Severity')).toHaveText('4 (High)');

  // Sorting on a context column: by severity, none last.
  await grid.getByRole('button', { name: 'Severity' }).click();
  await expect
    .poll(async () => (await columnCells(grid, 'Severity')).allInnerTexts())
    .toEqual(['2 (Low)', '4 (High)', '5 (Critical)', '']);
  await grid.getByRole('button', { name: 'Severity' }).click();

  // The choice outlives a reload.
  await page.reload();
  await expect(
    page.getByRole('grid', { name: 'IOCs' }).getByRole('columnheader', { name: 'Severity' }),
  ).toBeVisible();

  // Filter by threat actor: an item of the list, any case.
  await page.getByText('More filters', { exact: true }).click();
  await page.getByRole('searchbox', { name: 'Threat actors' }).fill('apt28');
  await expect.poll(() => visibleValues(page).then((v) => v.sort())).toEqual([...APT28_VALUES].sort());
  await expect.poll(() => new URL(page.url()).searchParams.get('threatActors')).toBe('apt28');
  // And "at least" a severity.
  await page.getByRole('combobox', { name: 'Severity' }).selectOption('5+');
  await expect.poll(() => visibleValues(page)).toEqual([KNOWN[1]?.value]);
  await page.getByRole('combobox', { name: 'Severity' }).selectOption('');
  await expect.poll(() => visibleValues(page).then((v) => v.length)).toBe(2);

  // Export STIX of the filtered rows.
  const [stix] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export STIX' }).click(),
  ]);
  expect(stix.suggestedFilename()).toMatch(/^s1-iocs-.*-2\.stix\.json$/);
  const stixText = readFileSync((await stix.path()) ?? '', 'utf8');
  const bundle = JSON.parse(stixText) as { type: string; objects: Array<Record<string, unknown>> };
  expect(bundle.type).toBe('bundle');
  const ofType = (type: string) => bundle.objects.filter((object) => object.type === type);
  const indicators = ofType('indicator');
  expect(indicators.map((i) => i.pattern).sort()).toEqual(
    [
      "[domain-name:value = 'fancy-update.example.ru']",
      `[file:hashes.'SHA-256' = '${KNOWN[1]?.value}']`,
    ].sort(),
  );
  for (const indicator of indicators) {
    expect(indicator.valid_until).toBe('2027-03-01T00:00:00.000Z');
    expect(indicator.labels).toContain('apt');
  }
  const actors = ofType('threat-actor').map((a) => a.name);
  expect(actors.sort()).toEqual(['APT28', 'Sofacy']);
  expect(
    ofType('malware')
      .map((m) => m.name)
      .sort(),
  ).toEqual(['X-Agent', 'Zebrocy']);
  const apt28 = ofType('threat-actor').find((a) => a.name === 'APT28');
  const toApt28 = ofType('relationship').filter(
    (r) => r.relationship_type === 'indicates' && r.target_ref === apt28?.id,
  );
  expect(toApt28.map((r) => r.source_ref).sort()).toEqual(indicators.map((i) => i.id).sort());

  // It re-imports with the same values and context.
  const back = importStixBundle(stixText, new Date());
  if (!back.ok) throw new Error(JSON.stringify(back.errors));
  const fancyBack = back.rows.find((row) => row.value === 'fancy-update.example.ru');
  expect(fancyBack?.type).toBe('DNS');
  expect(fancyBack?.threatActors?.slice().sort()).toEqual(['APT28', 'Sofacy']);
  expect(fancyBack?.malwareNames).toEqual(['X-Agent']);
  expect(fancyBack?.labels).toEqual(['apt', 'c2']);
  expect(fancyBack?.severity).toBe(4);
  expect(back.rows.map((row) => row.value).sort()).toEqual([...APT28_VALUES].sort());

  // Export CSV: the context columns named as the API fields, lists joined by "; ".
  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  const rows = Papa.parse<Record<string, string>>(readFileSync((await csv.path()) ?? '', 'utf8'), {
    header: true,
    skipEmptyLines: true,
  }).data;
  const fancyRow = rows.find((row) => row.value === 'fancy-update.example.ru');
  expect(fancyRow).toMatchObject({
    severity: '4',
    labels: 'apt; c2',
    threatActors: 'APT28; Sofacy',
    malwareNames: 'X-Agent',
    category: 'Command and control',
  });
  expect(rows).toHaveLength(2);
  // What the export was made from is what the console holds.
  const server = sim.iocs(sim.defaultAccountId).find((ioc) => ioc.value === 'fancy-update.example.ru');
  expect(server?.threatActors).toEqual(['APT28', 'Sofacy']);
});
