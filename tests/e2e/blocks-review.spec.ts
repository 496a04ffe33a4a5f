/**
 * Blocks end to end, the review: a SHA256 right-clicked on a page is detected and blocked from
 * running on every OS, and a second time is "already blocked" with nothing duplicated.
 */
import { expect, test } from './fixtures';
import { setFirewallControl, setHashVerdicts } from './pages/console-api';
import { connectAndSync } from './pages/options-page';
import { chooseMenuItem, nextSheet, openReportPage, selectText } from './pages/report-page';
import {
  addParagraph,
  blocklistPosts,
  HASHES,
  hashDefaults,
  heldBlocklist,
  pasteForReview,
  requestsTo,
  resultLines,
  reviewRow,
  submit,
  submitStatus,
  syncNow,
  tickedActions,
} from './pages/review-blocks';

test.use({ simOptions: { iocs: 0, now: new Date().toISOString() } });

const SHA256 = HASHES.sha256.toLowerCase();
const ALL_OS = ['linux', 'macos', 'windows'];
const DAY_MS = 86_400_000;

test('a SHA256 right-clicked on a page is detected and blocked on Windows, macOS and Linux; again, already blocked', async ({
  context,
  extensionId,
  serviceWorker,
  sim,
}) => {
  await connectAndSync(context, extensionId, sim);
  const report = await openReportPage(context);
  const hashOnPage = await addParagraph(report, 'payload-hash', HASHES.sha256);

  const addToS1 = async () => {
    const opened = nextSheet(context);
    await chooseMenuItem(serviceWorker, 'add-to-s1', { selectionText: await selectText(report, hashOnPage) });
    const sheet = await opened;
    await expect(sheet.getByRole('heading', { name: 'Add to SentinelOne' })).toBeVisible();
    await expect(sheet.getByLabel(`Detect ${SHA256}`, { exact: true })).toBeVisible();
    expect(await tickedActions(sheet, SHA256)).toEqual(hashDefaults(SHA256));
    return sheet;
  };

  const first = await addToS1();
  sim.clearRequests();
  await submit(first);
  await expect(submitStatus(first)).toHaveText('Detect: 1 of 1 stored. Block execution: 3 of 3 blocked.');
  expect(await resultLines(first, SHA256)).toEqual([
    'Detect: Stored',
    'Block execution: Windows blocked; macOS blocked; Linux blocked',
  ]);
  expect(sim.iocs(sim.defaultAccountId).map((ioc) => [ioc.type, ioc.value])).toEqual([['SHA256', SHA256]]);
  // SHA256 goes in sha256Value, never in value (the SHA1 field), one black_hash item per OS.
  expect(heldBlocklist(sim, SHA256)).toEqual([
    ['linux', null, SHA256],
    ['macos', null, SHA256],
    ['windows', null, SHA256],
  ]);
  expect(sim.blocklist().every((item) => item.type === 'black_hash')).toBe(true);
  expect(blocklistPosts(sim)).toEqual([
    ['linux', SHA256],
    ['macos', SHA256],
    ['windows', SHA256],
  ]);
  await first.close();

  const second = await addToS1();
  await submit(second);
  await expect(submitStatus(second)).toHaveText(
    'Detect: 1 of 1 stored. Block execution: 0 of 3 blocked, 3 already blocked.',
  );
  expect(await resultLines(second, SHA256)).toEqual([
    'Detect: Stored',
    'Block execution: Windows already blocked; macOS already blocked; Linux already blocked',
  ]);
  expect(sim.iocs(sim.defaultAccountId)).toHaveLength(1);
  expect(sim.blocklist()).toHaveLength(3);
});

test('a SHA1, an MD5, a domain and an IP: Blocklist items for the SHA1, detect only for the MD5, one firewall rule each for the others, listed under Blocks', async ({
  context,
  extensionId,
  sim,
}) => {
  const page = await connectAndSync(context, extensionId, sim);
  const [sha1, md5, domain, ip] = [HASHES.sha1, HASHES.md5, 'c2.badcorp.top', '45.77.12.9'];
  await pasteForReview(page, `${sha1}\n${md5}\n${domain}\n${ip}`, 4);

  expect(await tickedActions(page, sha1)).toEqual(hashDefaults(sha1));
  expect(await tickedActions(page, md5)).toEqual([`Detect ${md5}`]);
  await expect(reviewRow(page, md5).getByRole('group', { name: /^Block execution/ })).toHaveCount(0);
  await expect(reviewRow(page, md5)).toContainText('SentinelOne can only detect MD5 hashes');
  // Block network is offered on both (ticked by default or not, as Settings say): the analyst ticks it.
  for (const host of [domain, ip])
    await page.getByLabel(`Block network for ${host}`, { exact: true }).check();
  expect(await tickedActions(page, domain)).toEqual([`Detect ${domain}`, `Block network for ${domain}`]);
  expect(await tickedActions(page, ip)).toEqual([`Detect ${ip}`, `Block network for ${ip}`]);

  sim.clearRequests();
  await submit(page);
  await expect(submitStatus(page)).toHaveText(
    'Detect: 4 of 4 stored. Block execution: 3 of 3 blocked. Block network: 2 of 2 blocked.',
  );
  expect(await resultLines(page, md5)).toEqual(['Detect: Stored']);
  expect(await resultLines(page, domain)).toEqual(['Detect: Stored', 'Block network: Blocked']);
  expect(sim.iocs(sim.defaultAccountId)).toHaveLength(4);
  // The SHA1 in `value`, one item per OS; the MD5 never reached the Blocklist.
  expect(heldBlocklist(sim, sha1)).toEqual([
    ['linux', sha1, null],
    ['macos', sha1, null],
    ['windows', sha1, null],
  ]);
  expect(sim.blocklist()).toHaveLength(3);
  expect(blocklistPosts(sim).some(([, hash]) => hash === md5)).toBe(false);

  const rules = sim.firewallRules().sort((a, b) => (a.name < b.name ? -1 : 1));
  expect(
    rules.map((rule) => [rule.name, rule.remoteHosts, rule.direction, rule.action, [...rule.osTypes].sort()]),
  ).toEqual([
    [`S1 IOC Manager: ${ip}`, [{ type: 'addresses', values: [ip] }], 'outbound', 'Block', ALL_OS],
    [`S1 IOC Manager: ${domain}`, [{ type: 'fqdn', values: [domain] }], 'outbound', 'Block', ALL_OS],
  ]);
  for (const rule of rules) {
    const expiry = /\[expires ([^\]]+)\]$/.exec(rule.description)?.[1];
    // The IOC's validity (30 days by default): the rule has no expiry of its own.
    expect(Date.parse(expiry ?? '') - Date.now()).toBeGreaterThan(29 * DAY_MS);
  }
  expect(requestsTo(sim, 'POST', 'firewall-control')).toHaveLength(2);

  // The sync after the write found them again: the Blocks tab lists the hash and the two rules.
  await page.getByRole('link', { name: 'Blocks', exact: true }).click();
  const blocks = page.getByRole('grid', { name: 'Blocks' });
  await expect(blocks.getByLabel(`Select Block execution ${sha1}`)).toBeVisible();
  await expect(blocks.getByLabel(`Select Block network ${domain}`)).toBeVisible();
  await expect(blocks.getByLabel(`Select Block network ${ip}`)).toBeVisible();
  await expect(page.getByRole('heading', { level: 2 })).toHaveText(
    '1 hash with Block execution · 2 Block network rules',
  );
});

test('a console without Firewall Control: after a sync the review offers no Block network, and says why', async ({
  context,
  extensionId,
  sim,
}) => {
  const page = await connectAndSync(context, extensionId, sim);
  const domain = 'c2.badcorp.top';
  await pasteForReview(page, domain, 1);
  await expect(page.getByLabel(`Block network for ${domain}`)).toBeVisible();

  setFirewallControl(sim, false);
  await syncNow(page);
  await pasteForReview(page, `${domain}\n`, 1);
  await expect(reviewRow(page, domain).getByRole('checkbox')).toHaveCount(2);
  await expect(page.getByLabel(`Block network for ${domain}`)).toHaveCount(0);
  expect(await tickedActions(page, domain)).toEqual([`Detect ${domain}`]);
  await expect(page.getByText(/^Block network is not offered: /)).toBeVisible();

  sim.clearRequests();
  await submit(page);
  await expect(submitStatus(page)).toHaveText('Detect: 1 of 1 stored.');
  expect(requestsTo(sim, 'POST', 'firewall-control')).toEqual([]);

  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByText(/Block network is not available: /)).toHaveCount(1);
});

test('a Not allowed hash is refused and never sent; a Not recommended one waits for "Block anyway"', async ({
  context,
  extensionId,
  sim,
}) => {
  const page = await connectAndSync(context, extensionId, sim);
  const [notAllowed, notRecommended] = [SHA256, HASHES.sha256b];
  setHashVerdicts(sim, { notAllowed: [notAllowed], notRecommended: [notRecommended] });
  await pasteForReview(page, `${notAllowed}\n${notRecommended}`, 2);
  const anyway = page.getByLabel(
    `Block ${notRecommended} anyway, although SentinelOne does not recommend it`,
    { exact: true },
  );
  await expect(anyway).toHaveCount(0);

  sim.clearRequests();
  await submit(page);
  await expect(submitStatus(page)).toHaveText('Detect: 2 of 2 stored. Block execution: 0 of 6 blocked.');
  const [, refused] = await resultLines(page, notAllowed);
  expect(refused).toMatch(
    /^Block execution: Windows refused: Not allowed: .*; macOS refused: Not allowed: .*; Linux refused: Not allowed: /,
  );
  const [, held] = await resultLines(page, notRecommended);
  expect(held).toMatch(
    /^Block execution: Windows held back: Not recommended: .*; macOS held back: Not recommended: .*; Linux held back: Not recommended: /,
  );
  // Both were asked about (validate), neither was sent.
  expect(requestsTo(sim, 'POST', 'restrictions/validate')).toHaveLength(6);
  expect(requestsTo(sim, 'POST', 'restrictions')).toEqual([]);
  expect(sim.blocklist()).toEqual([]);

  await anyway.check();
  await submit(page);
  expect(await resultLines(page, notRecommended)).toEqual([
    'Detect: Stored',
    'Block execution: Windows blocked; macOS blocked; Linux blocked',
  ]);
  expect(heldBlocklist(sim, notRecommended).map(([os]) => os)).toEqual(['linux', 'macos', 'windows']);
  // "Not allowed" is never sent, however often Submit is pressed.
  expect(blocklistPosts(sim)).toEqual([
    ['linux', notRecommended],
    ['macos', notRecommended],
    ['windows', notRecommended],
  ]);
  expect(heldBlocklist(sim, notAllowed)).toEqual([]);
  // Detect is not sent twice: it was stored on the first press.
  expect(sim.iocs(sim.defaultAccountId)).toHaveLength(2);
});
