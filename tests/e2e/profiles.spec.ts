/**
 * An MSSP analyst's three tenants on three consoles: profiles added and connected from Settings, each
 * syncing its own console into its own cache; the header switches between them and the URL names the
 * profile; a removed profile leaves no cache, token, settings or status behind.
 */
import type { BrowserContext, Page } from '@playwright/test';
import type { Simulator } from '../simulator';
import { expect, test } from './fixtures';
import { connectAndSync, openOptionsPage, visibleValues } from './pages/options-page';
import { addProfile } from './pages/profiles-page';

const GLOBEX = 'https://euce1-globex.sentinelone.net';
const INITECH = 'https://apne1-initech.sentinelone.net';

test.use({
  simOptions: { iocs: 6, seed: 1 },
  extraConsoles: { [GLOBEX]: { iocs: 4, seed: 2 }, [INITECH]: { iocs: 3, seed: 3 } },
});

const sortedValues = (sim: Simulator) =>
  sim
    .iocs(sim.defaultAccountId)
    .map((ioc) => ioc.value)
    .sort();

/** What the extension keeps about profile `id`, read in one of its pages. */
function leftovers(page: Page, id: string) {
  return page.evaluate(async (id) => {
    const { chrome } = globalThis as unknown as {
      chrome: {
        storage: {
          local: { get(keys: null): Promise<Record<string, { profiles?: Array<{ id: string }> }>> };
        };
      };
    };
    const local = await chrome.storage.local.get(null);
    const databases = (await indexedDB.databases()).map((db) => db.name);
    const vault = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('s1-ioc-manager-secrets');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const tokenKeys = await new Promise<string[]>((resolve) => {
      const keys = vault.transaction('token').objectStore('token').getAllKeys();
      keys.onsuccess = () => resolve(keys.result.map(String));
    });
    vault.close();
    return {
      storageKeys: Object.keys(local).filter((key) => key.endsWith(`.${id}`)),
      database: databases.includes(`s1-ioc-manager.${id}`),
      token: tokenKeys.includes(`token.${id}`),
      listed: (local.profiles?.profiles ?? []).some((profile) => profile.id === id),
    };
  }, id);
}

async function openProfile(context: BrowserContext, extensionId: string, search: string): Promise<Page> {
  return openOptionsPage(context, extensionId, `options.html${search}#iocs`);
}

test('three tenants on three consoles: add, sync, switch, bookmark, rename and remove', async ({
  context,
  extensionId,
  sim,
  consoles,
}) => {
  const globex = consoles.get(GLOBEX);
  const initech = consoles.get(INITECH);
  // One profile: no switcher, nothing new on screen.
  const page = await connectAndSync(context, extensionId, sim);
  // Unnamed, the first profile is called by what it connects to.
  const first = `Account ${sim.defaultAccountId}`;
  await expect(page.getByLabel('Profile', { exact: true })).toHaveCount(0);
  expect((await visibleValues(page)).sort()).toEqual(sortedValues(sim));

  await addProfile(page, { name: 'Globex', connect: { consoleUrl: GLOBEX, sim: globex } });
  expect((await visibleValues(page)).sort()).toEqual(sortedValues(globex));
  await addProfile(page, { name: 'Initech', connect: { consoleUrl: INITECH, sim: initech } });
  expect((await visibleValues(page)).sort()).toEqual(sortedValues(initech));
  // Each console was read with its own token only (the secret scan checks no token went elsewhere).
  for (const console of [sim, globex, initech])
    expect(
      console.requests().filter((r) => r.path.endsWith('/threat-intelligence/iocs')).length,
    ).toBeGreaterThan(0);

  // The header switches; the first profile's URL names no profile, as before profiles existed.
  const switcher = page.getByLabel('Profile', { exact: true });
  await expect(switcher.getByRole('option')).toHaveText([first, 'Globex', 'Initech', 'All profiles']);
  await switcher.selectOption({ label: 'Globex' });
  await expect(page).toHaveURL(/options\.html\?profile=p2#iocs$/);
  await expect.poll(async () => (await visibleValues(page)).sort()).toEqual(sortedValues(globex));
  await page.getByLabel('Profile', { exact: true }).selectOption({ label: first });
  await expect(page).toHaveURL(/options\.html#iocs$/);
  await expect.poll(async () => (await visibleValues(page)).sort()).toEqual(sortedValues(sim));

  // Every tenant together, from the same picker.
  await page.getByLabel('Profile', { exact: true }).selectOption({ label: 'All profiles' });
  await expect(page).toHaveURL(/options\.html\?profile=all#iocs$/);
  await expect(page.getByRole('grid', { name: 'IOCs' })).toBeVisible();
  const everyValue = [...sortedValues(sim), ...sortedValues(globex), ...sortedValues(initech)].sort();
  await expect.poll(async () => (await visibleValues(page)).sort()).toEqual(everyValue);
  await page.getByLabel('Profile', { exact: true }).selectOption({ label: first });

  // A bookmark opens the same tenant.
  const bookmarked = await openProfile(context, extensionId, '?profile=p3');
  await expect(bookmarked.getByLabel('Profile', { exact: true })).toHaveValue('p3');
  await expect.poll(async () => (await visibleValues(bookmarked)).sort()).toEqual(sortedValues(initech));

  // Rename from Settings.
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  await page.getByRole('button', { name: 'Rename Globex' }).click();
  const rename = page.getByRole('form', { name: 'Rename Globex' });
  await rename.getByLabel('Profile name').fill('Globex EU');
  await rename.getByRole('button', { name: 'Save name' }).click();
  await expect(page.getByLabel('Profile', { exact: true }).getByRole('option')).toHaveText([
    first,
    'Globex EU',
    'Initech',
    'All profiles',
  ]);

  // Remove: the confirmation names the profile and what goes; then nothing of it is left.
  expect(await leftovers(page, 'p2')).toEqual({
    storageKeys: ['settings.p2', 'syncStatus.p2'],
    database: true,
    token: true,
    listed: true,
  });
  await page.getByRole('button', { name: 'Remove Globex EU' }).click();
  const confirm = page.getByRole('dialog', { name: 'Remove the profile Globex EU?' });
  await expect(confirm).toContainText(`Its local cache (${sortedValues(globex).length} IOCs), its API token`);
  await confirm.getByRole('button', { name: 'Remove Globex EU' }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByLabel('Profile', { exact: true }).getByRole('option')).toHaveText([
    first,
    'Initech',
    'All profiles',
  ]);
  await expect
    .poll(() => leftovers(page, 'p2'))
    .toEqual({
      storageKeys: [],
      database: false,
      token: false,
      listed: false,
    });
  // Nothing changed in its console; the other tenants keep theirs.
  expect(globex.iocs(globex.defaultAccountId)).toHaveLength(sortedValues(globex).length);
  expect((await leftovers(page, 'p3')).token).toBe(true);

  // An old tab or bookmark of the removed profile says so rather than showing another tenant.
  const stale = await openProfile(context, extensionId, '?profile=p2');
  await expect(stale.getByRole('alert')).toHaveText(/This profile no longer exists/);
  await expect(stale.getByRole('link', { name: 'Open Initech' })).toBeVisible();
});
