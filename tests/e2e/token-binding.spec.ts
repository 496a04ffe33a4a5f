/**
 * The API token goes to its console and nowhere else. A hostile HTTPS origin that says yes to every
 * CORS preflight (pages/evil-origin.ts) stands for a mistyped console and for the host a redirect
 * points to; each test ends with nothing received there, beside the fixture's secrets scan.
 */
import { test as base, CONSOLE_URL, expect } from './fixtures';
import { type EvilOrigin, startEvilOrigin } from './pages/evil-origin';
import { readExtensionStorage, readTokenVault, writeTokenVault } from './pages/extension-storage';
import { connectAndSync } from './pages/options-page';
import { HASHES, pasteForReview, submit, submitStatus, syncNow } from './pages/review-blocks';

/** A typo in the tenant's name: inside the manifest's grant of *.sentinelone.net, so only the binding stops the token. */
const TYPO = 'https://usea1-tset.sentinelone.net';
/** A console on a domain of its own, which the extension may reach only once the analyst allows it. */
const FOREIGN = 'https://s1-console.evil.example';

const test = base.extend<{ evil: EvilOrigin }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern; it has none.
  evil: async ({}, use) => {
    const evil = await startEvilOrigin();
    await use(evil);
    await evil.close();
  },
  hostRules: async ({ evil }, use) => {
    await use([evil.mapRule(new URL(TYPO).host), evil.mapRule(new URL(FOREIGN).host)]);
  },
});

test.use({ simOptions: { iocs: 5, now: new Date().toISOString() } });

/** The two extension APIs the tests call from the extension's own contexts. */
interface ExtensionApi {
  runtime: { sendMessage(message: unknown): Promise<{ res?: unknown; err?: { message: string } }> };
  storage: {
    local: {
      get(key: string): Promise<{ settings: { connection: Record<string, unknown> } }>;
      set(items: Record<string, unknown>): Promise<void>;
    };
  };
}

const connectionStatus = (page: import('@playwright/test').Page) =>
  page.getByRole('status', { name: 'Connection status' });

const refusal = (origin: string) =>
  `Enter the API token for ${origin}: the saved token belongs to ${CONSOLE_URL} and is never sent elsewhere.`;

test('a console URL changed in Settings gets nothing without a new token: not from Test connection, Load accounts, Save or the sync', async ({
  context,
  extensionId,
  serviceWorker,
  sim,
  evil,
}) => {
  const page = await connectAndSync(context, extensionId, sim);
  await page.getByRole('link', { name: 'Settings' }).click();
  const token = page.getByLabel('API token', { exact: true });
  await expect(token).toHaveValue('');
  await expect(token).toHaveAttribute(
    'placeholder',
    `Saved token …${sim.defaultToken.slice(-4)}: leave empty to keep it`,
  );
  const saved = (await readExtensionStorage(serviceWorker)).local.settings;

  await page.getByLabel('Console URL', { exact: true }).fill(TYPO);
  for (const button of ['Test connection', 'Load accounts', 'Save']) {
    await page.getByRole('button', { name: button }).click();
    await expect(connectionStatus(page), button).toHaveText(refusal(TYPO));
  }
  expect((await readExtensionStorage(serviceWorker)).local.settings).toEqual(saved);
  await syncNow(page);

  // The worker keeps the rule for whatever asks it, not only for this form.
  const answer = await page.evaluate((consoleUrl) => {
    const { runtime } = (globalThis as unknown as { chrome: ExtensionApi }).chrome;
    return runtime.sendMessage({
      id: 1,
      type: 'testConnection',
      // As lib/messages.ts frames it: the profile, then the request.
      data: { profileId: 'p1', request: { consoleUrl, accountId: '1' } },
      timestamp: Date.now(),
    });
  }, TYPO);
  expect(answer.err?.message).toBe(refusal(TYPO));

  // The saved console, written another way, keeps the saved token with the field left empty.
  await page.getByLabel('Console URL', { exact: true }).fill(`${CONSOLE_URL}/web/api/v2.1/`);
  await page.getByRole('button', { name: 'Test connection' }).click();
  await expect(connectionStatus(page)).toHaveText(
    /^Connected as soc\.analyst@acme\.example \(account scope\)\. .* Role: IOC Manager\. The token expires on /,
  );
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(connectionStatus(page)).toHaveText('Saved.');
  expect((await readExtensionStorage(serviceWorker)).local.settings).toMatchObject({
    connection: { consoleUrl: CONSOLE_URL, tokenHint: `…${sim.defaultToken.slice(-4)}` },
  });
  expect(await readTokenVault(serviceWorker)).toEqual({ consoleUrl: CONSOLE_URL, token: sim.defaultToken });
  expect(evil.received()).toEqual([]);
});

test('a console outside the manifest’s grant gets nothing before the browser allows it, whatever the settings hold', async ({
  context,
  extensionId,
  serviceWorker,
  sim,
  evil,
}) => {
  const page = await connectAndSync(context, extensionId, sim);

  // Settings changed behind the form's back (a tampered profile, a file), the token's binding in the
  // vault too, so that the token is offered to that console: the client itself refuses.
  const saved = await readTokenVault(serviceWorker);
  await writeTokenVault(serviceWorker, { consoleUrl: FOREIGN, token: saved?.token ?? '' });
  await serviceWorker.evaluate(async (consoleUrl) => {
    const { storage } = (globalThis as unknown as { chrome: ExtensionApi }).chrome;
    const { settings } = await storage.local.get('settings');
    await storage.local.set({
      settings: { ...settings, connection: { ...settings.connection, consoleUrl } },
    });
  }, FOREIGN);
  await expect(page.getByRole('status', { name: 'Sync status' })).toHaveText(
    /^Last sync failed: The extension has not been allowed to reach https:\/\/s1-console\.evil\.example, so nothing was sent there\./,
    { timeout: 20_000 },
  );

  // Test connection asks the browser first; the prompt, which nobody answers here, holds everything.
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Console URL', { exact: true }).fill(FOREIGN);
  await page.getByLabel('API token', { exact: true }).fill('a-token-typed-for-the-foreign-console');
  await page.getByRole('button', { name: 'Test connection' }).click();
  await expect(connectionStatus(page)).toHaveText('Testing the connection…');
  await page.waitForTimeout(2_000);
  await expect(connectionStatus(page)).toHaveText('Testing the connection…');
  expect(evil.received()).toEqual([]);
});

test('a console that answers with a redirect: the call fails saying so, and the other host receives nothing', async ({
  context,
  extensionId,
  sim,
  evil,
}) => {
  const page = await connectAndSync(context, extensionId, sim);
  const message = `${CONSOLE_URL} answered with a redirect; the extension never follows one, so that the token and your data go only to the console. Check the console URL.`;

  sim.configure({ redirects: [{ path: '/web/api/v2.1/user', status: 307, to: TYPO }] });
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Test connection' }).click();
  await expect(connectionStatus(page)).toHaveText(message);

  // A write: the body the browser would forward on a 307 is the IOC itself.
  sim.configure({
    redirects: [{ path: '/web/api/v2.1/threat-intelligence/iocs', method: 'POST', status: 307, to: TYPO }],
  });
  const hash = HASHES.sha1;
  await pasteForReview(page, hash, 1);
  await submit(page);
  await expect(submitStatus(page)).toContainText(message);
  expect(sim.iocs().map((ioc) => ioc.value)).not.toContain(hash);
  expect(
    sim.requests().filter((r) => r.method === 'POST' && r.path.endsWith('/threat-intelligence/iocs')),
  ).toHaveLength(1);
  expect(evil.received()).toEqual([]);
});
