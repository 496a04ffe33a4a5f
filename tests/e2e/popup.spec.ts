import type { BrowserContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { createOnConsole } from './pages/console-api';
import { connectAndSync } from './pages/options-page';

test.use({ simOptions: { iocs: 0, now: new Date().toISOString() } });

/** The toolbar popup, opened as its own page (what the toolbar button shows). */
async function openPopup(context: BrowserContext, extensionId: string): Promise<Page> {
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 440, height: 600 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  return popup;
}

/** Each answer's lines as the analyst reads them, joined with ' | '. */
const answerTexts = async (popup: Page) =>
  (await popup.getByRole('list', { name: 'Answers' }).getByRole('listitem').allInnerTexts()).map((text) =>
    text
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
      .join(' | '),
  );

test.describe('connected', () => {
  test.beforeEach(async ({ sim, simPort }) => {
    await createOnConsole(sim, simPort, [
      {
        type: 'DNS',
        value: 'evil-cdn.badcorp.top',
        source: 'MISP',
        method: 'EQUALS',
        name: 'Staging',
        creator: 'carol@acme.example',
      },
      { type: 'MD5', value: '0a1b2c3d4e5f60718293a4b5c6d7e8f9', source: 'MISP', method: 'EQUALS' },
    ]);
  });

  test('answers present, absent, defanged and several values from the cache, without asking the console', async ({
    context,
    extensionId,
    sim,
  }) => {
    await connectAndSync(context, extensionId, sim);
    const popup = await openPopup(context, extensionId);
    await expect(popup.getByRole('status', { name: 'Sync status' })).toHaveText(/^Complete as of /);
    await expect(popup.getByRole('status', { name: 'IOC count' })).toHaveText('2 IOCs cached');
    const box = popup.getByLabel(/^Look up values/);
    await expect(box).toBeFocused();
    sim.clearRequests();

    await box.fill('evil-cdn[.]badcorp[.]top');
    await expect
      .poll(() => answerTexts(popup))
      .toEqual([
        'evil-cdn.badcorp.top | In SentinelOne | Detected · Not blocked | DNS · Staging · expires in 89 days · by carol@acme.example | Block network | Open in manager | Open in…',
      ]);

    await box.fill('45.77.12.9, 0A1B2C3D4E5F60718293A4B5C6D7E8F9\n999.1.1.1');
    await expect
      .poll(() => answerTexts(popup))
      .toEqual([
        '45.77.12.9 | Not in SentinelOne | Not detected · Not blocked | Detect | Block network | Open in manager | Open in…',
        '0a1b2c3d4e5f60718293a4b5c6d7e8f9 | In SentinelOne | Detected · Not blocked | MD5 · expires in 179 days | SentinelOne can only detect MD5 hashes: the Blocklist takes SHA1 and SHA256. | Open in manager | Open in…',
        '999.1.1.1 | Not an IOC | not a valid IPv4 address (each part must be 0-255): 999.1.1.1',
      ]);
    await popup.screenshot({ path: test.info().outputPath('popup-answers.png') });
    // Every answer came from the local cache.
    expect(sim.requests()).toEqual([]);
  });

  test('Detect sends an absent value with the defaults, and Open in manager shows it filtered', async ({
    context,
    extensionId,
    sim,
  }) => {
    await connectAndSync(context, extensionId, sim);
    const popup = await openPopup(context, extensionId);
    await popup.getByLabel(/^Look up values/).fill('45[.]77[.]12[.]9');
    await popup.getByRole('button', { name: 'Detect 45.77.12.9' }).click();
    await expect(popup.getByRole('status', { name: 'Detect status of 45.77.12.9' })).toHaveText(
      'Detect: Stored',
    );
    const stored = sim.iocs(sim.defaultAccountId).find((ioc) => ioc.value === '45.77.12.9');
    expect(stored).toMatchObject({
      type: 'IPV4',
      source: 'S1 IOC Manager',
      method: 'EQUALS',
      originalRiskScore: 100,
    });
    // The cache follows the write, and the answer with it.
    await expect
      .poll(() => answerTexts(popup))
      .toEqual([
        '45.77.12.9 | In SentinelOne | Detected · Not blocked | IPV4 · expires in 29 days | Block network | Open in manager | Open in… | Detect: Stored',
      ]);

    const managerOpened = context.waitForEvent('page', {
      predicate: (page) => page.url().includes('/options.html?value='),
    });
    await popup.getByRole('button', { name: 'Open in manager 45.77.12.9' }).click();
    const manager = await managerOpened;
    await expect(manager.getByRole('status', { name: 'Shown IOCs' })).toHaveText('1 of 3 IOCs');
    await expect(manager.getByLabel('Value', { exact: true })).toHaveValue('45.77.12.9');
  });

  test('warns when the token has expired and when the last sync failed', async ({
    context,
    extensionId,
    sim,
  }) => {
    const manager = await connectAndSync(context, extensionId, sim);
    sim.tokens.expire(sim.defaultToken);
    await manager.getByRole('button', { name: /Grab the IOC/ }).click();
    await expect(manager.getByRole('status', { name: 'Sync status' })).toHaveText(/^Last sync failed/);

    const popup = await openPopup(context, extensionId);
    await expect(popup.getByRole('status', { name: 'Sync status' })).toHaveText('Last sync failed');
    await expect(popup.getByRole('alert')).toHaveText([
      'The API token is invalid or has expired: enter a new one in Settings.',
      /^Last sync failed: The API token is invalid or has expired \(HTTP 401\)/,
    ]);
    // The cache still answers.
    await popup.getByLabel(/^Look up values/).fill('evil-cdn.badcorp.top');
    await expect(popup.getByRole('list', { name: 'Answers' })).toContainText('In SentinelOne');
  });
});

test('before the extension is connected the popup says so and leads to the connection screen', async ({
  context,
  extensionId,
}) => {
  const popup = await openPopup(context, extensionId);
  await expect(popup.getByRole('alert')).toHaveText(
    'Not connected: set the console URL and API token first.',
  );
  const settingsOpened = context.waitForEvent('page', {
    predicate: (page) => page.url().includes('/options.html'),
  });
  await popup.getByRole('button', { name: 'Open the connection screen' }).click();
  const settings = await settingsOpened;
  await expect(settings.getByLabel('Console URL', { exact: true })).toBeVisible();
});
