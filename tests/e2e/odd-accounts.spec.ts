/**
 * Accounts at the edges: none, one, IOCs whose optional fields are all null or
 * absent, and 10,000 IOCs sharing one value across types and sources. Each syncs exactly, shows,
 * filters, opens and is looked up like any other.
 */
import type { BrowserContext, Page } from '@playwright/test';
import type { Ioc, Simulator } from '../simulator';
import { describeDiff, diffCache } from '../support/cache-diff';
import { expect, test } from './fixtures';
import { countCachedIocs, readCachedIocs } from './pages/extension-cache';
import { reportFigure } from './pages/figures';
import { connectAndSync, visibleValues } from './pages/options-page';
import { gridRows } from './pages/tables';

test.use({ simOptions: { iocs: 0, now: new Date().toISOString() } });

const byUuid = (a: { uuid: string }, b: { uuid: string }) => (a.uuid < b.uuid ? -1 : 1);
const uuidOf = (n: number) => n.toString(16).padStart(32, '0');
const OPTIONAL = ['creator', 'description', 'name', 'validUntil', 'creationTime', 'metadata', 'externalId'];

function bareIoc(n: number, value: string, fields: Partial<Ioc> = {}): Ioc {
  const at = new Date(Date.UTC(2026, 10, 1, 0, 0, n % 60)).toISOString().replace('Z', '000Z');
  return {
    uuid: uuidOf(n),
    value,
    type: 'DNS',
    source: 'Odd feed',
    method: 'EQUALS',
    batchId: 'b',
    scope: 'account',
    scopeId: '',
    category: [],
    intrusionSets: [],
    mitreTactic: [],
    reference: [],
    threatActors: [],
    creationTime: null,
    creator: null,
    description: null,
    metadata: null,
    name: null,
    validUntil: null,
    updatedAt: at,
    uploadTime: at,
    ...fields,
  };
}

async function expectCacheEqualsConsole(page: Page, sim: Simulator): Promise<string> {
  const diff = describeDiff(
    diffCache(await readCachedIocs(page), sim.iocs(sim.defaultAccountId).sort(byUuid)),
  );
  expect(diff).toBe('0 missing, 0 extra, 0 stale');
  return diff;
}

async function openPopup(context: BrowserContext, extensionId: string): Promise<Page> {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  return popup;
}

test('an account with no IOCs syncs, says so, and answers look-ups as absent', async ({
  context,
  extensionId,
  sim,
}) => {
  const page = await connectAndSync(context, extensionId, sim);
  await expect(page.getByRole('status', { name: 'IOC count' })).toHaveText('0 IOCs');
  await expect(page.getByRole('status', { name: 'Empty table' })).toHaveText(/The account holds no IOCs/);
  await expect(page.getByRole('button', { name: 'Export CSV' })).toBeDisabled();
  const popup = await openPopup(context, extensionId);
  await popup.getByLabel(/^Look up values/).fill('evil.example');
  await expect(popup.getByRole('list', { name: 'Answers' })).toContainText('Not in SentinelOne');
  reportFigure('odd accounts', `empty account: ${await expectCacheEqualsConsole(page, sim)}`);
});

test('an account with one IOC shows it, filters it and opens it', async ({ context, extensionId, sim }) => {
  sim.putIocs(sim.defaultAccountId, [bareIoc(1, 'only-one.example', { name: 'The one' })]);
  const page = await connectAndSync(context, extensionId, sim);
  await expect(page.getByRole('status', { name: 'Shown IOCs' })).toHaveText('1 of 1 IOCs');
  await page.getByLabel('Value', { exact: true }).fill('nothing-like-it');
  await expect(page.getByRole('status', { name: 'Empty table' })).toHaveText('No IOC matches these filters.');
  await page.getByLabel('Value', { exact: true }).fill('only');
  expect(await visibleValues(page)).toEqual(['only-one.example']);
  await gridRows(page, 'IOCs').first().dblclick();
  await expect(page.getByRole('dialog')).toContainText('"name": "The one"');
  reportFigure('odd accounts', `one IOC: ${await expectCacheEqualsConsole(page, sim)}`);
});

test('IOCs whose optional fields are null or absent sync exactly and show blank cells, never "null"', async ({
  context,
  extensionId,
  sim,
}) => {
  const nulls = Array.from({ length: 50 }, (_, i) => bareIoc(i, `blank-fields-${i}.example`));
  const absent = Array.from({ length: 50 }, (_, i) => {
    const ioc: Record<string, unknown> = bareIoc(100 + i, `missing-fields-${i}.example`);
    for (const field of OPTIONAL) delete ioc[field];
    return ioc as Ioc;
  });
  sim.putIocs(sim.defaultAccountId, [...nulls, ...absent]);
  const page = await connectAndSync(context, extensionId, sim);
  await expect(page.getByRole('status', { name: 'Shown IOCs' })).toHaveText('100 of 100 IOCs');
  const cells = (await gridRows(page, 'IOCs').allTextContents()).join('');
  expect(cells).not.toMatch(/\bnull\b|\bundefined\b|NaN|Invalid Date/);
  // Sorting and filtering on the missing fields work and keep every row.
  await page.getByRole('button', { name: 'Name' }).click();
  await expect(page.getByRole('status', { name: 'Shown IOCs' })).toHaveText('100 of 100 IOCs');
  await page.getByLabel('Creator', { exact: true }).fill('%');
  await expect(page.getByRole('status', { name: 'Shown IOCs' })).toHaveText('0 of 100 IOCs');
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.getByLabel('Value', { exact: true }).fill('missing-fields-7.');
  await gridRows(page, 'IOCs').first().dblclick();
  await expect(page.getByRole('dialog')).toContainText('"value": "missing-fields-7.example"');
  reportFigure(
    'odd accounts',
    `100 IOCs with null or absent optional fields: ${await expectCacheEqualsConsole(page, sim)}`,
  );
});

test('10,000 IOCs sharing one value across types and sources: synced, filtered, looked up and deleted one by one', async ({
  context,
  extensionId,
  sim,
}) => {
  const types = ['DNS', 'URL'];
  const shared = Array.from({ length: 10_000 }, (_, i) =>
    bareIoc(i, i % 3 === 0 ? 'SHARED.example' : 'shared.example', {
      type: types[i % 2] as string,
      source: `Feed ${i}`,
    }),
  );
  sim.putIocs(sim.defaultAccountId, shared);
  const page = await connectAndSync(context, extensionId, sim);
  await expect(page.getByRole('status', { name: 'IOC count' })).toHaveText('10,000 IOCs');
  await page.getByLabel('Value', { exact: true }).fill('shared.example');
  await expect(page.getByRole('status', { name: 'Shown IOCs' })).toHaveText('10,000 of 10,000 IOCs');

  const popup = await openPopup(context, extensionId);
  const started = Date.now();
  await popup.getByLabel(/^Look up values/).fill('shared.example');
  await expect(popup.getByRole('list', { name: 'Answers' })).toContainText('In SentinelOne');
  const lookupMs = Date.now() - started;
  // Five are named; the rest are counted, not drawn one line each.
  await expect(popup.getByRole('list', { name: 'Answers' })).toContainText(
    'and 9,995 more IOCs with this value',
  );
  // The block-state line (a named status) is drawn after the answers; only the IOC lines are counted.
  expect(await popup.getByRole('list', { name: 'Answers' }).getByRole('paragraph').count()).toBe(6);

  // Deleting one of them deletes that one, in the console and in the cache.
  await page.getByLabel('Source', { exact: true }).fill('Feed 4321');
  await gridRows(page, 'IOCs').first().dblclick();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete', exact: true }).click();
  await expect.poll(() => sim.iocs(sim.defaultAccountId).length).toBe(9_999);
  expect(sim.iocs(sim.defaultAccountId).some((ioc) => ioc.source === 'Feed 4321')).toBe(false);
  await expect.poll(() => countCachedIocs(page)).toBe(9_999);
  reportFigure(
    'odd accounts',
    `10,000 IOCs sharing one value: ${await expectCacheEqualsConsole(page, sim)}; popup answer in ${lookupMs} ms (driver round trips included); one deleted, 9,999 left on both sides`,
  );
});
