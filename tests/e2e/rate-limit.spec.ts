/**
 * A console that limits the request rate (429 beyond two requests a second here; SentinelOne's
 * own figure for the IOC endpoints is said to be 30 a minute): the first sync slows down, says why
 * while it waits, and brings every IOC, with no burst of requests after the first refusal.
 */
import { CONSOLE_URL, expect, test } from './fixtures';
import { fillConnection, openOptionsPage, saveFirstConnection } from './pages/options-page';

// Two a second: the sync of 2,000 IOCs makes about eight IOC requests (two ranges of two pages,
// the newest IOC and the sample, the incremental list and count after), enough to be refused.
const LIMIT = {
  requests: 2,
  windowMs: 1_000,
  pathPrefix: '/web/api/v2.1/threat-intelligence',
  retryAfter: false,
};

test.use({ simOptions: { iocs: 2_000 } });

test('the first sync against a rate-limited console slows down, says so, and brings every IOC', async ({
  context,
  extensionId,
  sim,
}) => {
  sim.configure({ rateLimit: LIMIT });
  const page = await openOptionsPage(context, extensionId);
  await fillConnection(page, {
    consoleUrl: CONSOLE_URL,
    apiToken: sim.defaultToken,
    accountId: sim.defaultAccountId,
  });
  await saveFirstConnection(page);
  const status = page.getByRole('status', { name: 'Sync status' });
  await expect(status).toContainText('SentinelOne is limiting the request rate: slowing down.', {
    timeout: 30_000,
  });
  await expect(status).toHaveText(/^Complete as of /, { timeout: 60_000 });
  await expect(page.getByRole('status', { name: 'Shown IOCs' })).toHaveText('2,000 of 2,000 IOCs');

  const limited = sim.requests().filter((r) => r.path.startsWith(LIMIT.pathPrefix));
  const refused = limited.filter((r) => r.status === 429);
  expect(refused.length).toBeGreaterThan(0);
  // After the first refusal, never more accepted in one window than the console allows.
  const first = Math.min(...refused.map((r) => r.wallMs ?? 0));
  const accepted = limited
    .filter((r) => r.status === 200 && (r.wallMs ?? 0) >= first)
    .map((r) => r.wallMs ?? 0)
    .sort((a, b) => a - b);
  const busiest = Math.max(
    0,
    ...accepted.map((at) => accepted.filter((t) => t <= at && t > at - LIMIT.windowMs).length),
  );
  expect(busiest).toBeLessThanOrEqual(LIMIT.requests);
});
