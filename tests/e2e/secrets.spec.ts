/**
 * After a realistic session the API token is nowhere but in the Authorization
 * header to the configured console. The scan itself runs after every e2e test (fixtures.ts); this
 * spec drives a session that touches every place the token could leak to, and first proves that
 * the scan finds a token planted in each of those places.
 */
import type { Page, Worker } from '@playwright/test';
import { CONSOLE_URL, expect, test } from './fixtures';
import { connectAndSync } from './pages/options-page';
import { describeReport } from './pages/secret-scan';
import { gridRows } from './pages/tables';

test.use({ simOptions: { iocs: 40, now: new Date().toISOString() } });

/** Clicks a button that downloads a file, and waits for the download. */
async function download(page: Page, button: string): Promise<void> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  expect(await file.failure()).toBeNull();
}

/** Plants the token where the service worker can reach: its console, storage, the log store, requests. */
async function plantInWorker(worker: Worker, token: string): Promise<void> {
  await worker.evaluate(
    async ({ token, consoleUrl }) => {
      type Area = { set(items: object): Promise<void>; get(key: string): Promise<Record<string, unknown>> };
      type Areas = Record<'local' | 'session' | 'sync', Area>;
      const { storage } = (globalThis as unknown as { chrome: { storage: Areas } }).chrome;
      console.warn(`planted ${token}`); // warn: the one the linter lets through
      for (const area of ['local', 'session', 'sync'] as const) await storage[area].set({ planted: token });
      // Beside the token's own field, in the one item that may hold it.
      const { settings } = (await storage.local.get('settings')) as { settings?: { connection: object } };
      const connection = { ...settings?.connection, accountName: `planted ${token}` };
      await storage.local.set({ settings: { ...settings, connection } });
      const db = await new Promise<IDBDatabase>((resolve) => {
        indexedDB.open('s1-ioc-manager').onsuccess = (e) => resolve((e.target as IDBOpenDBRequest).result);
      });
      const entry = { at: new Date().toISOString(), level: 'info', area: 'planted', message: token };
      db.transaction('log', 'readwrite').objectStore('log').add(entry);
      db.close();
      // In the vault, the one place the token belongs, but beside its record: the scan skips only that field.
      const vault = await new Promise<IDBDatabase>((resolve) => {
        indexedDB.open('s1-ioc-manager-secrets').onsuccess = (e) =>
          resolve((e.target as IDBOpenDBRequest).result);
      });
      vault
        .transaction('token', 'readwrite')
        .objectStore('token')
        .put({ note: `planted ${token}` }, 'planted');
      vault.close();
      const leak = { method: 'POST', headers: { 'X-Planted': token }, body: btoa(`x${token}`) };
      await fetch(`${consoleUrl}/web/api/v2.1/system/info?planted=${token}`, leak);
      await fetch('https://elsewhere.sentinelone.net/web/api/v2.1/user', {
        headers: { Authorization: `ApiToken ${token}` },
      });
    },
    { token, consoleUrl: CONSOLE_URL },
  );
}

test.describe('the scan', () => {
  test.use({ secretsPlanted: true });

  test('finds a token planted in each place it scans', async ({
    context,
    extensionId,
    serviceWorker,
    secretScan,
    sim,
  }) => {
    const token = sim.defaultToken;
    await connectAndSync(context, extensionId, sim);
    const workerLogged = context.waitForEvent('console', (m) => m.text().startsWith('planted'));
    await plantInWorker(serviceWorker, token);
    await workerLogged;
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/options.html#planted-${token.slice(-20)}`);
    await Promise.all([
      page.waitForEvent('console', (m) => m.text().startsWith('planted')),
      page.waitForEvent('download'),
      page.waitForEvent('pageerror'),
      page.evaluate((secret) => {
        console.warn(`planted ${secret}`);
        localStorage.setItem('planted', secret);
        document.body.append(`planted ${secret}`);
        const link = document.createElement('a');
        link.href = URL.createObjectURL(new Blob([`planted ${secret}`]));
        link.download = 'planted.txt';
        link.click();
        setTimeout(() => {
          throw new Error(`planted ${secret.slice(0, 20)}`); // a part of it is enough
        });
      }, token),
    ]);

    const report = await secretScan.finish();
    const found = new Set(report.findings.map((f) => f.place.replace(/chrome-extension:\S*/, '…')));
    // biome-ignore lint/suspicious/noConsole: a reliability test prints its figures for the run's log.
    console.log(`negative control: the planted token was found in ${found.size} of 20 places`);
    expect([...found].sort()).toEqual(
      [
        'IndexedDB s1-ioc-manager/log',
        'IndexedDB s1-ioc-manager-secrets/token',
        'at the end: DOM of …',
        'at the end: web storage of …',
        'body received by the simulator',
        'console of the service worker',
        'console of …',
        'download planted.txt',
        'headers received by the simulator, except Authorization',
        'page URL',
        'request body (browser)',
        'request URL (browser)',
        'request headers except Authorization (browser)',
        'simulator request log',
        'storage.local planted',
        'storage.local settings',
        'storage.session planted',
        'storage.sync planted',
        'uncaught page error',
        'URL received by the simulator',
      ].sort(),
    );
    // Seen by the browser and by the simulator that received it, in whichever order the two report it.
    expect([...report.authorizedElsewhere].sort()).toEqual([
      expect.stringMatching(/^elsewhere\.sentinelone\.net: /),
      expect.stringMatching(/^https:\/\/elsewhere\.sentinelone\.net: /),
    ]);
  });
});

test('a whole session leaves the token nowhere but in the Authorization header to the console', async ({
  context,
  extensionId,
  secretScan,
  sim,
}) => {
  const page = await connectAndSync(context, extensionId, sim);
  await page.getByLabel('Source', { exact: true }).fill('a');
  await gridRows(page, 'IOCs').first().dblclick();
  await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
  await download(page, 'Export CSV');
  await download(page, 'Export JSON');
  await page.getByRole('button', { name: 'Clear filters' }).click();

  await page.getByRole('link', { name: 'New IOCs' }).click();
  await page.getByLabel(/^Values or text/).fill('evil-login[.]acme-phish[.]ru, 45.77.12.9');
  await page.getByRole('button', { name: 'Submit 2' }).click();
  await expect(page.getByRole('status', { name: 'Submit status' })).toHaveText('Detect: 2 of 2 stored.');
  await page.getByRole('link', { name: 'IOCs', exact: true }).click();
  await page.getByLabel('Value', { exact: true }).fill('45.77.12.9');
  await page.getByLabel('Select 45.77.12.9').check();
  await page.getByRole('button', { name: 'Delete selected…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete 1' }).click();
  await expect(page.getByRole('status', { name: 'Shown IOCs' })).toHaveText(/^0 of /);

  // The token expires: each error the analyst sees is scanned while it is on screen.
  sim.tokens.expire(sim.defaultToken);
  await page.getByRole('button', { name: /Grab the IOC/ }).click();
  await expect(page.getByRole('status', { name: 'Sync status' })).toHaveText(/^Last sync failed: .*HTTP 401/);
  await secretScan.snapshot(page, 'sync error');
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(popup.getByRole('status', { name: 'Sync status' })).toHaveText(/failed/i);
  await secretScan.snapshot(popup, 'popup warning');
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Test connection' }).click();
  await expect(page.getByRole('status', { name: 'Connection status' })).toHaveText(/HTTP 401/);
  await secretScan.snapshot(page, 'connection error');
  await download(page, 'Export YAML');
  await page.getByRole('link', { name: 'Activity log' }).click();
  await download(page, 'Download S1_IOC_manager.log');

  const report = await secretScan.finish();
  // biome-ignore lint/suspicious/noConsole: a reliability test prints its figures for the run's log.
  console.log(`session: ${describeReport(report)}`);
  expect(report.findings).toEqual([]);
  expect(report.authorized).toBeGreaterThan(10);
  expect(report.authorizedElsewhere).toEqual([]);
  expect(report.places).toBeGreaterThan(20);
});
