/**
 * The settings file of every profile: two tenants on two consoles exported together, the second
 * removed, then brought back from the file. Without tokens it returns with its settings and asks for
 * its token; with tokens it returns connected and syncs its console. The first profile, in the file
 * unchanged, is left as it was.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { CONSOLE_URL, expect, test } from './fixtures';
import { readExtensionStorage } from './pages/extension-storage';
import { connectAndSync, visibleValues } from './pages/options-page';
import { addProfile } from './pages/profiles-page';

const GLOBEX = 'https://euce1-globex.sentinelone.net';

test.use({
  simOptions: { iocs: 5, seed: 1 },
  extraConsoles: { [GLOBEX]: { iocs: 4, seed: 2 } },
});

const connectionStatus = (page: Page) => page.getByRole('status', { name: 'Connection status' });
const switcher = (page: Page) => page.getByLabel('Profile', { exact: true });

/** Settings → Remove Globex → confirm: the page moves to the first profile. */
async function removeGlobex(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Remove Globex' }).click();
  const confirm = page.getByRole('dialog', { name: 'Remove the profile Globex?' });
  await confirm.getByRole('button', { name: 'Remove Globex' }).click();
  await expect(switcher(page)).toHaveCount(0);
  await expect(page).toHaveURL(/options\.html#settings$/);
}

/**
 * Export YAML with the tokens ticked, the file caught in the page as it is made: a real download
 * holding tokens is what the secret scan exists to flag, so the download gets a placeholder instead.
 */
async function exportWithTokens(page: Page): Promise<string> {
  await page.evaluate(() => {
    const caught = globalThis as unknown as { caughtExport?: Promise<string> };
    const original = URL.createObjectURL;
    caught.caughtExport = new Promise((resolve) => {
      URL.createObjectURL = (blob: Blob | MediaSource) => {
        URL.createObjectURL = original;
        resolve((blob as Blob).text());
        return original.call(URL, new Blob(['caught by the test']));
      };
    });
  });
  await page.getByLabel('Include the API token in the export').check();
  await page.getByRole('button', { name: 'Export YAML' }).click();
  const text = await page.evaluate(
    () => (globalThis as unknown as { caughtExport: Promise<string> }).caughtExport,
  );
  await page.getByLabel('Include the API token in the export').uncheck();
  return text;
}

async function importFile(page: Page, path: string): Promise<void> {
  await page.getByLabel(/^Import YAML/).setInputFiles(path);
}

test('all profiles exported, one removed, brought back: asking for its token, or connected and syncing', async ({
  context,
  extensionId,
  serviceWorker,
  sim,
  consoles,
}) => {
  // Two consoles synced, two removals and two imports: longer than one flow's default budget.
  test.slow();
  const globex = consoles.get(GLOBEX);
  const first = `Account ${sim.defaultAccountId}`;
  const page = await connectAndSync(context, extensionId, sim);
  await addProfile(page, { name: 'Globex', colour: 'purple', connect: { consoleUrl: GLOBEX, sim: globex } });

  // Globex's own defaults, to see them come back.
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  await page.getByLabel('Default score').fill('70');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(connectionStatus(page)).toHaveText('Saved.');

  // All profiles, without tokens: a real download.
  await page.getByLabel('Profiles to export').selectOption({ label: 'All profiles' });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export YAML' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('s1-ioc-manager-profiles.yml');
  const withoutTokens = readFileSync((await download.path()) ?? '', 'utf8');
  expect(withoutTokens).toContain('profileName: Globex\n    profileColour: purple\n');
  expect(withoutTokens).toContain(`consoleUrl: ${GLOBEX}`);
  expect(withoutTokens).toContain(`consoleUrl: ${CONSOLE_URL}`);
  expect(withoutTokens).toContain('score: 70');
  expect(withoutTokens).not.toContain('apiToken');
  // With tokens: each profile's own.
  const withTokens = await exportWithTokens(page);
  expect(withTokens).toContain(`apiToken: ${sim.defaultToken}`);
  expect(withTokens).toContain(`apiToken: ${globex.defaultToken}`);
  const dir = test.info().outputPath();
  writeFileSync(`${dir}/profiles.yml`, withoutTokens);
  writeFileSync(`${dir}/profiles-tokens.yml`, withTokens);

  // Without tokens: Globex comes back with its settings and asks for its token.
  await removeGlobex(page);
  await importFile(page, `${dir}/profiles.yml`);
  const preview = page.getByRole('dialog', { name: 'Import profiles.yml?' });
  const globexPreview = preview.getByRole('region', { name: 'Globex' });
  await expect(globexPreview.getByRole('heading')).toHaveText('Globex: a new profile');
  await expect(globexPreview).toContainText('The file holds no API token for its console');
  const changes = globexPreview.getByRole('table', { name: 'What the import changes in Globex' });
  await expect(changes.getByRole('row', { name: 'Console URL' })).toHaveText(`Console URL(none)${GLOBEX}`);
  await expect(changes.getByRole('row', { name: 'Default score' })).toHaveText('Default score10070');
  await expect(preview.getByRole('region', { name: first })).toContainText(
    'The file changes nothing in this profile.',
  );
  await preview.getByRole('button', { name: 'Apply' }).click();
  await expect(connectionStatus(page)).toHaveText(
    'Imported profiles.yml into 2 profiles. Added 1 profile: Globex. Globex asks for its API token: open it and enter the token in Settings.',
  );
  await expect(switcher(page).getByRole('option')).toHaveText([first, 'Globex', 'All profiles']);
  await switcher(page).selectOption({ label: 'Globex' });
  await expect(page).toHaveURL(/\?profile=p\d+#settings$/);
  const tokenless = new URL(page.url()).searchParams.get('profile') ?? '';
  await expect(page.getByLabel('Console URL', { exact: true })).toHaveValue(GLOBEX);
  await expect(page.getByLabel('Default score')).toHaveValue('70');
  await expect(page.getByLabel('API token', { exact: true })).toHaveValue('');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(connectionStatus(page)).toHaveText('Enter the API token.');
  const local = (await readExtensionStorage(serviceWorker)).local as Record<string, { connection: unknown }>;
  expect(local[`settings.${tokenless}`]?.connection).toMatchObject({ consoleUrl: GLOBEX, tokenHint: '' });

  // With tokens: Globex comes back connected and syncs its console.
  await removeGlobex(page);
  await importFile(page, `${dir}/profiles-tokens.yml`);
  const again = page.getByRole('dialog', { name: 'Import profiles-tokens.yml?' });
  await expect(
    again.getByRole('region', { name: 'Globex' }).getByRole('table').getByRole('row', { name: 'API token' }),
  ).toHaveText('API token(none)replaced by the file’s token');
  await again.getByRole('button', { name: 'Apply' }).click();
  await expect(connectionStatus(page)).toHaveText(
    'Imported profiles-tokens.yml into 2 profiles. Added 1 profile: Globex.',
  );
  await switcher(page).selectOption({ label: 'Globex' });
  await page.getByRole('link', { name: 'IOCs', exact: true }).click();
  await expect(page.getByRole('status', { name: 'Sync status' })).toHaveText(/^Complete as of /, {
    timeout: 30_000,
  });
  const globexValues = globex
    .iocs(globex.defaultAccountId)
    .map((ioc) => ioc.value)
    .sort();
  await expect.poll(async () => (await visibleValues(page)).sort()).toEqual(globexValues);
});
