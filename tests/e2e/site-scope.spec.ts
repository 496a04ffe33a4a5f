/**
 * A site-scoped token end to end: Load accounts finds its site, the manager syncs the site's IOCs and not
 * the account's, and every create, delete and block names the site (`siteIds`), never the account.
 */
import type { LoggedRequest } from '../simulator';
import { PARIS_SITE_ID, SIM_TOKENS } from '../simulator';
import { CONSOLE_URL, expect, test } from './fixtures';
import { openOptionsPage, saveFirstConnection, visibleValues } from './pages/options-page';
import { HASHES, heldBlocklist, pasteForReview, submit, submitStatus } from './pages/review-blocks';

test.use({ simOptions: { iocs: 5 } });

const SITE_IOCS = [
  { type: 'DNS', value: 'paris-c2.example.net', source: 'Paris SOC', method: 'EQUALS' },
  { type: 'IPV4', value: '198.51.100.23', source: 'Paris SOC', method: 'EQUALS' },
  { type: 'DNS', value: 'paris-drop.example.org', source: 'Paris SOC', method: 'EQUALS' },
] as const;
const NEW_DOMAIN = 'lyon-phish.badcorp.top';
const SHA256 = HASHES.sha256.toLowerCase();
/** The endpoints whose calls carry a scope; `user`, `sites` and `system/*` name none. */
const SCOPED = /\/web\/api\/v2\.1\/(threat-intelligence\/iocs|restrictions|firewall-control)/;

/** The scope fields a logged request named, in its query or its body's `filter`. */
function scopeFields(request: LoggedRequest): Record<string, unknown> {
  const filter = (request.body as { filter?: Record<string, unknown> } | null | undefined)?.filter ?? {};
  return { ...request.query, ...filter };
}
const namesSite = (fields: Record<string, unknown>) => String(fields.siteIds ?? '') === PARIS_SITE_ID;

test('a site token connects to its site, syncs, creates, deletes and blocks there, naming only the site', async ({
  context,
  extensionId,
  sim,
  simPort,
}) => {
  // Another user of the site put IOCs there, by a plain POST (not our client, whose scope is under test).
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
  const seeded = await fetch(`https://127.0.0.1:${simPort}/web/api/v2.1/threat-intelligence/iocs`, {
    method: 'POST',
    headers: { Authorization: `ApiToken ${SIM_TOKENS.site}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ filter: { siteIds: [PARIS_SITE_ID] }, data: SITE_IOCS }),
  });
  expect(seeded.status).toBe(200);
  const accountValues = sim.iocs(sim.defaultAccountId).map((ioc) => ioc.value);
  expect(accountValues).toHaveLength(5);
  sim.clearRequests();

  const page = await openOptionsPage(context, extensionId);
  await page.getByLabel('Console URL', { exact: true }).fill(CONSOLE_URL);
  await page.getByLabel('API token', { exact: true }).fill(SIM_TOKENS.site);
  await page.getByRole('button', { name: 'Load accounts' }).click();
  await expect(page.getByRole('status', { name: 'Connection status' })).toHaveText(
    `1 site: Paris HQ (${PARIS_SITE_ID})`,
  );
  await expect(page.getByLabel('Account id', { exact: true })).toHaveCount(0);
  await expect(page.getByLabel('Site', { exact: true })).toHaveValue(`Paris HQ (${PARIS_SITE_ID})`);
  await expect(page.getByRole('status', { name: 'Scope' })).toHaveText('Site Paris HQ in account Acme Corp');
  await page.getByRole('button', { name: 'Test connection' }).click();
  await expect(page.getByRole('status', { name: 'Connection status' })).toHaveText(
    new RegExp(
      `^Connected as svc\\.paris@acme\\.example \\(site scope\\)\\. Site ${PARIS_SITE_ID} holds 3 IOCs\\.`,
    ),
  );
  await saveFirstConnection(page);
  await expect(page.getByRole('status', { name: 'Sync status' })).toHaveText(/^Complete as of /, {
    timeout: 30_000,
  });
  await expect(page.getByRole('region', { name: 'Sync' })).toContainText(
    'Site Paris HQ in account Acme Corp',
  );
  // The site's IOCs, and none of the account's own.
  await expect
    .poll(async () => (await visibleValues(page)).sort())
    .toEqual(SITE_IOCS.map((i) => i.value).sort());

  // Delete one from the manager.
  await page.getByLabel('Value', { exact: true }).fill('198.51.100.23');
  await expect.poll(() => visibleValues(page)).toEqual(['198.51.100.23']);
  await page.getByRole('grid', { name: 'IOCs' }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: /IPV4 198\.51\.100\.23/ });
  await dialog.getByRole('button', { name: 'Delete…' }).click();
  await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(dialog).toBeHidden();

  // Create a domain and a SHA256 through New IOCs; the SHA256 is also blocked from executing.
  await pasteForReview(page, `${NEW_DOMAIN}\n${HASHES.sha256}`, 2);
  await submit(page);
  await expect(submitStatus(page)).toHaveText('Detect: 2 of 2 stored. Block execution: 3 of 3 blocked.');

  const held = sim.iocs(PARIS_SITE_ID);
  expect(held.map((ioc) => ioc.value).sort()).toEqual(
    ['paris-c2.example.net', 'paris-drop.example.org', NEW_DOMAIN, SHA256].sort(),
  );
  expect(held.every((ioc) => ioc.scope === 'site' && ioc.scopeId === PARIS_SITE_ID)).toBe(true);
  expect(sim.iocs(sim.defaultAccountId).map((ioc) => ioc.value)).toEqual(accountValues);
  expect(heldBlocklist(sim, SHA256)).toHaveLength(0); // the account's Blocklist is untouched
  expect(
    sim
      .blocklist(PARIS_SITE_ID)
      .map((item) => item.osType)
      .sort(),
  ).toEqual(['linux', 'macos', 'windows']);

  const scoped = sim.requests().filter((r) => SCOPED.test(r.path));
  expect(scoped.map((r) => `${r.method} ${r.path.replace('/web/api/v2.1/', '')}`)).toEqual(
    expect.arrayContaining([
      'GET threat-intelligence/iocs',
      'DELETE threat-intelligence/iocs',
      'POST threat-intelligence/iocs',
      'POST restrictions',
    ]),
  );
  const unscoped = scoped
    .filter((r) => !namesSite(scopeFields(r)) || 'accountIds' in scopeFields(r))
    .map((r) => `${r.method} ${r.path} ${JSON.stringify(scopeFields(r))}`);
  expect(unscoped).toEqual([]);
  expect(scoped.every((r) => r.status !== null && r.status < 400)).toBe(true);
});
