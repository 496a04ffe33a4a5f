/**
 * Firewall Control (`firewall-control`) as docs/blocking-api.md describes it: create one rule with a
 * scope, validation, GET filters and paging, PUT, DELETE by filter.ids, the no-Control-SKU knob,
 * permissions, faults and the control routes. Real HTTP against the simulator.
 */
import { describe, expect, it } from 'vitest';
import {
  FirewallCreateResponseSchema,
  FirewallPageSchema,
  FirewallRuleSchema,
} from '../../lib/s1/block-schemas';
import { OTHER_USER, SIM_TOKENS } from '.';
import { ACCOUNT, type Harness, loadFixture, startSim } from './test-helpers';

const FW = '/web/api/v2.1/firewall-control';
const FOREIGN = '1190355608201773511';
const SITE = '2163822725049635999';
const INTERNAL = loadFixture('error-500.internal-server-error.json');
const NO_SKU = { errors: [{ code: 4030000, detail: null, title: 'Firewall Control requires Control SKU' }] };

type Json = Record<string, unknown>;
const rule = (over: Json = {}): Json => ({
  name: 'S1IM block evil.example',
  description: 'S1 IOC Manager; by SOC Analyst; until 2026-12-27',
  action: 'Block',
  status: 'Enabled',
  direction: 'outbound',
  osTypes: ['windows', 'macos', 'linux'],
  remoteHosts: [{ type: 'fqdn', values: ['evil.example'] }],
  ...over,
});
const opt = (token?: string) => (token ? { token } : {});
const create = (h: Harness, data: unknown, filter: unknown = { accountIds: [ACCOUNT] }, token?: string) =>
  h.json(FW, { method: 'POST', json: { filter, data }, ...opt(token) });
const put = (h: Harness, id: string, data: unknown, token?: string) =>
  h.json(`${FW}/${id}`, { method: 'PUT', json: { filter: { accountIds: [ACCOUNT] }, data }, ...opt(token) });
const remove = (h: Harness, json: unknown, token?: string) =>
  h.json(FW, { method: 'DELETE', json, ...opt(token) });
const get = (h: Harness, params: Record<string, string | number> = {}, token?: string) =>
  h.json(`${FW}?${new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]))}`, opt(token));

describe('POST firewall-control', () => {
  it('answers {data: rule} with the documented fields', async () => {
    const h = await startSim();
    const { status, body } = await create(h, rule());
    expect(status).toBe(200);
    FirewallCreateResponseSchema.parse(body);
    const made = body.data;
    expect(Object.keys(made).sort()).toEqual(
      [
        'id',
        'name',
        'description',
        'action',
        'status',
        'direction',
        'osTypes',
        'remoteHosts',
        'protocol',
        'scope',
        'scopeId',
        'creator',
        'creatorId',
        'createdAt',
        'updatedAt',
        'editable',
        'order',
      ].sort(),
    );
    expect(made).toMatchObject({
      ...rule(),
      protocol: null,
      scope: 'account',
      scopeId: ACCOUNT,
      creator: 'SOC Analyst',
      creatorId: '1904412745532171029',
      createdAt: '2026-11-27T12:00:00.000000Z',
      updatedAt: '2026-11-27T12:00:00.000000Z',
      editable: true,
      order: 1,
    });
    expect(made.id).toMatch(/^\d{18,19}$/);
    expect(h.sim.firewallRules()).toEqual([made]);
    expect((await create(h, rule({ name: 'second' }))).body.data.order).toBe(2);
  });

  it.each([
    ['accountIds', { accountIds: [ACCOUNT] }, 'account', ACCOUNT],
    ['siteIds + tenant', { siteIds: [SITE], tenant: true }, 'site', SITE],
    ['groupIds', { groupIds: [SITE] }, 'group', SITE],
    ['tenant alone', { tenant: true }, 'global', null],
  ])('scope form %s', async (_l, filter, scope, scopeId) => {
    const h = await startSim();
    const { status, body } = await create(h, rule(), filter);
    expect(status).toBe(200);
    expect(body.data).toMatchObject({ scope, scopeId });
    expect(h.sim.firewallRules()).toHaveLength(1);
  });

  it.each([
    ['no filter', undefined],
    ['empty filter', {}],
  ])('%s -> 500 with the 5000010 fixture body', async (_l, filter) => {
    const h = await startSim();
    const res = await h.json(FW, { method: 'POST', json: { ...(filter ? { filter } : {}), data: rule() } });
    expect(res).toEqual({ status: 500, body: INTERNAL });
    expect(h.sim.firewallRules()).toHaveLength(0);
  });

  it('a foreign account -> 403', async () => {
    const h = await startSim();
    expect((await create(h, rule(), { accountIds: [FOREIGN] })).status).toBe(403);
  });

  it.each([
    ['data as a list', [rule()], 'data: Not a valid object'],
    ['no name', rule({ name: undefined }), 'data: name: Missing data'],
    ['blank name', rule({ name: '  ' }), 'data: name: Missing data'],
    ['lower-case action', rule({ action: 'block' }), 'data: action: Must be one of: Allow, Block.'],
    ['no status', rule({ status: undefined }), 'data: status: Missing data'],
    [
      'unknown direction',
      rule({ direction: 'both' }),
      'data: direction: Must be one of: any, inbound, outbound.',
    ],
    ['empty osTypes', rule({ osTypes: [] }), 'data: osTypes: Shorter than minimum length 1.'],
    ['unknown OS', rule({ osTypes: ['windows', 'solaris'] }), 'data: osTypes: 1: Must be one of'],
    ['no remoteHosts', rule({ remoteHosts: undefined }), 'data: remoteHosts: Missing data'],
    ['empty remoteHosts', rule({ remoteHosts: [] }), 'data: remoteHosts: Shorter than minimum length 1.'],
    [
      'unknown host type',
      rule({ remoteHosts: [{ type: 'url', values: ['x'] }] }),
      'data: remoteHosts: 0: type:',
    ],
    [
      'empty values',
      rule({ remoteHosts: [{ type: 'addresses', values: [] }] }),
      'data: remoteHosts: 0: values:',
    ],
  ])('%s -> 400 Validation Error naming the field', async (_l, data, detail) => {
    const h = await startSim();
    const { status, body } = await create(h, data);
    expect(status).toBe(400);
    expect(body.errors[0]).toMatchObject({ code: 4000010, title: 'Validation Error' });
    expect(body.errors[0].detail).toContain(detail);
    expect(h.sim.firewallRules()).toHaveLength(0);
  });

  it.each([
    ['addresses', ['203.0.113.7', '2001:db8::1']],
    ['cidr', ['198.51.100.0/24']],
    ['range', ['192.0.2.1-192.0.2.9']],
    ['fqdn', ['evil.example']],
  ])('remote host type %s is accepted', async (type, values) => {
    const h = await startSim();
    const { status, body } = await create(h, rule({ remoteHosts: [{ type, values }], direction: 'any' }));
    expect(status).toBe(200);
    expect(body.data.remoteHosts).toEqual([{ type, values }]);
  });
});

describe('GET firewall-control', () => {
  const seed = (h: Harness) =>
    h.sim.putFirewallRules([
      {
        id: '1000000000000000001',
        name: 'S1IM evil.example',
        description: 'until 2026-12-01',
        remoteHosts: [{ type: 'fqdn', values: ['evil.example'] }],
        createdAt: '2026-01-01T00:00:00Z',
      },
      {
        id: '1000000000000000002',
        name: 'S1IM 203.0.113.7',
        description: 'until 2026-12-02',
        remoteHosts: [{ type: 'addresses', values: ['203.0.113.7'] }],
        createdAt: '2026-01-02T00:00:00Z',
      },
      {
        id: '1000000000000000003',
        name: 'Corporate, do not touch',
        description: 'IT',
        remoteHosts: [{ type: 'cidr', values: ['10.0.0.0/8'] }],
        createdAt: '2026-01-03T00:00:00Z',
      },
    ]);
  it.each<[string, Record<string, string>, number[]]>([
    ['no filter', {}, [1, 2, 3]],
    ['ids', { ids: '1000000000000000003,1000000000000000002' }, [2, 3]],
    ['name exact', { name: 'Corporate, do not touch' }, [3]],
    ['name exact, other case', { name: 's1im evil.example' }, []],
    ['name__contains (case-insensitive)', { name__contains: 's1im' }, [1, 2]],
    ['name__contains, several = OR', { name__contains: 'evil,corporate' }, [1, 3]],
    ['query over remote hosts', { query: '203.0.113' }, [2]],
    ['query over description', { query: 'UNTIL 2026-12-01' }, [1]],
    ['accountIds (own)', { accountIds: ACCOUNT }, [1, 2, 3]],
    ['sortBy name', { sortBy: 'name' }, [3, 2, 1]],
    ['sortBy createdAt desc', { sortBy: 'createdAt', sortOrder: 'desc' }, [3, 2, 1]],
  ])('%s', async (_l, params, expected) => {
    const h = await startSim();
    seed(h);
    const { status, body } = await get(h, { limit: 100, ...params });
    expect(status).toBe(200);
    FirewallPageSchema.parse(body);
    expect(body.data.map((r: Json) => Number(String(r.id).slice(-1)))).toEqual(expected);
    expect(body.pagination).toEqual({ nextCursor: null, totalItems: expected.length });
  });

  it.each([
    ['a foreign account', { accountIds: FOREIGN }, 403],
    ['sortBy outside id|name|createdAt|updatedAt', { sortBy: 'order' }, 400],
    ['limit 0', { limit: 0 }, 400],
  ])('%s -> its status', async (_l, params, status) => {
    const h = await startSim();
    expect((await get(h, params)).status).toBe(status);
  });

  it('cursor paging returns every rule once; countOnly, skipCount, skip; cursors are bound to their query', async () => {
    const h = await startSim();
    h.sim.putFirewallRules(
      Array.from({ length: 17 }, (_, i) => ({
        name: `S1IM rule ${i % 4}`, // ties on name
        remoteHosts: [{ type: 'addresses', values: [`192.0.2.${i}`] }],
      })),
    );
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const { body } = await get(h, { limit: 5, sortBy: 'name', ...(cursor ? { cursor } : {}) });
      seen.push(...body.data.map((r: Json) => `${r.name}|${r.id}`));
      cursor = body.pagination.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(17);
    expect(new Set(seen).size).toBe(17);
    expect((await get(h, { countOnly: 'true' })).body).toEqual({
      data: [],
      pagination: { nextCursor: null, totalItems: 17 },
    });
    expect((await get(h, { skipCount: 'true' })).body.pagination.totalItems).toBeNull();
    expect((await get(h)).body.data).toHaveLength(10);
    expect((await get(h, { skip: 15 })).body.data).toHaveLength(2);
    const first = (await get(h, { limit: 5 })).body.pagination.nextCursor;
    const invalid = loadFixture('error-400.invalid-cursor.json');
    expect(await get(h, { limit: 5, name__contains: 'rule 1', cursor: first })).toEqual({
      status: 400,
      body: invalid,
    });
    // A restrictions cursor is not a firewall-control cursor.
    h.sim.putBlocklist(
      Array.from({ length: 3 }, (_, i) => ({ osType: 'windows', value: String(i).repeat(40) })),
    );
    const other = await h.json('/web/api/v2.1/restrictions?limit=1');
    expect(await get(h, { limit: 1, cursor: other.body.pagination.nextCursor })).toEqual({
      status: 400,
      body: invalid,
    });
  });
});

describe('PUT firewall-control/{id}', () => {
  it('changes only the fields sent and stamps updatedAt', async () => {
    const h = await startSim();
    const made = (await create(h, rule())).body.data;
    h.sim.clock.advance(90_000);
    const { status, body } = await put(h, made.id, {
      description: 'renewed until 2027-01-27',
      status: 'Disabled',
    });
    expect(status).toBe(200);
    FirewallRuleSchema.parse(body.data);
    expect(body.data).toEqual({
      ...made,
      description: 'renewed until 2027-01-27',
      status: 'Disabled',
      updatedAt: '2026-11-27T12:01:30.000000Z',
    });
    expect(h.sim.firewallRules()).toEqual([body.data]);
  });

  it.each([
    ['an unknown id', '1999999999999999999', { description: 'x' }, 404],
    ['a bad action', 'known', { action: 'Deny' }, 400],
    ['empty remoteHosts', 'known', { remoteHosts: [] }, 400],
    ['no data', 'known', undefined, 400],
  ])('%s -> its status, rule unchanged', async (_l, which, data, status) => {
    const h = await startSim();
    const made = (await create(h, rule())).body.data;
    const id = which === 'known' ? made.id : which;
    expect((await put(h, id, data)).status).toBe(status);
    expect(h.sim.firewallRules()).toEqual([made]);
  });
});

describe('DELETE firewall-control by filter.ids', () => {
  it('removes the named rules; nothing matched -> affected 0', async () => {
    const h = await startSim();
    const [a, b] = h.sim.putFirewallRules([
      { name: 'a', remoteHosts: [{ type: 'fqdn', values: ['a.example'] }] },
      { name: 'b', remoteHosts: [{ type: 'fqdn', values: ['b.example'] }] },
    ]);
    const del = await remove(h, { filter: { accountIds: [ACCOUNT], ids: [a?.id] } });
    expect(del).toEqual({ status: 200, body: { data: { affected: 1 } } });
    expect(h.sim.firewallRules().map((r) => r.id)).toEqual([b?.id]);
    expect((await remove(h, { filter: { ids: [a?.id] } })).body).toEqual({ data: { affected: 0 } });
  });

  it.each([
    ['no filter', { data: { ids: ['1'] } }, 400],
    ['no ids', { filter: { accountIds: [ACCOUNT] } }, 400],
    ['empty ids', { filter: { ids: [] } }, 400],
    ['a foreign account', { filter: { accountIds: [FOREIGN], ids: ['1'] } }, 403],
  ])('%s -> its status', async (_l, json, status) => {
    const h = await startSim();
    h.sim.putFirewallRules([
      { id: '1000000000000000001', name: 'a', remoteHosts: [{ type: 'fqdn', values: ['a.example'] }] },
    ]);
    expect((await remove(h, json)).status).toBe(status);
    expect(h.sim.firewallRules()).toHaveLength(1);
  });
});

describe('no Control SKU and permissions', () => {
  const calls: Array<[string, (h: Harness, token?: string) => Promise<{ status: number; body: unknown }>]> = [
    ['GET', (h, token) => get(h, {}, token)],
    ['POST', (h, token) => create(h, rule(), { accountIds: [ACCOUNT] }, token)],
    ['PUT', (h, token) => put(h, '1000000000000000001', { description: 'x' }, token)],
    ['DELETE', (h, token) => remove(h, { filter: { ids: ['1000000000000000001'] } }, token)],
  ];

  it.each(calls)(
    'firewallControl=false: %s -> 403 "requires Control SKU", nothing changed',
    async (_l, call) => {
      const h = await startSim();
      h.sim.putFirewallRules([
        { id: '1000000000000000001', name: 'a', remoteHosts: [{ type: 'fqdn', values: ['a.example'] }] },
      ]);
      await h.call('/__sim/config', { method: 'POST', json: { firewallControl: false }, token: null });
      expect(await call(h)).toEqual({ status: 403, body: NO_SKU });
      expect(h.sim.firewallRules()).toHaveLength(1);
      expect(h.sim.firewallRules()[0]?.description).toBe('');
    },
  );

  it('firewallControl=false leaves restrictions and IOCs alone', async () => {
    const h = await startSim({ firewallControl: false });
    expect((await h.call('/web/api/v2.1/restrictions')).status).toBe(200);
    expect((await h.call('/web/api/v2.1/threat-intelligence/iocs')).status).toBe(200);
  });

  it.each(calls)('noFirewall token: %s -> 403 forbidden body', async (_l, call) => {
    const h = await startSim();
    const { status, body } = (await call(h, SIM_TOKENS.noFirewall)) as {
      status: number;
      body: { errors: Json[] };
    };
    expect(status).toBe(403);
    expect(body.errors[0]).toMatchObject({ code: 4030000, title: 'Insufficient permissions' });
    expect(String(body.errors[0]?.detail)).toContain('Firewall Control');
  });

  it.each([
    ['GET', 200],
    ['POST', 403],
    ['PUT', 403],
    ['DELETE', 403],
  ])('firewall view only: %s -> %i', async (name, status) => {
    const h = await startSim();
    h.sim.tokens.add('sim-token-firewall-viewer', { label: 'fwviewer', firewallManage: false });
    const call = calls.find(([n]) => n === name)?.[1];
    expect((await call?.(h, 'sim-token-firewall-viewer'))?.status).toBe(status);
  });

  it('noBlocklist token may use Firewall Control', async () => {
    const h = await startSim();
    expect((await create(h, rule(), { accountIds: [ACCOUNT] }, SIM_TOKENS.noBlocklist)).status).toBe(200);
  });
});

describe('faults and control routes', () => {
  it.each([
    ['POST', 1],
    ['DELETE', 0],
  ])('a 500 after commit on %s commits, then fails', async (method, left) => {
    const h = await startSim();
    const [planted] = h.sim.putFirewallRules([
      { name: 'a', remoteHosts: [{ type: 'fqdn', values: ['a.example'] }] },
    ]);
    h.sim.faults.add({
      kind: 'status',
      status: 500,
      method,
      path: 'firewall-control',
      phase: 'after',
      times: 1,
    });
    const res =
      method === 'POST' ? await create(h, rule()) : await remove(h, { filter: { ids: [planted?.id] } });
    expect(res).toEqual({ status: 500, body: INTERNAL });
    expect(h.sim.firewallRules()).toHaveLength(method === 'POST' ? 2 : left);
    expect(h.sim.requests().at(-1)).toMatchObject({ method, path: FW, status: 500, fault: 'status:500' });
  });

  it('a 500 before commit on PUT changes nothing', async () => {
    const h = await startSim();
    const made = (await create(h, rule())).body.data;
    h.sim.faults.add({ kind: 'status', status: 500, method: 'PUT', path: 'firewall-control/', times: 1 });
    expect((await put(h, made.id, { description: 'x' })).status).toBe(500);
    expect(h.sim.firewallRules()).toEqual([made]);
  });

  it('POST /__sim/firewall plants rules as another user; GET shows them; DELETE removes; reset clears', async () => {
    const h = await startSim();
    const planted = await h.json('/__sim/firewall', {
      method: 'POST',
      token: null,
      json: { rules: [{ name: 'by hand', remoteHosts: [{ type: 'cidr', values: ['10.0.0.0/8'] }] }] },
    });
    expect(planted.status).toBe(200);
    const made = planted.body.data[0];
    expect(made).toMatchObject({
      creator: OTHER_USER.fullName,
      creatorId: OTHER_USER.id,
      action: 'Block',
      status: 'Enabled',
      osTypes: ['windows', 'macos', 'linux'],
      scope: 'account',
      scopeId: ACCOUNT,
    });
    expect((await get(h)).body.data).toEqual([made]);
    expect((await h.json('/__sim/firewall', { token: null })).body.data).toEqual([made]);
    expect(
      (await h.json('/__sim/firewall', { method: 'DELETE', token: null, json: { ids: [made.id] } })).body
        .data,
    ).toEqual({ removed: 1 });
    h.sim.putFirewallRules([{ name: 'again', remoteHosts: [{ type: 'fqdn', values: ['x.example'] }] }]);
    await h.call('/__sim/reset', { method: 'POST', token: null });
    expect(h.sim.firewallRules()).toEqual([]);
  });

  it('a planted rule without remote hosts is a 400 on the control route', async () => {
    const h = await startSim();
    expect(
      (await h.json('/__sim/firewall', { method: 'POST', token: null, json: { rules: [{ name: 'x' }] } }))
        .status,
    ).toBe(400);
  });
});
