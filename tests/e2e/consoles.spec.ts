/**
 * Several consoles on the one simulator port, told apart by Host as an MSSP analyst's tenants are:
 * each answers only its own requests, and the secret scan lets each console's token go to that
 * console alone.
 */
import { CONSOLE_URL, expect, test } from './fixtures';

const GLOBEX = 'https://euce1-globex.sentinelone.net';
const INITECH = 'https://apne1-initech.sentinelone.net';

test.use({ extraConsoles: { [GLOBEX]: {}, [INITECH]: {} } });

test('each console answers, through Chromium, only the calls sent to its host', async ({
  consoles,
  serviceWorker,
  sim,
}) => {
  expect(consoles.get(CONSOLE_URL)).toBe(sim);
  const calls = [CONSOLE_URL, GLOBEX, INITECH].map((url) => ({ url, token: consoles.get(url).defaultToken }));
  const statuses = await serviceWorker.evaluate(
    (calls) =>
      Promise.all(
        calls.map(async ({ url, token }) => {
          const res = await fetch(`${url}/web/api/v2.1/system/info`, {
            headers: { Authorization: `ApiToken ${token}` },
          });
          return res.status;
        }),
      ),
    calls,
  );

  expect(statuses).toEqual([200, 200, 200]);
  for (const { url } of calls)
    expect(
      consoles
        .get(url)
        .requests()
        .map((r) => `${r.method} ${r.path} ${r.status}`),
    ).toEqual(['GET /web/api/v2.1/system/info 200']);
});

test.describe('the secret scan', () => {
  // The negative control: the scan must report the misdirected token (and the planted copy).
  test.use({ secretsPlanted: true });

  test('reports a token of one console sent to another, which refuses it', async ({
    consoles,
    secretScan,
    serviceWorker,
  }) => {
    const token = consoles.get(GLOBEX).defaultToken;
    const status = await serviceWorker.evaluate(
      async ({ url, token }) => {
        console.warn(`planted ${token}`);
        return (await fetch(`${url}/web/api/v2.1/user`, { headers: { Authorization: `ApiToken ${token}` } }))
          .status;
      },
      { url: CONSOLE_URL, token },
    );

    expect(status).toBe(401);
    const report = await secretScan.finish();
    const host = new URL(CONSOLE_URL).host;
    expect([...report.authorizedElsewhere].sort()).toEqual([
      `${CONSOLE_URL}: ${CONSOLE_URL}/web/api/v2.1/user (a token of ${GLOBEX})`,
      `${host}: /web/api/v2.1/user (a token of ${GLOBEX})`,
    ]);
  });
});
