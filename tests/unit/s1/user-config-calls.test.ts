/**
 * The client's read of the TI user-config against the in-process simulator: the scope it names, the
 * summary of the entries it gets, and a refusal for want of permission given back as an outcome, not
 * thrown (lib/s1/user-config-calls.ts).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createS1Client } from '../../../lib/s1/client';
import { S1Error } from '../../../lib/s1/errors';
import { UserConfigResponseSchema } from '../../../lib/s1/schemas';
import { isExcluded, summarizeUserConfig } from '../../../lib/s1/user-config-calls';
import { PARIS_SITE_ID, SIM_TOKENS } from '../../simulator';
import type { UserConfigKnob } from '../../simulator/user-config-model';
import { useSimulatedConsole } from '../simulated-console';

const { sim, client, origin } = useSimulatedConsole();
const ACCOUNT = sim.defaultAccountId;
const PATH = '/web/api/v2.1/threat-intelligence/user-config';
const NO_CONFIG_VIEW = 'sim-token-unit-no-ti-config-view-5e6f7a8b9c0d1e2f3a4b5c6d7e8f90a1';

const configured = (userConfigs: Record<string, UserConfigKnob>) => sim.configure({ userConfigs });

describe('getUserConfig', () => {
  it.each<[string, Record<string, UserConfigKnob>, Record<string, unknown>]>([
    [
      'no config: threats are raised',
      {},
      {
        disableThreat: false,
        excludeTii: [],
        threatMinScore: null,
        enableXdrMatching: null,
        scopeLevel: null,
      },
    ],
    [
      'disableThreat',
      { [ACCOUNT]: { disableThreat: true } },
      {
        disableThreat: true,
        excludeTii: [],
        threatMinScore: 0,
        enableXdrMatching: false,
        scopeLevel: 'account',
      },
    ],
    [
      'excludeTii',
      { [ACCOUNT]: { excludeTii: ['1.2.3.4', 'evil.example.com'] } },
      { disableThreat: false, excludeTii: ['1.2.3.4', 'evil.example.com'] },
    ],
    [
      'threatMinScore and enableXdrMatching',
      { [ACCOUNT]: { threatMinScore: 60, enableXdrMatching: true } },
      { disableThreat: false, threatMinScore: 60, enableXdrMatching: true },
    ],
    [
      'another scope’s config is not ours',
      { [PARIS_SITE_ID]: { disableThreat: true } },
      { disableThreat: false },
    ],
  ])('%s', async (_, userConfigs, expected) => {
    configured(userConfigs);
    const outcome = await client().getUserConfig();
    expect(outcome.status).toBe('known');
    if (outcome.status !== 'known') return;
    expect(outcome.config).toMatchObject(expected);
    const [request] = sim.requests().filter((r) => r.path === PATH);
    expect(request?.method).toBe('GET');
    expect(request?.query).toEqual({ accountIds: ACCOUNT });
  });

  it('names the site for a site connection, and an explicit scope when given', async () => {
    configured({ [PARIS_SITE_ID]: { disableThreat: true }, [ACCOUNT]: { excludeTii: ['acct.example.com'] } });
    const site = createS1Client(
      {
        consoleUrl: origin(),
        apiToken: SIM_TOKENS.site,
        accountId: ACCOUNT,
        scope: { kind: 'site', siteId: PARIS_SITE_ID },
      },
      { sleep: async () => undefined },
    );
    const outcome = await site.getUserConfig();
    expect(outcome).toMatchObject({ status: 'known', config: { disableThreat: true, scopeLevel: 'site' } });
    // An account client asked about one site names that site, not its account.
    const explicit = await client().getUserConfig({ kind: 'site', siteId: PARIS_SITE_ID });
    expect(explicit.status).toBe('known');
    expect(sim.requests().map((r) => r.query)).toEqual([
      { siteIds: PARIS_SITE_ID },
      { siteIds: PARIS_SITE_ID },
    ]);
  });

  it.each<[string, string, 'forbidden']>([
    ['no Threat Intelligence permission', SIM_TOKENS.noTi, 'forbidden'],
    ['no user-config permission', NO_CONFIG_VIEW, 'forbidden'],
  ])('%s: unavailable, not thrown', async (_, token, reason) => {
    sim.tokens.add(NO_CONFIG_VIEW, { label: 'noConfigView', tiConfigView: false });
    configured({ [ACCOUNT]: { disableThreat: true } });
    const outcome = await client(token).getUserConfig();
    expect(outcome).toMatchObject({ status: 'unavailable', reason });
    if (outcome.status === 'unavailable') expect(outcome.message).toMatch(/HTTP 403/);
  });

  it('a console without the endpoint (404): unavailable, not thrown', async () => {
    // An older console: the simulator has the route, so a bare server stands in for it.
    const server = createServer((_req, res) => {
      res.writeHead(404, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ errors: [{ code: 4040000, title: 'Not Found', detail: null }] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const old = createS1Client(
        { consoleUrl: `http://127.0.0.1:${port}`, apiToken: 't', accountId: ACCOUNT },
        { sleep: async () => undefined },
      );
      expect(await old.getUserConfig()).toMatchObject({ status: 'unavailable', reason: 'not-found' });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it.each<[string, string, string]>([
    ['an invalid token', 'sim-token-nobody', 'token-invalid'],
    ['a token spanning two accounts', SIM_TOKENS.multiAccount, 'multi-scope-token'],
  ])('%s still throws (%s)', async (_, token, kind) => {
    const error = await client(token)
      .getUserConfig()
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(S1Error);
    expect((error as S1Error).kind).toBe(kind);
  });
});

describe('the answer’s shape', () => {
  const entry = { scopeId: ACCOUNT, scopeLevel: 'account', disableThreat: true, excludeTii: ['x'] };
  it.each<[string, unknown, boolean]>([
    ['a list of entries', { data: [entry] }, true],
    ['one entry, not a list', { data: entry }, true],
    ['an empty list', { data: [] }, false],
    ['no data', {}, false],
    ['unknown fields kept, missing ones fine', { data: [{ disableRh: true, futureField: 1 }] }, false],
  ])('%s', (_, body, disableThreat) => {
    const parsed = UserConfigResponseSchema.parse(body);
    const data = parsed.data ?? [];
    expect(summarizeUserConfig(Array.isArray(data) ? data : [data]).disableThreat).toBe(disableThreat);
  });

  it.each<[string, unknown]>([
    ['disableThreat not a boolean', { data: [{ disableThreat: 'yes' }] }],
    ['excludeTii not a list', { data: [{ excludeTii: 'x' }] }],
  ])('rejects %s', (_, body) => {
    expect(UserConfigResponseSchema.safeParse(body).success).toBe(false);
  });

  it('folds several entries: any disableThreat, every excluded value once, the highest score', () => {
    const config = summarizeUserConfig([
      { scopeLevel: 'site', excludeTii: ['a', 'b'], threatMinScore: 10, enableXdrMatching: false },
      { scopeLevel: 'account', disableThreat: true, excludeTii: ['b', 'c'], threatMinScore: 40 },
    ]);
    expect(config).toMatchObject({
      disableThreat: true,
      excludeTii: ['a', 'b', 'c'],
      threatMinScore: 40,
      enableXdrMatching: false,
      scopeLevel: 'site',
    });
  });
});

describe('isExcluded', () => {
  const config = { excludeTii: ['Evil.Example.com', '1.2.3.4', 'AABBCCDDEEFF00112233445566778899'] };
  it.each<[string, boolean]>([
    ['evil.example.com', true],
    [' EVIL.EXAMPLE.COM ', true],
    ['1.2.3.4', true],
    ['aabbccddeeff00112233445566778899', true],
    ['1.2.3.5', false],
    ['example.com', false],
    ['', false],
  ])('%j -> %s', (value, expected) => {
    expect(isExcluded(config, value)).toBe(expected);
  });
});
