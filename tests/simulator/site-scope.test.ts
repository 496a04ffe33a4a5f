import { describe, expect, it } from 'vitest';
import { SIM_TOKENS } from './auth';
import { LYON_SITE_ID, PARIS_SITE_ID } from './sites-data';
import { ACCOUNT, draft, IOCS, q, startSim } from './test-helpers';

const site = { token: SIM_TOKENS.site };
const RESTRICTIONS = '/web/api/v2.1/restrictions';
const FIREWALL = '/web/api/v2.1/firewall-control';
const sha256 = 'a'.repeat(64);

describe('site-scoped tokens', () => {
  it('GET /user says scope site, with the site in scopeRoles', async () => {
    const h = await startSim();
    const { status, body } = await h.json('/web/api/v2.1/user', site);
    expect(status).toBe(200);
    expect(body.data.scope).toBe('site');
    expect(body.data.scopeRoles).toEqual([
      expect.objectContaining({ id: PARIS_SITE_ID, name: 'Paris HQ', accountName: 'Acme Corp' }),
    ]);
    expect(body.data.account).toBeUndefined();
  });

  it('GET /sites lists a site user its own site, an account user every site of its account', async () => {
    const h = await startSim();
    const mine = await h.json('/web/api/v2.1/sites?limit=1000', site);
    expect(mine.body.data.sites.map((s: { id: string }) => s.id)).toEqual([PARIS_SITE_ID]);
    expect(mine.body.data.sites[0]).toMatchObject({ name: 'Paris HQ', accountId: ACCOUNT, state: 'active' });
    expect(mine.body.data.allSites).toBeTypeOf('object');
    const all = await h.json(`/web/api/v2.1/sites?accountIds=${ACCOUNT}`);
    expect(all.body.data.sites.map((s: { id: string }) => s.id)).toEqual([PARIS_SITE_ID, LYON_SITE_ID]);
    expect(all.body.pagination.totalItems).toBe(2);
  });

  it('the sites knob defines the sites', async () => {
    const h = await startSim({ sites: [{ id: '1900000000000000009', name: 'Tokyo', accountId: ACCOUNT }] });
    const all = await h.json(`/web/api/v2.1/sites`);
    expect(all.body.data.sites).toEqual([
      expect.objectContaining({ id: '1900000000000000009', name: 'Tokyo' }),
    ]);
  });

  it('an IOC created with siteIds is stored under the site, scope site, parent the account', async () => {
    const h = await startSim();
    const post = await h.json(IOCS, {
      ...site,
      method: 'POST',
      json: { filter: { siteIds: [PARIS_SITE_ID] }, data: [draft()] },
    });
    expect(post.status).toBe(200);
    expect(post.body.data[0]).toMatchObject({
      scope: 'site',
      scopeId: PARIS_SITE_ID,
      parentScopeId: ACCOUNT,
    });
    expect(h.sim.iocs(PARIS_SITE_ID)).toHaveLength(1);
    expect(h.sim.iocs(ACCOUNT)).toHaveLength(0);
    const read = await h.json(q({ siteIds: PARIS_SITE_ID, limit: 1000 }), site);
    expect(read.body.data.map((i: { value: string }) => i.value)).toEqual(['bad.example.com']);
    const gone = await h.json(IOCS, {
      ...site,
      method: 'DELETE',
      json: { filter: { siteIds: [PARIS_SITE_ID], uuids: [post.body.data[0].uuid] } },
    });
    expect(gone.body.data.affected).toBe(1);
    expect(h.sim.iocs(PARIS_SITE_ID)).toHaveLength(0);
  });

  it("a site user does not see the account's IOCs", async () => {
    const h = await startSim({ iocs: 5 });
    const read = await h.json(q({ siteIds: PARIS_SITE_ID }), site);
    expect(read.body.data).toEqual([]);
  });

  it('a site user naming accountIds gets 403 by default, an empty read with the empty knob', async () => {
    const h = await startSim({ iocs: 5 });
    expect((await h.call(q({ accountIds: ACCOUNT }), site)).status).toBe(403);
    h.sim.configure({ siteUserAccountCall: 'empty' });
    const read = await h.json(q({ accountIds: ACCOUNT }), site);
    expect(read).toMatchObject({ status: 200, body: { data: [], pagination: { totalItems: 0 } } });
    const write = await h.call(IOCS, {
      ...site,
      method: 'POST',
      json: { filter: { accountIds: [ACCOUNT] }, data: [draft()] },
    });
    expect(write.status).toBe(403);
  });

  it('a site outside the token is refused; so is a POST naming no scope', async () => {
    const h = await startSim();
    expect((await h.call(q({ siteIds: LYON_SITE_ID }), site)).status).toBe(403);
    const bare = await h.call(IOCS, { ...site, method: 'POST', json: { filter: {}, data: [draft()] } });
    expect(bare.status).toBe(500);
  });

  it.each([
    ['GET iocs', () => ({ path: q({ accountIds: ACCOUNT, siteIds: PARIS_SITE_ID }), init: {} })],
    [
      'POST iocs',
      () => ({
        path: IOCS,
        init: {
          method: 'POST',
          json: { filter: { accountIds: [ACCOUNT], siteIds: [PARIS_SITE_ID] }, data: [draft()] },
        },
      }),
    ],
    [
      'GET restrictions',
      () => ({ path: `${RESTRICTIONS}?accountIds=${ACCOUNT}&siteIds=${PARIS_SITE_ID}`, init: {} }),
    ],
  ])('%s naming both accountIds and siteIds is a 400, for any token', async (_name, request) => {
    const h = await startSim();
    const { path, init } = request();
    for (const token of [SIM_TOKENS.default, SIM_TOKENS.site]) {
      const { status, body } = await h.json(path, { ...init, token });
      expect(status).toBe(400);
      expect(JSON.stringify(body)).toMatch(/Account ID and Site ID cannot be used together|Only one of/);
    }
  });

  it('Blocklist items and firewall rules are stored per site', async () => {
    const h = await startSim();
    const post = await h.json(RESTRICTIONS, {
      ...site,
      method: 'POST',
      json: {
        filter: { siteIds: [PARIS_SITE_ID] },
        data: { type: 'black_hash', osType: 'windows', sha256Value: sha256, description: 'd', source: 's' },
      },
    });
    expect(post.status).toBe(200);
    expect(post.body.data[0]).toMatchObject({ scope: { siteIds: [PARIS_SITE_ID] }, scopeName: 'Paris HQ' });
    expect(h.sim.blocklist(PARIS_SITE_ID)).toHaveLength(1);
    expect(h.sim.blocklist(ACCOUNT)).toHaveLength(0);
    const mine = await h.json(`${RESTRICTIONS}?type=black_hash&siteIds=${PARIS_SITE_ID}`, site);
    expect(mine.body.data).toHaveLength(1);
    const theirs = await h.json(`${RESTRICTIONS}?type=black_hash&accountIds=${ACCOUNT}`);
    expect(theirs.body.data).toHaveLength(0);
    const rule = await h.json(FIREWALL, {
      ...site,
      method: 'POST',
      json: {
        filter: { siteIds: [PARIS_SITE_ID] },
        data: {
          name: 'r',
          action: 'Block',
          status: 'Enabled',
          direction: 'outbound',
          osTypes: ['windows'],
          remoteHosts: [{ type: 'addresses', values: ['203.0.113.7'] }],
        },
      },
    });
    expect(rule.status).toBe(200);
    expect(h.sim.firewallRules(PARIS_SITE_ID)).toHaveLength(1);
    expect((await h.call(`${FIREWALL}?accountIds=${ACCOUNT}`, site)).status).toBe(403);
  });
});
