/**
 * The manager across profiles (`?profile=all#iocs`): three tenants on three consoles in one table
 * with a Tenant column that filters, sorts and is exported, and a delete that reaches only the
 * tenant of the row deleted.
 */
import { readFileSync } from 'node:fs';
import type { Page, Worker } from '@playwright/test';
import Papa from 'papaparse';
import { expect, test } from './fixtures';
import { connectAndSync, openOptionsPage, visibleValues } from './pages/options-page';
import { columnCells } from './pages/tables';

const GLOBEX = 'https://euce1-globex.sentinelone.net';
const INITECH = 'https://apne1-initech.sentinelone.net';

// Small, distinct seeds: every value is told apart by its console.
test.use({
  simOptions: { iocs: 3, seed: 11, includeFixtureIocs: false },
  extraConsoles: {
    [GLOBEX]: { iocs: 3, seed: 22, includeFixtureIocs: false },
    [INITECH]: { iocs: 2, seed: 33, includeFixtureIocs: false },
  },
});

interface ExtraProfile {
  id: string;
  name: string;
  colour: string;
  consoleUrl: string;
  token: string;
  accountId: string;
}

/**
 * Adds profiles as the Settings page would have: the token in the vault, the list, then each
 * profile's settings (the first profile's, pointed at another console), with the item's version so
 * that no migration runs over them.
 */
async function addProfiles(serviceWorker: Worker, extra: ExtraProfile[]): Promise<void> {
  await serviceWorker.evaluate(async (extra) => {
    type Area = { get(keys: string[]): Promise<Record<string, unknown>>; set(items: object): Promise<void> };
    const { storage } = (globalThis as unknown as { chrome: { storage: { local: Area } } }).chrome;
    const vault = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('s1-ioc-manager-secrets');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = vault.transaction('token', 'readwrite');
      for (const profile of extra)
        tx.objectStore('token').put(
          { consoleUrl: profile.consoleUrl, token: profile.token },
          `token.${profile.id}`,
        );
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    vault.close();
    const stored = await storage.local.get(['settings', 'settings$']);
    const first = stored.settings as { connection: Record<string, unknown> };
    await storage.local.set({
      profiles: {
        profiles: [
          { id: 'p1', name: 'Acme', colour: 'blue' },
          ...extra.map(({ id, name, colour }) => ({ id, name, colour })),
        ],
        activeId: 'p1',
      },
    });
    const items: Record<string, unknown> = {};
    for (const profile of extra) {
      items[`settings.${profile.id}`] = {
        ...first,
        connection: {
          ...first.connection,
          consoleUrl: profile.consoleUrl,
          accountId: profile.accountId,
          accountName: '',
          tokenHint: `…${profile.token.slice(-4)}`,
          tokenSavedAt: Date.now(),
        },
      };
      items[`settings.${profile.id}$`] = stored.settings$;
    }
    await storage.local.set(items);
  }, extra);
}

/** Syncs a profile from its own manager page, as the analyst would press Grab there. */
async function syncProfile(page: Page, profileId: string): Promise<void> {
  await page.goto(page.url().replace(/options\.html.*$/, `options.html?profile=${profileId}#iocs`));
  const status = page.getByRole('status', { name: 'Sync status' });
  await expect(async () => {
    // Saving the settings may have started the sync already; otherwise Grab starts it.
    const grab = page.getByRole('button', { name: 'Grab the IOC ✊' });
    if (!/^Complete as of /.test((await status.textContent()) ?? '') && (await grab.isEnabled()))
      await grab.click();
    await expect(status).toHaveText(/^Complete as of /, { timeout: 5_000 });
  }).toPass({ timeout: 30_000 });
}

/** [tenant, value] of every rendered row, top to bottom. */
async function tenantRows(page: Page): Promise<Array<[string, string]>> {
  const grid = page.getByRole('grid', { name: 'IOCs' });
  const tenants = await (await columnCells(grid, 'Tenant')).allInnerTexts();
  const values = await visibleValues(page);
  return values.map((value, i) => [tenants[i] ?? '', value]);
}

test('every tenant in one table: Tenant column, filter, sort, export, and a delete in the row’s own tenant', async ({
  context,
  extensionId,
  serviceWorker,
  sim,
  consoles,
}) => {
  const globex = consoles.get(GLOBEX);
  const initech = consoles.get(INITECH);
  const valuesOf = (console: typeof sim) => console.iocs(console.defaultAccountId).map((ioc) => ioc.value);
  const expected = new Map<string, string>([
    ...valuesOf(sim).map((value) => [value, 'Acme'] as const),
    ...valuesOf(globex).map((value) => [value, 'Globex'] as const),
    ...valuesOf(initech).map((value) => [value, 'Initech'] as const),
  ]);
  expect(expected.size, 'the three consoles hold different values').toBe(8);

  const page = await connectAndSync(context, extensionId, sim);
  await addProfiles(serviceWorker, [
    {
      id: 'p2',
      name: 'Globex',
      colour: 'green',
      consoleUrl: GLOBEX,
      token: globex.defaultToken,
      accountId: globex.defaultAccountId,
    },
    {
      id: 'p3',
      name: 'Initech',
      colour: 'amber',
      consoleUrl: INITECH,
      token: initech.defaultToken,
      accountId: initech.defaultAccountId,
    },
  ]);
  await syncProfile(page, 'p2');
  await syncProfile(page, 'p3');
  // One profile's table has no Tenant column.
  await expect(page.getByRole('columnheader', { name: 'Tenant' })).toHaveCount(0);
  await expect(page.getByRole('status', { name: 'Shown IOCs' })).toHaveText('2 of 2 IOCs');
  await page.close();

  const all = await openOptionsPage(context, extensionId, 'options.html?profile=all#iocs');
  const grid = all.getByRole('grid', { name: 'IOCs' });
  await expect(all.getByRole('status', { name: 'Shown IOCs' })).toHaveText('8 of 8 IOCs');
  await expect(grid.getByRole('columnheader', { name: 'Tenant' })).toBeVisible();
  expect(new Map((await tenantRows(all)).map(([tenant, value]) => [value, tenant]))).toEqual(expected);

  // The Tenant filter: one tenant's rows, kept in the URL with the view across profiles.
  await all.getByRole('form', { name: 'Filters' }).getByLabel('Tenant').selectOption({ label: 'Globex' });
  await expect(all.getByRole('status', { name: 'Shown IOCs' })).toHaveText('3 of 8 IOCs');
  expect((await tenantRows(all)).map(([tenant]) => tenant)).toEqual(['Globex', 'Globex', 'Globex']);
  await expect(all).toHaveURL(/[?&]profile=all&tenant=p2#iocs$/);
  await all.getByRole('button', { name: 'Clear filters' }).click();
  await expect(all.getByRole('status', { name: 'Shown IOCs' })).toHaveText('8 of 8 IOCs');

  // Sorting by tenant: by label, each tenant's rows together.
  const tenantsInOrder = async () => (await tenantRows(all)).map(([tenant]) => tenant);
  await grid.getByRole('button', { name: 'Tenant' }).click();
  await expect(grid.getByRole('columnheader', { name: 'Tenant' })).toHaveAttribute('aria-sort', 'ascending');
  expect(await tenantsInOrder()).toEqual([
    ...Array(3).fill('Acme'),
    ...Array(3).fill('Globex'),
    'Initech',
    'Initech',
  ]);
  await grid.getByRole('button', { name: 'Tenant' }).click();
  await expect(grid.getByRole('columnheader', { name: 'Tenant' })).toHaveAttribute('aria-sort', 'descending');
  expect(await tenantsInOrder()).toEqual([
    'Initech',
    'Initech',
    ...Array(3).fill('Globex'),
    ...Array(3).fill('Acme'),
  ]);

  // The export names each row's tenant.
  const [csv] = await Promise.all([
    all.waitForEvent('download'),
    all.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  const parsed = Papa.parse<Record<string, string>>(readFileSync((await csv.path()) ?? '', 'utf8'), {
    header: true,
    skipEmptyLines: true,
  });
  expect(parsed.meta.fields?.slice(0, 3)).toEqual(['tenant', 'uuid', 'value']);
  expect(new Map(parsed.data.map((row) => [row.value, row.tenant]))).toEqual(expected);

  // The detail names the tenant.
  const [gone] = valuesOf(globex) as [string];
  await all.getByRole('gridcell', { name: gone, exact: true }).dblclick();
  const detail = all.getByRole('dialog');
  await expect(detail.getByRole('status', { name: 'Tenant' })).toHaveText('Tenant Globex');
  await detail.getByRole('button', { name: 'Close' }).first().click();
  await expect(detail).toBeHidden();

  // A delete of one Globex row reaches Globex's console, and no other.
  await all.getByLabel(`Select ${gone}`).check();
  await all.getByRole('button', { name: 'Delete selected…' }).click();
  const question = all.getByRole('dialog', { name: 'Delete selected IOCs' });
  await expect(question).toContainText('Delete 1 IOC in Globex from SentinelOne?');
  await question.getByRole('button', { name: 'Delete 1' }).click();
  await expect(question).toBeHidden();
  await expect.poll(() => valuesOf(globex)).not.toContain(gone);
  expect(valuesOf(globex)).toHaveLength(2);
  expect(valuesOf(sim)).toHaveLength(3);
  expect(valuesOf(initech)).toHaveLength(2);
  await expect(all.getByRole('status', { name: 'Shown IOCs' })).toHaveText('7 of 7 IOCs');
  expect(globex.requests().some((r) => r.method === 'DELETE')).toBe(true);
  expect(sim.requests().some((r) => r.method === 'DELETE')).toBe(false);
  expect(initech.requests().some((r) => r.method === 'DELETE')).toBe(false);

  // A selection across two tenants: one delete per tenant, each to its own console.
  const [acmeValue] = valuesOf(sim) as [string];
  const [initechValue] = valuesOf(initech) as [string];
  await all.getByLabel(`Select ${acmeValue}`).check();
  await all.getByLabel(`Select ${initechValue}`).check();
  await all.getByRole('button', { name: 'Delete selected…' }).click();
  await expect(question).toContainText('Delete 1 IOC in Acme and 1 IOC in Initech from SentinelOne?');
  await question.getByRole('button', { name: 'Delete 2' }).click();
  await expect(question).toBeHidden();
  await expect
    .poll(() => [valuesOf(sim).length, valuesOf(globex).length, valuesOf(initech).length])
    .toEqual([2, 2, 1]);
  expect(valuesOf(sim)).not.toContain(acmeValue);
  expect(valuesOf(initech)).not.toContain(initechValue);
  await expect(all.getByRole('status', { name: 'Shown IOCs' })).toHaveText('5 of 5 IOCs');
});

test('the other views across profiles ask for one profile instead of acting on the first', async ({
  context,
  extensionId,
  sim,
}) => {
  const page = await connectAndSync(context, extensionId, sim);
  await page.goto(page.url().replace(/options\.html.*$/, 'options.html?profile=all#new'));
  await expect(page.getByRole('status', { name: 'All profiles' })).toContainText('Pick a profile');
  await expect(page.getByRole('button', { name: 'Review' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  await expect(page.getByRole('status', { name: 'All profiles' })).toContainText('Pick a profile');
  await expect(page.getByRole('form', { name: 'Connection' })).toHaveCount(0);
  await page.getByRole('link', { name: 'IOCs', exact: true }).click();
  await expect(
    page.getByRole('grid', { name: 'IOCs' }).getByRole('columnheader', { name: 'Tenant' }),
  ).toBeVisible();
});
