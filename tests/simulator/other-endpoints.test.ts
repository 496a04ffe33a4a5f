/**
 * GET /user, GET /accounts (+/{id}), POST /users/api-token-details, GET /system/info, system/status
 * (docs/sentinelone-api.md#other-routes, docs/sentinelone-api.md#other-endpoints).
 */
import { describe, expect, it } from 'vitest';
import { SIM_TOKENS } from '.';
import { ACCOUNT, startSim } from './test-helpers';

const API = '/web/api/v2.1';

describe('GET /user', () => {
  it('describes the default single-account user and its token dates', async () => {
    const h = await startSim({ now: '2026-11-27T12:00:00.000000Z' });
    const { status, body } = await h.json(`${API}/user`);
    expect(status).toBe(200);
    expect(body.data).toMatchObject({
      email: 'soc.analyst@acme.example',
      scope: 'account',
      scopeRoles: [{ id: ACCOUNT, name: 'Acme Corp', accountName: 'Acme Corp', roleName: 'IOC Manager' }],
      apiToken: { createdAt: '2026-11-26T12:00:00.000000Z', expiresAt: '2026-12-27T12:00:00.000000Z' },
      canGenerateApiToken: true,
      account: { id: ACCOUNT, name: 'Acme Corp' },
    });
  });

  it('a multi-account user has two scopeRoles and no account', async () => {
    const h = await startSim();
    const { body } = await h.json(`${API}/user`, { token: SIM_TOKENS.multiAccount });
    expect(body.data.scopeRoles).toHaveLength(2);
    expect(body.data.account).toBeUndefined();
  });

  it('401 without a token', async () => {
    const h = await startSim();
    expect((await h.call(`${API}/user`, { token: null })).status).toBe(401);
  });
});

describe('GET /accounts and /accounts/{id}', () => {
  it('lists only the token accounts, with the documented item keys', async () => {
    const h = await startSim();
    const { body } = await h.json(`${API}/accounts`);
    expect(body.pagination).toEqual({ nextCursor: null, totalItems: 1 });
    expect(Object.keys(body.data[0])).toEqual([
      'id',
      'name',
      'accountType',
      'state',
      'createdAt',
      'updatedAt',
      'expiration',
      'numberOfSites',
      'activeAgents',
    ]);
    expect(body.data[0]).toMatchObject({ id: ACCOUNT, name: 'Acme Corp', state: 'active' });
  });

  it('filters and pages the multi-account user accounts', async () => {
    const h = await startSim();
    const token = SIM_TOKENS.multiAccount;
    const names = async (query: string) =>
      (await h.json(`${API}/accounts?${query}`, { token })).body.data.map((a: { name: string }) => a.name);
    expect(await names('')).toEqual(['Acme Corp', 'Globex Ltd']); // by id
    expect(await names('name__contains=acme')).toEqual(['Acme Corp']);
    expect(await names(`ids=${ACCOUNT}`)).toEqual(['Acme Corp']);
    expect(await names('accountType=Trial')).toEqual(['Globex Ltd']);
    expect(await names('sortBy=name&sortOrder=desc')).toEqual(['Globex Ltd', 'Acme Corp']);
    const first = (await h.json(`${API}/accounts?limit=1`, { token })).body;
    expect(first.data).toHaveLength(1);
    expect(first.pagination.totalItems).toBe(2);
    const second = (await h.json(`${API}/accounts?limit=1&cursor=${first.pagination.nextCursor}`, { token }))
      .body;
    expect(second.data[0].name).toBe('Globex Ltd');
    expect(second.pagination.nextCursor).toBeNull();
    expect((await h.json(`${API}/accounts?countOnly=true`, { token })).body).toEqual({
      data: [],
      pagination: { nextCursor: null, totalItems: 2 },
    });
    expect((await h.json(`${API}/accounts?limit=1&cursor=garbage`, { token })).status).toBe(400);
  });

  it('GET /accounts/{id}: own account 200, another 403', async () => {
    const h = await startSim();
    expect((await h.json(`${API}/accounts/${ACCOUNT}`)).body.data.name).toBe('Acme Corp');
    expect((await h.call(`${API}/accounts/1190355608201773511`)).status).toBe(403);
  });
});

describe('POST /users/api-token-details', () => {
  it('returns createdAt/expiresAt of the given token', async () => {
    const h = await startSim({ now: '2026-11-27T12:00:00.000000Z' });
    const { status, body } = await h.json(`${API}/users/api-token-details`, {
      method: 'POST',
      json: { data: { apiToken: SIM_TOKENS.default } },
    });
    expect(status).toBe(200);
    expect(body).toEqual({
      data: { createdAt: '2026-11-26T12:00:00.000000Z', expiresAt: '2026-12-27T12:00:00.000000Z' },
    });
  });

  it('unknown token in the body -> 400; GET is not a route', async () => {
    const h = await startSim();
    const bad = await h.json(`${API}/users/api-token-details`, {
      method: 'POST',
      json: { data: { apiToken: 'x' } },
    });
    expect(bad.status).toBe(400);
    expect((await h.call(`${API}/users/api-token-details`)).status).toBe(404);
  });
});

describe('GET /system/info and unauthenticated /system/status at 1/s', () => {
  it('system/info has release, version, build, patch, latestAgentVersion', async () => {
    const h = await startSim();
    const { body } = await h.json(`${API}/system/info`);
    expect(Object.keys(body.data)).toEqual(['release', 'version', 'build', 'patch', 'latestAgentVersion']);
  });

  it('system/status needs no token and answers 429 to a second call within a second', async () => {
    const h = await startSim();
    const first = await h.json(`${API}/system/status`, { token: null });
    expect(first).toEqual({ status: 200, body: { data: { health: 'ok' } } });
    const second = await h.call(`${API}/system/status`, { token: null });
    expect(second.status).toBe(429);
    expect(second.headers.get('retry-after')).toBe('1');
    expect((await second.json()).errors[0].code).toBe(4290010);
    await new Promise((r) => setTimeout(r, 1050));
    expect((await h.call(`${API}/system/status`, { token: null })).status).toBe(200);
  });
});
