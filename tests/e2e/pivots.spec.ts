/**
 * "Open in…" links (docs/pivots.md): from the IOC detail, a popup answer and a review row, a click on
 * a site opens exactly the expected URL in a new tab, and nothing goes to those sites before it. The
 * sites are stubbed (no network): the test reads the new tab's URL, never its content.
 */
import type { BrowserContext, Locator, Page, Request } from '@playwright/test';
import { CONSOLE_URL, expect, test } from './fixtures';
import { createOnConsole } from './pages/console-api';
import { connectAndSync, visibleValues } from './pages/options-page';
import { bodyRows } from './pages/tables';

test.use({ simOptions: { iocs: 0, now: new Date().toISOString() } });

const SITES =
  /^https:\/\/(www\.virustotal\.com|urlscan\.io|www\.abuseipdb\.com|www\.shodan\.io|intel\.example)\//;

/** Every request to the pivot sites, answered by a stub page so that nothing leaves the machine. */
async function stubSites(context: BrowserContext): Promise<Request[]> {
  const seen: Request[] = [];
  await context.route(SITES, (route) => {
    seen.push(route.request());
    return route.fulfill({ status: 200, contentType: 'text/html', body: '<title>stub</title>' });
  });
  return seen;
}

/** Unfolds "Open in…" in `scope` and the names of the sites it offers for `value`. */
async function offeredSites(scope: Locator, value: string): Promise<string[]> {
  const menu = scope.locator('details.pivots');
  if (!(await menu.getAttribute('open').then((open) => open !== null)))
    await menu.getByText('Open in…').click();
  const links = menu.getByRole('link', { name: new RegExp(`^Open ${escapeRegExp(value)} in `) });
  return (await links.allInnerTexts()).map((text) => text.trim());
}

/** Clicks "Open `value` in `site`" and returns the URL of the tab it opened (then closed). */
async function openIn(context: BrowserContext, scope: Locator, value: string, site: string): Promise<string> {
  await offeredSites(scope, value);
  const link = scope.getByRole('link', { name: `Open ${value} in ${site}`, exact: true });
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  const [tab] = await Promise.all([context.waitForEvent('page'), link.click()]);
  await tab.waitForLoadState('domcontentloaded');
  const url = tab.url();
  await tab.close();
  return url;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function openPopup(context: BrowserContext, extensionId: string): Promise<Page> {
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 440, height: 600 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  return popup;
}

test.beforeEach(async ({ sim, simPort }) => {
  await createOnConsole(sim, simPort, [
    { type: 'IPV4', value: '203.0.113.7', source: 'MISP', method: 'EQUALS' },
    { type: 'DNS', value: 'evil-cdn.badcorp.top', source: 'MISP', method: 'EQUALS' },
  ]);
});

test('the IOC detail opens the value on each site for its type, in a new tab, only on a click', async ({
  context,
  extensionId,
  sim,
}) => {
  const requests = await stubSites(context);
  const page = await connectAndSync(context, extensionId, sim);
  await page.getByLabel('Value', { exact: true }).fill('203.0.113.7');
  await expect.poll(() => visibleValues(page)).toEqual(['203.0.113.7']);
  await page.getByRole('grid', { name: 'IOCs' }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: /IPV4 203\.0\.113\.7/ });
  await expect(dialog).toBeVisible();

  expect(await offeredSites(dialog, '203.0.113.7')).toEqual([
    'VirusTotal',
    'urlscan.io',
    'AbuseIPDB',
    'Shodan',
    'SentinelOne console',
  ]);
  expect(requests).toEqual([]);
  expect(await openIn(context, dialog, '203.0.113.7', 'VirusTotal')).toBe(
    'https://www.virustotal.com/gui/search/203.0.113.7',
  );
  expect(requests.map((request) => request.url())).toEqual([
    'https://www.virustotal.com/gui/search/203.0.113.7',
  ]);
  expect(await openIn(context, dialog, '203.0.113.7', 'AbuseIPDB')).toBe(
    'https://www.abuseipdb.com/check/203.0.113.7',
  );
  // The console's link goes to this profile's own console (here the simulator).
  expect(await openIn(context, dialog, '203.0.113.7', 'SentinelOne console')).toBe(
    `${CONSOLE_URL}/incidents/threats?filter=%7B%22query%22%3A%22203.0.113.7%22%7D`,
  );
  await expect(dialog).toBeVisible();
});

test('a popup answer to a defanged value opens the refanged value, with only the sites for a domain', async ({
  context,
  extensionId,
  sim,
}) => {
  await stubSites(context);
  await connectAndSync(context, extensionId, sim);
  const popup = await openPopup(context, extensionId);
  await popup.getByLabel(/^Look up values/).fill('evil-cdn[.]badcorp[.]top');
  const answer = popup.getByRole('list', { name: 'Answers' }).locator(':scope > li');
  await expect(answer).toContainText('In SentinelOne');

  expect(await offeredSites(answer, 'evil-cdn.badcorp.top')).toEqual([
    'VirusTotal',
    'urlscan.io',
    'Shodan',
    'SentinelOne console',
  ]);
  expect(await openIn(context, answer, 'evil-cdn.badcorp.top', 'urlscan.io')).toBe(
    'https://urlscan.io/domain/evil-cdn.badcorp.top',
  );
  expect(await openIn(context, answer, 'evil-cdn.badcorp.top', 'Shodan')).toBe(
    'https://www.shodan.io/domain/evil-cdn.badcorp.top',
  );
});

test('a review row opens its URL value encoded as one part of the link', async ({
  context,
  extensionId,
  sim,
}) => {
  await stubSites(context);
  const page = await connectAndSync(context, extensionId, sim);
  await page.getByRole('link', { name: 'New IOCs' }).click();
  await page
    .getByLabel(/^Values or text/)
    .fill('hxxps://login-verify[.]badcorp[.]top/owa/auth.php?user=a&b=c');
  const url = 'https://login-verify.badcorp.top/owa/auth.php?user=a&b=c';
  const row = bodyRows(page.getByRole('table', { name: 'Review' })).filter({ hasText: 'auth.php' });
  await expect(row).toHaveCount(1);

  expect(await offeredSites(row, url)).toEqual(['VirusTotal', 'urlscan.io', 'SentinelOne console']);
  expect(await openIn(context, row, url, 'VirusTotal')).toBe(
    `https://www.virustotal.com/gui/search/${encodeURIComponent(url)}`,
  );
  expect(await openIn(context, row, url, 'urlscan.io')).toBe(
    `https://urlscan.io/search/#${encodeURIComponent(url)}`,
  );
});

test('Settings adds a link of your own, refuses one that does not read, removes it and restores the defaults', async ({
  context,
  extensionId,
  sim,
}) => {
  await stubSites(context);
  const page = await connectAndSync(context, extensionId, sim);
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  const links = page.getByRole('group', { name: 'Open-in links' });
  const problem = links.getByRole('alert', { name: 'Link problem' });

  await links.getByRole('button', { name: 'Add a link…' }).click();
  await links.getByLabel('Link name', { exact: true }).fill('Intel');
  await links.getByLabel('Link', { exact: true }).fill('http://intel.example/search?q={value}');
  await links.getByRole('checkbox', { name: 'DNS' }).check();
  await links.getByRole('button', { name: 'Add link' }).click();
  await expect(problem).toHaveText(
    'The link must start with https://: an http:// link sends the value in clear text.',
  );
  await links.getByLabel('Link', { exact: true }).fill('https://intel.example/search');
  // Enter keeps the link here; it does not save the whole form.
  await links.getByLabel('Link', { exact: true }).press('Enter');
  await expect(problem).toHaveText('The link must hold {value}, where the IOC goes.');
  await expect(links.getByRole('list', { name: 'Open-in links' })).not.toContainText('Intel');

  await links.getByLabel('Link', { exact: true }).fill('https://intel.example/search?q={value}');
  await links.getByRole('button', { name: 'Add link' }).click();
  await expect(links.getByRole('list', { name: 'Open-in links' })).toContainText(
    'Intel (DNS) https://intel.example/search?q={value}',
  );
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('status', { name: 'Connection status' })).toHaveText('Saved.');

  const popup = await openPopup(context, extensionId);
  await popup.getByLabel(/^Look up values/).fill('evil-cdn[.]badcorp[.]top');
  const answer = popup.getByRole('list', { name: 'Answers' }).locator(':scope > li');
  expect(await openIn(context, answer, 'evil-cdn.badcorp.top', 'Intel')).toBe(
    'https://intel.example/search?q=evil-cdn.badcorp.top',
  );

  await links.getByRole('button', { name: 'Remove Intel (DNS)' }).click();
  await links.getByRole('button', { name: 'Remove AbuseIPDB (IPV4, IPV6)' }).click();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('status', { name: 'Connection status' })).toHaveText('Saved.');
  // The open popup follows the saved settings.
  await expect
    .poll(() => offeredSites(answer, 'evil-cdn.badcorp.top'))
    .toEqual(['VirusTotal', 'urlscan.io', 'Shodan', 'SentinelOne console']);

  await links.getByRole('button', { name: 'Restore the default links' }).click();
  await expect(links.getByRole('list', { name: 'Open-in links' })).toContainText('AbuseIPDB (IPV4, IPV6)');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('status', { name: 'Connection status' })).toHaveText('Saved.');
});
