/**
 * A settings file is outside input: it can swap the console and its token, the account and the
 * quick path at once. The manager shows what an import changes and saves nothing until Apply; an
 * import never turns the quick path on; a file with YAML aliases (an alias bomb) is refused with its
 * line instead of stalling or failing silently.
 */
import { writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { SIM_TOKENS } from '../simulator';
import { CONSOLE_URL, expect, test } from './fixtures';
import { readExtensionStorage, readTokenVault } from './pages/extension-storage';
import { fillConnection, openOptionsPage, saveFirstConnection } from './pages/options-page';

/** The console a file points at: inside the manifest's grant and mapped to the simulator too. */
const OTHER_CONSOLE = 'https://usea1-other.sentinelone.net';
test.use({ consoleOrigins: [new URL(CONSOLE_URL).origin, OTHER_CONSOLE] });

const connectionStatus = (page: Page) => page.getByRole('status', { name: 'Connection status' });

async function connect(page: Page, token: string, accountId: string): Promise<void> {
  await fillConnection(page, { consoleUrl: CONSOLE_URL, apiToken: token, accountId });
  await saveFirstConnection(page, { stayOnSettings: true });
}

test('an import that swaps console, token and quick path is shown first; Cancel keeps, Apply saves with the quick path off', async ({
  context,
  extensionId,
  serviceWorker,
  secretScan,
  sim,
}) => {
  const page = await openOptionsPage(context, extensionId);
  await connect(page, sim.defaultToken, sim.defaultAccountId);
  const before = (await readExtensionStorage(serviceWorker)).local.settings as Record<string, unknown>;
  expect(before).toMatchObject({ quickBlockSingle: false, logLevel: 'info' });

  const file = test.info().outputPath('settings.yml');
  writeFileSync(
    file,
    `connection:\n  consoleUrl: ${OTHER_CONSOLE}\n  apiToken: ${SIM_TOKENS.readOnly}\n  accountId: "${sim.defaultAccountId}"\nquickBlockSingle: true\nlogLevel: debug\n`,
  );
  const preview = page.getByRole('dialog', { name: 'Import settings.yml?' });
  const changes = preview.getByRole('table', { name: 'What the import changes' });
  const row = (label: string) => changes.getByRole('row', { name: label });

  await page.getByLabel(/^Import YAML/).setInputFiles(file);
  await expect(preview).toBeVisible();
  await expect(row('Console URL')).toHaveText(`Console URL${CONSOLE_URL}${OTHER_CONSOLE}`);
  await expect(row('API token')).toHaveText('API tokenthe saved tokenreplaced by the file’s token');
  await expect(row('Quick detect')).toHaveText(/offstays off: turn it on yourself in Settings$/);
  await expect(row('Log level')).toHaveText('Log levelinfodebug');
  await secretScan.snapshot(page, 'the import preview');
  await page.screenshot({ path: test.info().outputPath('import-preview.png') });

  await preview.getByRole('button', { name: 'Cancel' }).click();
  await expect(preview).toBeHidden();
  expect((await readExtensionStorage(serviceWorker)).local.settings).toEqual(before);
  expect(await readTokenVault(serviceWorker)).toEqual({ consoleUrl: CONSOLE_URL, token: sim.defaultToken });

  await page.getByLabel(/^Import YAML/).setInputFiles(file);
  await preview.getByRole('button', { name: 'Apply' }).click();
  await expect(connectionStatus(page)).toHaveText('Imported settings.yml.');
  const after = (await readExtensionStorage(serviceWorker)).local.settings as Record<string, unknown>;
  expect(after).toMatchObject({
    connection: { consoleUrl: OTHER_CONSOLE, accountId: sim.defaultAccountId },
    quickBlockSingle: false,
    logLevel: 'debug',
  });
  // The file's token went into the vault, bound to the file's console, and not into storage.
  expect(await readTokenVault(serviceWorker)).toEqual({
    consoleUrl: OTHER_CONSOLE,
    token: SIM_TOKENS.readOnly,
  });
  expect(JSON.stringify(after)).not.toContain(SIM_TOKENS.readOnly);
  await expect(page.getByLabel('Detect a single valid new IOC without the review')).not.toBeChecked();
});

test('a file with YAML aliases, or too large to be settings, is refused in place and changes nothing', async ({
  context,
  extensionId,
  serviceWorker,
  sim,
}) => {
  const page = await openOptionsPage(context, extensionId);
  await connect(page, sim.defaultToken, sim.defaultAccountId);
  const before = (await readExtensionStorage(serviceWorker)).local.settings;

  const bomb = test.info().outputPath('bomb.yml');
  const levels = 'abcdefghi'.split('');
  writeFileSync(
    bomb,
    `logLevel: debug\nlol: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n${levels
      .slice(1)
      .map((name, i) => `${name}: &${name} [${Array(9).fill(`*${levels[i]}`).join(',')}]`)
      .join('\n')}\n`,
  );
  await page.getByLabel(/^Import YAML/).setInputFiles(bomb);
  await expect(connectionStatus(page)).toHaveText(
    'bomb.yml: Line 3: settings files may not use YAML aliases (*a). Nothing was changed.',
  );

  const huge = test.info().outputPath('huge.yml');
  writeFileSync(huge, `logLevel: debug\n# ${'x'.repeat(300 * 1024)}\n`);
  await page.getByLabel(/^Import YAML/).setInputFiles(huge);
  await expect(connectionStatus(page)).toHaveText(
    'huge.yml: The file is larger than 256 KB: a settings file is a few hundred bytes. Nothing was changed.',
  );

  await expect(page.getByRole('dialog')).toBeHidden();
  expect((await readExtensionStorage(serviceWorker)).local.settings).toEqual(before);
});
