import { describe, expect, it } from 'vitest';
import { checkConnection } from '../../../lib/settings/connection-check';
import { useSimulatedConsole } from '../simulated-console';

const consoleUnderTest = useSimulatedConsole({ iocs: 3 });

/** Test connection against the simulator; holds and back-offs take no wall time, but are counted. */
async function check() {
  const { sim, origin } = consoleUnderTest;
  let waitedMs = 0;
  const result = checkConnection(
    { consoleUrl: origin(), apiToken: sim.defaultToken, accountId: sim.defaultAccountId },
    {
      sleep: async (ms) => {
        waitedMs += ms;
      },
    },
  );
  return { result, waited: () => waitedMs };
}

describe('checkConnection (Test connection)', () => {
  it('reads the user and one page of IOCs', async () => {
    const { result } = await check();
    await expect(result).resolves.toMatchObject({
      accountId: consoleUnderTest.sim.defaultAccountId,
      iocCount: 3,
    });
  });

  it.each([
    ['without Retry-After', false],
    ['with Retry-After', true],
  ])(
    'a console that refuses every request with 429 (%s) is reported after about ten seconds of holds, not a sync’s quarter of an hour',
    async (_label, retryAfter) => {
      const { sim } = consoleUnderTest;
      sim.configure({
        rateLimit: { requests: 0, windowMs: 60_000, pathPrefix: '/web/api/v2.1/', retryAfter },
      });
      const { result, waited } = await check();
      await expect(result).rejects.toThrow(/limiting the request rate/);
      expect(waited()).toBeLessThanOrEqual(70_000);
      expect(sim.requests().length).toBeLessThanOrEqual(5);
    },
  );
});
